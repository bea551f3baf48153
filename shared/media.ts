/**
 * Media contracts shared by the server and the browser: the ICE servers a page may use, the grants the
 * server hands out for a Janus stage (publish or watch), and the peer-to-peer call's signalling
 * messages, which travel through a room (the appointment salon's Colyseus room) between two or three
 * people.
 *
 * Signalling trust: a client sends `CallSignalToPeer` ({ to, signal }); the room validates it with this
 * schema, checks that `to` is in the same call, and delivers `CallSignalFromPeer` with `from` set to
 * the SENDER'S session id — identity never comes from the payload.
 */
import { z } from "zod";

/** At most this many people in one peer-to-peer call (a full mesh: each sends to every other). */
export const CALL_MAX_PEERS = 3;
/** Longest session description accepted (an audio + video offer from Chromium is ~6 KB). */
export const SDP_MAX_CHARS = 32_768;
/**
 * Bytes one signal needs on the wire at most (the SDP plus its envelope). A Colyseus transport that
 * carries calls must accept messages this large: an audio + video offer alone exceeds 4 KB.
 */
export const CALL_SIGNAL_MAX_BYTES = SDP_MAX_CHARS + 2_048;
/** Longest ICE candidate line accepted (a real one is ~100-200 characters). */
export const ICE_CANDIDATE_MAX_CHARS = 1_024;

/** Reasons every media failure carries, on both sides. */
export const MediaErrorCode = {
  /** JANUS_URL is not set: events run without live video. */
  notConfigured: "media_not_configured",
  /** Janus did not answer (down, wrong URL, network). */
  unreachable: "media_unreachable",
  /** Janus answered with an error (e.g. unauthorized, no such room). `details.janusCode` has its code. */
  refused: "media_refused",
  /** Janus answered something this code does not understand. */
  invalidAnswer: "media_invalid_answer",
  /** A request to Janus was malformed before it was sent (bad stage id, ...). */
  invalidRequest: "media_invalid_request",
} as const;
export type MediaErrorCode = (typeof MediaErrorCode)[keyof typeof MediaErrorCode];

const ICE_URL = /^(stun|stuns|turn|turns):[^\s]+$/;

/** One STUN or TURN server, as RTCPeerConnection takes it. TURN needs a username and credential. */
export const IceServer = z
  .object({
    urls: z.union([
      z.string().regex(ICE_URL, "Each ICE url starts with stun:, stuns:, turn: or turns:"),
      z
        .array(z.string().regex(ICE_URL, "Each ICE url starts with stun:, stuns:, turn: or turns:"))
        .min(1, "Give at least one url")
        .max(8),
    ]),
    username: z.string().min(1).max(512).optional(),
    credential: z.string().min(1).max(512).optional(),
  })
  .strict()
  .superRefine((server, ctx) => {
    const urls = Array.isArray(server.urls) ? server.urls : [server.urls];
    const needsCredentials = urls.some((u) => u.startsWith("turn"));
    if (needsCredentials && (!server.username || !server.credential)) {
      ctx.addIssue({
        code: "custom",
        message: "A TURN server needs a username and a credential",
        path: ["username"],
      });
    }
  });
export type IceServer = z.infer<typeof IceServer>;

/** The ICE servers a page uses; empty means host candidates only (fine on one network, not beyond). */
export const IceServers = z.array(IceServer).max(8, "Give at most 8 ICE servers");
export type IceServers = z.infer<typeof IceServers>;

/** A Janus server as a browser reaches it: WebSocket (preferred) or HTTP long-polling. */
export const JanusServerUrl = z
  .string()
  .max(2048)
  .regex(/^(wss?|https?):\/\/[^\s]+$/, "A Janus server is a ws://, wss://, http:// or https:// URL");

/** A Janus VideoRoom id for a stage: `vitrine-stage-<stage id>`. */
export const StageRoomId = z
  .string()
  .regex(
    /^vitrine-stage-[A-Za-z0-9_-]{1,64}$/,
    "A stage room id is vitrine-stage-<1-64 letters, digits, _ or ->",
  );
export type StageRoomId = z.infer<typeof StageRoomId>;

