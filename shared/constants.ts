/** Rates, limits and sizes that both the server and the client rely on. */

/** Version of the room protocol; a client with another version is refused at join. */
export const PROTOCOL_VERSION = 1;

/** Server simulation rate (fixed step) of the avenue, in Hz. */
export const AVENUE_TICK_RATE = 30;
/** How often state patches are sent to clients, in milliseconds (20 Hz). */
export const PATCH_INTERVAL_MS = 50;

/** Walking speed in metres per second; the server clamps every avatar to it. */
export const WALK_SPEED = 3.4;
/** Radius of an avatar's footprint for collisions, in metres. */
export const AVATAR_RADIUS = 0.35;
/** Distance under which a click-to-walk target counts as reached. */
export const ARRIVE_DISTANCE = 0.15;

/** A room closes a client that sends more messages than this in one second. */
export const MAX_MESSAGES_PER_SECOND = 40;
/**
 * The WebSocket transport refuses frames larger than this (bytes). Room messages are small, but a
 * WebRTC offer with audio and video relayed through the salon room is about 6 KB and may reach the
 * call signal's own cap (CALL_SIGNAL_MAX_BYTES, 34 KB): the frame limit sits just above it; each
 * message's schema still bounds its own fields.
 */
export const MAX_MESSAGE_BYTES = 40_960;
/** Invalid messages tolerated (each answered with an error) before the client is disconnected. */
export const MAX_INVALID_MESSAGES = 5;
/** Seconds a dropped client's avatar is kept waiting for its reconnection. */
export const RECONNECT_GRACE_SECONDS = 20;

/** Avatars nearer than this enter a client's view; farther than the second they leave it (metres). */
export const DEFAULT_VIEW_RADIUS = 45;
export const VIEW_HYSTERESIS = 5;
/** How often each client's set of visible avatars is recomputed. */
export const VIEW_REFRESH_MS = 250;

/** Default number of avatars in one avenue shard. */
export const DEFAULT_AVENUE_SHARD_CAPACITY = 100;

export const DISPLAY_NAME_MAX = 24;

/** Locales the UI is translated into. */
export const LOCALES = ["en", "fr", "de", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
