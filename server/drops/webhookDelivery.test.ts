import assert from "node:assert/strict";
import type { LookupAddress } from "node:dns";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { postWebhook, publicOnlyLookup } from "./webhookDelivery.ts";

const received: { body: string; signature: string | undefined }[] = [];
const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c: Buffer) => {
    body += c.toString();
  });
  req.on("end", () => {
    received.push({ body, signature: req.headers["x-vitrine-signature"] as string | undefined });
    res.writeHead(202).end("ok");
  });
});
let port = 0;
before(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
after(() => new Promise<void>((r) => server.close(() => r())));

/** A resolver that answers what the test says, as a rebinding name server would. */
const answering =
  (...addresses: string[]) =>
  (_host: string, _o: unknown, cb: (e: null, a: LookupAddress[]) => void) =>
    cb(
      null,
      addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
    );

const init = { method: "POST" as const, headers: { "x-vitrine-signature": "sig" }, body: '{"order":1}' };

test("a name that resolves to loopback at connection time is never dialled", async () => {
  const before = received.length;
  await assert.rejects(
    postWebhook(`http://orders.maison.example:${port}/hook`, init, {
      lookup: publicOnlyLookup(answering("127.0.0.1")),
    }),
    (e: NodeJS.ErrnoException) => e.code === "EWEBHOOKINTERNAL" && /127\.0\.0\.1/.test(e.message),
  );
  assert.equal(received.length, before, "the local server got no request");
});

test("one internal address among public ones refuses the name", async () => {
  await assert.rejects(
    postWebhook(`http://orders.maison.example:${port}/hook`, init, {
      lookup: publicOnlyLookup(answering("93.184.216.34", "169.254.169.254")),
    }),
    /169\.254\.169\.254/,
  );
});

test("a public address passes through the lookup in both of its calling forms", async () => {
  const lookup = publicOnlyLookup(answering("93.184.216.34"));
  const one = await new Promise<[string, number]>((resolve, reject) =>
    lookup("orders.maison.example", {}, (e, address, family) =>
      e ? reject(e) : resolve([address as string, family as number]),
    ),
  );
  assert.deepEqual(one, ["93.184.216.34", 4]);
  const all = await new Promise<unknown>((resolve, reject) =>
    lookup("orders.maison.example", { all: true }, (e, addresses) => (e ? reject(e) : resolve(addresses))),
  );
  assert.deepEqual(all, [{ address: "93.184.216.34", family: 4 }]);
});

test("the POST carries the body and headers and answers the brand's status", async () => {
  // Loopback allowed here only to reach the test's own server: the posting itself is under test.
  const loopback = (_h: string, o: { all?: boolean }, cb: (...a: unknown[]) => void) =>
    o.all ? cb(null, [{ address: "127.0.0.1", family: 4 }]) : cb(null, "127.0.0.1", 4);
  const answer = await postWebhook(`http://orders.maison.example:${port}/hook`, init, {
    lookup: loopback as never,
  });
  assert.equal(answer.status, 202);
  assert.deepEqual(received.at(-1), { body: '{"order":1}', signature: "sig" });
});
