/**
 * Issue 10: state-changing requests and WebSocket upgrades from another site are refused (403
 * `cross_origin`), same-origin ones pass, and ALLOWED_ORIGINS adds the public origins.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import WebSocket from "ws";
import { PROTOCOL_VERSION } from "../../shared/constants.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";

const EVIL = "https://evil.example";
const PUBLIC = "https://vitrine.example";
const SHOPPER = { email: "shopper@vitrine.demo", password: "vitrine-shopper-1" };

function signIn(server: TestServer, headers: Record<string, string>) {
  return fetch(`${server.url}/api/auth/signin`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(SHOPPER),
  });
}

async function expectCrossOrigin(res: Response): Promise<void> {
  assert.equal(res.status, 403);
  const body = (await res.json()) as { error: { code: string; details: { reason: string } } };
  assert.equal(body.error.code, "forbidden");
  assert.equal(body.error.details.reason, "cross_origin");
}

type Seat = { sessionId: string; roomId: string; processId: string };

async function reserveSeat(server: TestServer, headers: Record<string, string>): Promise<Response> {
  return fetch(`${server.url}/matchmake/joinOrCreate/avenue`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ protocol: PROTOCOL_VERSION }),
  });
}

/** Opens the room's WebSocket with `origin`: "open", or the refused upgrade's HTTP status. */
function upgrade(server: TestServer, seat: Seat, origin: string): Promise<"open" | number> {
  const url = `${server.url.replace("http", "ws")}/${seat.processId}/${seat.roomId}?sessionId=${seat.sessionId}`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { origin } });
    ws.on("open", () => {
      ws.close();
      resolve("open");
    });
    ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.on("error", reject);
  });
}

describe("cross-origin requests", () => {
  let server: TestServer;
  let own: string;
  before(async () => {
    server = await startTestServer({ ALLOWED_ORIGINS: PUBLIC });
    own = server.url;
  });
  after(async () => {
    await server.stop();
  });

  test("a POST from another site is refused, with or without the cookie", async () => {
    const session = await signIn(server, { origin: own });
    assert.equal(session.status, 200, "same-origin sign-in passes");
    const cookie = (session.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    await expectCrossOrigin(await signIn(server, { origin: EVIL }));
    const signOut = await fetch(`${server.url}/api/auth/signout`, {
      method: "POST",
      headers: { origin: EVIL, "sec-fetch-site": "cross-site", cookie },
    });
    await expectCrossOrigin(signOut);
    // The session survived the cross-site attempt.
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie } });
    assert.equal(((await me.json()) as { user: { email: string } | null }).user?.email, SHOPPER.email);
  });

  test("Sec-Fetch-Site decides when there is no Origin; Origin null is refused", async () => {
    await expectCrossOrigin(await signIn(server, { "sec-fetch-site": "cross-site" }));
    await expectCrossOrigin(await signIn(server, { "sec-fetch-site": "same-site" }));
    await expectCrossOrigin(await signIn(server, { origin: "null" }));
    assert.equal((await signIn(server, { "sec-fetch-site": "same-origin" })).status, 200);
    assert.equal((await signIn(server, {})).status, 200, "no browser headers: not a browser");
  });

  test("an origin in ALLOWED_ORIGINS passes; reads are never refused", async () => {
    assert.equal((await signIn(server, { origin: PUBLIC, "sec-fetch-site": "cross-site" })).status, 200);
    const read = await fetch(`${server.url}/api/catalog`, { headers: { origin: EVIL } });
    assert.equal(read.status, 200);
  });

  test("matchmaking and the WebSocket upgrade refuse another site and accept our own", async () => {
    await expectCrossOrigin(await reserveSeat(server, { origin: EVIL }));
    const reserved = await reserveSeat(server, { origin: own });
    assert.equal(reserved.status, 200);
    const seat = (await reserved.json()) as Seat;
    assert.equal(await upgrade(server, seat, EVIL), 403);
    assert.equal(await upgrade(server, seat, own), "open");
  });
});
