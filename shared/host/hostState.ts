/**
 * The host's synchronised state: one per avenue shard (`AvenueState.host`), sent to everyone in the
 * shard. The server's pure simulation (shared/host/hostSim.ts) decides every field; the client only
 * renders it.
 */
import { type SchemaType, schema, t } from "@colyseus/schema";

/** The host's animation clips, as a const object like AvatarAnim. */
export const HostAnim = { idle: 0, walk: 1, wave: 2, point: 3, present: 4 } as const;
export type HostAnim = (typeof HostAnim)[keyof typeof HostAnim];

/** What the host is doing. */
export const HOST_MODES = ["patrol", "greet", "tour", "present", "announce", "answer"] as const;
export type HostMode = (typeof HOST_MODES)[number];

/** Clients within this distance (metres) of the host open the card of `presentingProductId`. */
export const PRESENT_RADIUS = 8;

export const HostState = schema(
  {
    name: t.string().default(""),
    x: t.float32().default(0),
    z: t.float32().default(0),
    heading: t.float32().default(0),
    /** A HostAnim value. */
    anim: t.uint8().default(0),
    /** A HostMode. */
    mode: t.string().default("patrol"),
    /** Increases with each new line (a new bubble, a new chat-log entry). */
    lineId: t.uint32().default(0),
    /** The current line in every locale ("en", "fr", "de", "zh-CN"); may hold line tokens. */
    line: t.map("string"),
    /** Epoch ms until which the bubble shows. */
    lineUntil: t.float64().default(0),
    /** Product whose card opens for clients within PRESENT_RADIUS; "" if none. */
    presentingProductId: t.string().default(""),
    tourId: t.string().default(""),
    /** Index of the current stop of the tour; -1 when not touring. */
    tourStop: t.int8().default(-1),
    /** How many avatars follow the tour. */
    followers: t.uint8().default(0),
    /** Where the host points (when anim is point or present). */
    lookAtX: t.float32().default(0),
    lookAtZ: t.float32().default(0),
    /** The drop being announced, "" if none. */
    announceDropId: t.string().default(""),
    /** Epoch ms of that drop's next opening (the countdown's target); 0 if none. */
    announceAt: t.float64().default(0),
  },
  "HostState",
);
export type HostState = SchemaType<typeof HostState>;
