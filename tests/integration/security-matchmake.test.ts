/**
 * Issue 10: `POST /matchmake/*` (anonymous) is refused early when its body is too large, by
 * Content-Length and by counting a body that streams without one; memory does not grow with it.
 */
import assert from "node:assert/strict";
import http from "node:http";
import { after, before, describe, test } from "node:test";
import { MATCHMAKE_BODY_LIMIT_BYTES } from "../../server/http/security/frontDoor.ts";
import { joinAvenue, leaveQuietly, startTestServer, type TestServer } from "../helpers/server.ts";

const HUNDRED_MB = 100 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 0x20);

type Outcome = { status: number; body: string; bytesSent: number };

/**
 * Streams up to `total` bytes (one reused chunk, so the test itself holds no 100 MB) and stops
 * as soon as the server answers or closes.
 */
function sendLargeBody(url: string, total: number, withLength: boolean): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const headers: Record<string, string | number> = { "content-type": "application/json" };
    if (withLength) headers["content-length"] = total;
    const req = http.request(`${url}/matchmake/joinOrCreate/avenue`, { method: "POST", headers });
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => {
        body += d;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, bytesSent }));
      res.on("error", reject);
    });
    // The server closes once it has answered: a write after that fails, which is the point.
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && !req.destroyed && bytesSent < total) {
        bytesSent += CHUNK.length;
        if (!req.write(CHUNK)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered && bytesSent >= total) req.end();
    };
    pump();
  });
}

describe("matchmaking body limit", () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await server.stop();
  });

  for (const withLength of [true, false]) {
    test(`a 100 MB body ${withLength ? "with" : "without"} Content-Length is refused early with 413`, async () => {
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      const outcome = await sendLargeBody(server.url, HUNDRED_MB, withLength);
      const rssAfter = process.memoryUsage().rss;
      assert.equal(outcome.status, 413);
      const body = JSON.parse(outcome.body) as { error: { code: string; details: { limitBytes: number } } };
      assert.equal(body.error.code, "payload_too_large");
      assert.equal(body.error.details.limitBytes, MATCHMAKE_BODY_LIMIT_BYTES);
      // Refused long before the end: the server stopped reading.
      assert.ok(outcome.bytesSent < HUNDRED_MB / 4, `sent ${outcome.bytesSent} bytes before the answer`);
      const grewMb = (rssAfter - rssBefore) / (1024 * 1024);
      assert.ok(grewMb < 40, `resident memory grew by ${grewMb.toFixed(1)} MB`);
    });
  }

  test("a body just over the limit is refused, a normal join still works", async () => {
    const justOver = await sendLargeBody(server.url, MATCHMAKE_BODY_LIMIT_BYTES + CHUNK.length, false);
    assert.equal(justOver.status, 413);
    const room = await joinAvenue(server.url);
    assert.ok(room.roomId);
    await leaveQuietly(room);
  });
});
