/**
 * Issue 10: a guest (no session) may not make the matchmaker create rooms without limit. Past
 * GUEST_ROOMS_PER_WINDOW creations from one address the matchmaker refuses (429, `rate_limited`);
 * joining a room that exists, and a signed-in person's creations, are not counted.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { PROTOCOL_VERSION } from "../../shared/constants.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

const CAP = 3;
const SHOPPER = { email: "shopper@vitrine.demo", password: "vitrine-shopper-1" };

function matchmake(server: TestServer, method: string, cookie?: string): Promise<Response> {
  return fetch(`${server.url}/matchmake/${method}/avenue`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ protocol: PROTOCOL_VERSION }),
  });
}

async function roomIdOf(res: Response): Promise<string> {
  assert.equal(res.status, 200, await res.clone().text());
  const body = (await res.json()) as { roomId: string };
  return body.roomId;
}

describe("rooms a guest may create", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ GUEST_ROOMS_PER_WINDOW: String(CAP) });
  });
  after(async () => {
    await server.stop();
  });

  test("joining an open room is not counted; the guest's N+1th creation is refused", async () => {
    const first = await roomIdOf(await matchmake(server, "create"));
    // joinOrCreate finds the open shard: no creation, however often.
    for (let i = 0; i < CAP + 2; i++) {
      assert.equal(await roomIdOf(await matchmake(server, "joinOrCreate")), first);
    }
    const created = new Set([first]);
    for (let i = 1; i < CAP; i++) created.add(await roomIdOf(await matchmake(server, "create")));
    assert.equal(created.size, CAP, "each create opened its own room");

    const refused = await matchmake(server, "create");
    assert.equal(refused.status, 429);
    const body = (await refused.json()) as { code: number; error: string };
    assert.equal(body.code, 429);
    assert.match(body.error, /^rate_limited: /);

    // Still no limit on joining what exists.
    assert.ok(created.has(await roomIdOf(await matchmake(server, "joinOrCreate"))));
  });

  test("a signed-in person is not capped", async () => {
    const session = await fetch(`${server.url}/api/auth/signin`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(SHOPPER),
    });
    assert.equal(session.status, 200);
    const cookie = (session.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const rooms = new Set<string>();
    for (let i = 0; i < CAP + 2; i++) rooms.add(await roomIdOf(await matchmake(server, "create", cookie)));
    assert.equal(rooms.size, CAP + 2);
    // The guest, on the same address, is still refused.
    assert.equal((await matchmake(server, "create")).status, 429);
  });
});
