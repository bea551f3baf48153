import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  CallSignal,
  CallSignalToPeer,
  IceServers,
  isPoliteTowards,
  MediaGrant,
  SDP_MAX_CHARS,
} from "./media.ts";

describe("media contracts", () => {
  test("ICE servers: STUN alone, TURN with credentials; TURN without them and odd urls are refused", () => {
    assert.ok(IceServers.safeParse([{ urls: "stun:stun.example.org:3478" }]).success);
    assert.ok(
      IceServers.safeParse([
        {
          urls: ["turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349"],
          username: "u",
          credential: "c",
        },
      ]).success,
    );
    const noCredential = IceServers.safeParse([{ urls: "turn:turn.example.org" }]);
    assert.equal(noCredential.success, false);
    assert.match(
      noCredential.error?.issues[0]?.message ?? "",
      /TURN server needs a username and a credential/,
    );
    assert.equal(IceServers.safeParse([{ urls: "http://stun.example.org" }]).success, false);
    assert.equal(IceServers.safeParse([{ urls: "stun:a", extra: 1 }]).success, false);
  });

  test("signals: offers within the size limit, candidates or their end, hang-ups with a reason", () => {
    assert.ok(CallSignal.safeParse({ type: "offer", sdp: "v=0\r\n" }).success);
    assert.equal(CallSignal.safeParse({ type: "offer", sdp: "x".repeat(SDP_MAX_CHARS + 1) }).success, false);
    assert.equal(CallSignal.safeParse({ type: "offer", sdp: "" }).success, false);
    assert.ok(
      CallSignal.safeParse({
        type: "candidate",
        candidate: {
          candidate: "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host",
          sdpMid: "0",
          sdpMLineIndex: 0,
        },
      }).success,
    );
    assert.ok(CallSignal.safeParse({ type: "candidate", candidate: null }).success);
    assert.equal(CallSignal.safeParse({ type: "hangup", reason: "because" }).success, false);
    assert.equal(CallSignal.safeParse({ type: "reboot" }).success, false);
    assert.equal(
      CallSignalToPeer.safeParse({ to: "../x", signal: { type: "hangup", reason: "left" } }).success,
      false,
    );
  });

  test("grants: a watch grant carries no publish token; a publish grant must", () => {
    const base = {
      server: "ws://127.0.0.1:8188",
      token: "1,janus,janus.plugin.videoroom:abc=",
      room: "vitrine-stage-ev1",
      pin: "p1",
      display: "Ada",
      iceServers: [],
      expiresAt: new Date(0).toISOString(),
    };
    const watch = MediaGrant.parse({ type: "watch", ...base, publishToken: "x".repeat(20) });
    assert.equal("publishToken" in watch, false, "extra fields are dropped from a watch grant");
    assert.equal(MediaGrant.safeParse({ type: "publish", ...base }).success, false);
    assert.equal(MediaGrant.safeParse({ type: "watch", ...base, room: "other-room" }).success, false);
  });

  test("exactly one side of a pair is polite", () => {
    assert.notEqual(isPoliteTowards("a", "b"), isPoliteTowards("b", "a"));
  });
});
