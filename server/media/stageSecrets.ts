/**
 * Everything secret about a stage's room is derived from the API secret and the room id, so every
 * Vitrine process (and a restarted one) manages any room without storing anything: the room secret
 * (edit, destroy, allow-list, forwarding), the pin (joining at all) and each presenter's allow-list
 * entry (publishing). Viewers receive the pin only.
 */
import { createHmac } from "node:crypto";
import { MediaErrorCode, StageRoomId } from "../../shared/media.ts";
import { MediaError } from "./mediaError.ts";

function derive(apiSecret: string, purpose: string, subject: string, length = 32): string {
  return createHmac("sha256", apiSecret).update(`${purpose}:${subject}`).digest("base64url").slice(0, length);
}

/** The Janus room of a stage; refuses ids Janus could not hold or that would collide. */
export function stageRoomId(stageId: string): StageRoomId {
  const parsed = StageRoomId.safeParse(`vitrine-stage-${stageId}`);
  if (!parsed.success) {
    throw new MediaError(MediaErrorCode.invalidRequest, "A stage id is 1-64 letters, digits, _ or -.", {
      stageId,
    });
  }
  return parsed.data;
}

/** The room's secret: needed to edit or destroy it, change its allow-list and forward its media. */
export function roomSecret(apiSecret: string, room: string): string {
  return derive(apiSecret, "room-secret", room);
}

/** The room's pin: needed to join it, as a viewer or a presenter. */
export function roomPin(apiSecret: string, room: string): string {
  return derive(apiSecret, "room-pin", room, 24);
}

/** A presenter's feed id in the room: opaque, so viewers never see account ids. */
export function presenterFeedId(apiSecret: string, room: string, participantId: string): string {
  return `p-${derive(apiSecret, "feed", `${room}:${participantId}`, 20)}`;
}

/** A presenter's entry in the room's allow-list: without it, joining as a publisher is refused. */
export function publishToken(apiSecret: string, room: string, feedId: string): string {
  return derive(apiSecret, "publish", `${room}:${feedId}`, 40);
}