/** A participant's feed id in a room (Janus string ids). */
export const FeedId = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, "A feed id is 1-80 letters, digits, _ or -");

const StageGrantFields = {
  /** Where the browser's janus.js connects. */
  server: JanusServerUrl,
  /** Janus signed token (HMAC), scoped to the VideoRoom and this room, or null when Janus runs without token auth. */
  token: z.string().min(1).max(1024).nullable(),
  room: StageRoomId,
  /** The room's pin, needed to join it at all. */
  pin: z.string().min(1).max(128),
  /** Name shown to the room (the presenter's or viewer's display name). */
  display: z.string().min(1).max(64),
  iceServers: IceServers,
  /** When the token stops working (ISO time); ask for a new grant before then. */
  expiresAt: z.iso.datetime(),
};

/** What a presenter's page needs to publish camera and microphone into a stage. */
export const StagePublishGrant = z.object({
  type: z.literal("publish"),
  ...StageGrantFields,
  /** The feed id to join with: the server kicks and revokes by it. */
  feedId: FeedId,
  /** Entry in the room's allow-list: only holders can join as a publisher. */
  publishToken: z.string().min(16).max(256),
});
export type StagePublishGrant = z.infer<typeof StagePublishGrant>;

/** What a viewer's page needs to watch a stage (or a relay of it): no publish token, so no publishing. */
export const StageWatchGrant = z.object({ type: z.literal("watch"), ...StageGrantFields });
export type StageWatchGrant = z.infer<typeof StageWatchGrant>;

/** Every media grant the server hands out, keyed on `type`. */
export const MediaGrant = z.discriminatedUnion("type", [StagePublishGrant, StageWatchGrant]);
export type MediaGrant = z.infer<typeof MediaGrant>;

/** Whether live video is available, and why not when it is not. */
export const MediaStatus = z.object({
  available: z.boolean(),
  reason: z.enum(["not_configured", "unreachable"]).optional(),
  /** Janus' own version string when reachable, e.g. "1.1.2". */
  version: z.string().max(40).optional(),
});
export type MediaStatus = z.infer<typeof MediaStatus>;

/** A peer in a call: the room's session id of that person. */
export const PeerId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "A peer id is 1-64 letters, digits, _ or -");
export type PeerId = z.infer<typeof PeerId>;

const Sdp = z.string().min(1, "The description is empty").max(SDP_MAX_CHARS, "The description is too long");

/** One ICE candidate as RTCIceCandidate.toJSON() writes it. */
export const IceCandidateInit = z.object({
  candidate: z.string().max(ICE_CANDIDATE_MAX_CHARS, "The candidate is too long"),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
});

/** Why a peer left a call. */
export const HangUpReason = z.enum(["left", "ended", "declined"]);

/** One signalling message between two peers, keyed on `type`. */
export const CallSignal = z.discriminatedUnion("type", [
  z.object({ type: z.literal("offer"), sdp: Sdp }),
  z.object({ type: z.literal("answer"), sdp: Sdp }),
  /** `candidate: null` marks the end of the sender's candidates. */
  z.object({ type: z.literal("candidate"), candidate: IceCandidateInit.nullable() }),
  /** The sender's microphone and camera state, for the other side's UI ("camera off"). */
  z.object({ type: z.literal("media"), audio: z.boolean(), video: z.boolean() }),
  z.object({ type: z.literal("hangup"), reason: HangUpReason }),
]);
export type CallSignal = z.infer<typeof CallSignal>;

/** Client → room: a signal for one other peer of the call. */
export const CallSignalToPeer = z.object({ to: PeerId, signal: CallSignal });
export type CallSignalToPeer = z.infer<typeof CallSignalToPeer>;

/** Room → client: a signal from another peer; `from` is set by the room from the sender's session. */
export const CallSignalFromPeer = z.object({ from: PeerId, signal: CallSignal });
export type CallSignalFromPeer = z.infer<typeof CallSignalFromPeer>;

/**
 * Perfect negotiation needs exactly one polite side per pair; both sides compute it the same way from
 * the two ids, so no extra message is needed. The polite peer yields when offers collide.
 */
export function isPoliteTowards(selfId: string, peerId: string): boolean {
  return selfId < peerId;
}
