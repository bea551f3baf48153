/**
 * How many rooms a guest (no session) may make the matchmaker create (issue 10): each `create`
 * (a new avenue shard on request) counts one point per address per window in the limiter store
 * (Redis when scaled out). Joining a room that exists and anything a signed-in person does is not
 * counted. Called from a room's static `onAuth`, which Colyseus runs before it creates the room.
 *
 * Why `joinOrCreate` is not counted: it creates only when no open room matches, which is bounded
 * without a cap (the avenue has no filter, so a new shard only once the others are full; a drop or
 * vitrine room only for a drop or owner that exists). Counting it would refuse a guest who simply
 * comes back to an empty avenue (its room closes when the last visitor leaves) a few times.
 */
import { type AuthContext, ServerError } from "@colyseus/core";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { ErrorCode } from "../../../shared/errors.ts";
import type { LimiterStore } from "../../http/limiterStore.ts";

export type GuestRoomCapLimits = { roomsPerWindow: number; windowSeconds: number };

export const DEFAULT_GUEST_ROOM_CAP: GuestRoomCapLimits = { roomsPerWindow: 10, windowSeconds: 600 };

let counter: RateLimiterAbstract | null = null;
let limits: GuestRoomCapLimits = DEFAULT_GUEST_ROOM_CAP;

/** Set once at boot (server/app.ts) with the process's limiter store. */
export function configureGuestRoomCap(store: LimiterStore, given: GuestRoomCapLimits): void {
  limits = given;
  counter = store.counter({
    keyPrefix: "guest-rooms:ip",
    points: given.roomsPerWindow,
    durationSeconds: given.windowSeconds,
  });
}

/** The matchmaking method of this request (`create`, `joinOrCreate`, ...), or null over WebSocket. */
function methodOf(context: AuthContext): string | null {
  const url = (context.req as { url?: string } | undefined)?.url;
  if (!url) return null;
  const match = /\/matchmake\/([^/]+)\//.exec(new URL(url, "http://local").pathname);
  return match?.[1] ?? null;
}

/**
 * Refuses a guest's room creation past the cap with a matchmaking error (status 429, the
 * `rate_limited` code in the message so the client can tell it from other refusals).
 */
export async function checkGuestRoomCreation(
  roomName: string,
  context: AuthContext,
  signedIn: boolean,
): Promise<void> {
  if (signedIn || !counter) return;
  if (methodOf(context) !== "create") return;
  try {
    await counter.consume(`${roomName}:${context.ip ?? "unknown"}`);
  } catch (rejection) {
    if (rejection instanceof Error) throw rejection;
    throw new ServerError(
      429,
      `${ErrorCode.rateLimited}: a guest may open ${limits.roomsPerWindow} rooms per ${limits.windowSeconds / 60} minutes; sign in to open more.`,
    );
  }
}
