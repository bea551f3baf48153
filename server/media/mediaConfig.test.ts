import assert from "node:assert/strict";
import { test } from "node:test";
import { ConfigError, loadConfig } from "../config.ts";

const JANUS = {
  JANUS_URL: "http://127.0.0.1:8088/janus",
  JANUS_API_SECRET: "api-secret-1",
  JANUS_TOKEN_SECRET: "token-secret-1",
};

test("media settings: none by default, so events run without live video and calls use host candidates", () => {
  const config = loadConfig({});
  assert.equal(config.JANUS_URL, undefined);
  assert.deepEqual(config.ICE_SERVERS, []);
});

test("ICE_SERVERS parses a JSON array and names the variable and entry when wrong", () => {
  const ok = loadConfig({
    ICE_SERVERS: JSON.stringify([
      { urls: "stun:stun.example.org" },
      { urls: ["turn:t.example.org"], username: "u", credential: "c" },
    ]),
  });
  assert.equal(ok.ICE_SERVERS.length, 2);
  assert.throws(
    () => loadConfig({ ICE_SERVERS: "stun:stun.example.org" }),
    (e: unknown) => e instanceof ConfigError && /ICE_SERVERS: not JSON/.test(e.message),
  );
  assert.throws(
    () => loadConfig({ ICE_SERVERS: '[{"urls":"turn:t.example.org"}]' }),
    (e: unknown) =>
      e instanceof ConfigError && /ICE_SERVERS: server 0\.username: A TURN server needs/.test(e.message),
  );
});

test("JANUS_URL takes Janus' HTTP API form and needs both secrets", () => {
  assert.equal(loadConfig(JANUS).JANUS_URL, JANUS.JANUS_URL);
  assert.throws(
    () => loadConfig({ ...JANUS, JANUS_URL: "ws://127.0.0.1:8188" }),
    /JANUS_URL must be Janus' HTTP API/,
  );
  assert.throws(
    () => loadConfig({ ...JANUS, JANUS_TOKEN_SECRET: undefined }),
    /JANUS_API_SECRET and JANUS_TOKEN_SECRET/,
  );
  assert.throws(() => loadConfig({ ...JANUS, JANUS_PUBLIC_URL: "ftp://x" }), /JANUS_PUBLIC_URL/);
});
