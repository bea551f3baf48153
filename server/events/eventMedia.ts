/**
 * An event's live video grants: the presenter's camera goes into the stage's Janus VideoRoom
 * (server/media/stageMedia.ts), the admitted audience watches it. Who may do which is the event's
 * own admission (server/events/admission.ts): its named presenters publish, and admins for platform
 * events (they run them); everyone the stage admits watches. Without Janus there is no grant, and
 * the refusal says so in a way the page reads as "no video" rather than as a failure.
 */
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { SessionUser } from "../../shared/auth.ts";
import { ErrorCode } from "../../shared/errors.ts";
import { ADMISSION_MESSAGES } from "../../shared/events/admission.ts";
import type { EventMediaRefusal, EventMediaRole } from "../../shared/events/eventMedia.ts";
import type { MediaGrant } from "../../shared/media.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { events } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";
import { MediaError } from "../media/mediaError.ts";
import type { StageMedia } from "../media/stageMedia.ts";
import { decideAdmission } from "./admission.ts";
import { bindPendingInvitations } from "./invitations.ts";

/** Janus' stage ids hold 64 characters; event ids may have 80. */
const STAGE_ID_MAX = 64;
/** Longest display name a grant carries (shared/media.ts). */
const DISPLAY_MAX = 64;

/** The Janus stage of an event: its id, or (past 64 characters) its head and a hash of the whole. */
export function stageIdOfEvent(eventId: string): string {
  if (eventId.length <= STAGE_ID_MAX) return eventId;
  const hash = createHash("sha256").update(eventId).digest("hex").slice(0, 16);
  return `${eventId.slice(0, STAGE_ID_MAX - hash.length - 1)}-${hash}`;
}

function refusal(code: ErrorCode, reason: EventMediaRefusal, eventId: string, message: string): DomainError {
  return new DomainError(code, message, { reason, eventId });
}

/** A Janus failure as an HTTP answer: the right 5xx status, and what failed. */
function mediaFailure(error: unknown, eventId: string): never {
  if (error instanceof MediaError) {
    throw new DomainError(
      ErrorCode.internal,
      `The live video could not be started: ${error.message}`,
      { reason: error.code, eventId },
      error.status,
    );
  }
  throw error;
}

export type EventMediaDeps = { database: DbLike; clock: Clock; media: StageMedia | null };

/**
 * A grant to publish or watch an event's video.
 * @throws DomainError not_found (no event, or `media_not_configured`), 401 for a guest asking to
 * publish, 403 with the admission's reason or `not_presenter`.
 */
export async function grantEventMedia(
  { database, clock, media }: EventMediaDeps,
  user: SessionUser | null,
  eventId: string,
  role: EventMediaRole,
): Promise<MediaGrant> {
  const db = drizzleOf(database);
  if (role === "publish" && !user) {
    throw refusal(
      ErrorCode.unauthenticated,
      "not_presenter",
      eventId,
      "Sign in as a presenter of this event.",
    );
  }
  if (user) await bindPendingInvitations(db, user);
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) throw refusal(ErrorCode.notFound, "not_found", eventId, ADMISSION_MESSAGES.not_found);
  const decision = await decideAdmission(db, event, user, clock.now());
  if ("refusal" in decision) {
    throw refusal(ErrorCode.forbidden, decision.refusal, eventId, ADMISSION_MESSAGES[decision.refusal]);
  }
  const presents =
    decision.role === "presenter" || (event.brandId === null && user !== null && user.role === "admin");
  if (role === "publish" && !presents) {
    throw refusal(
      ErrorCode.forbidden,
      "not_presenter",
      eventId,
      "Only the presenters of this event go on camera; moderators and the audience watch.",
    );
  }
  if (!media) {
    throw refusal(
      ErrorCode.notFound,
      "media_not_configured",
      eventId,
      "Live video is not configured on this server: the show goes on with the stage, the host and the chat.",
    );
  }
  const stageId = stageIdOfEvent(eventId);
  const display = (user?.displayName || "Guest").slice(0, DISPLAY_MAX);
  if (role === "watch") return media.grantViewer(stageId, { display });
  try {
    // Idempotent: the first presenter's grant opens the stage's room, later ones find it.
    await media.openStage(stageId);
    return await media.grantPresenter(stageId, { participantId: (user as SessionUser).id, display });
  } catch (error) {
    mediaFailure(error, eventId);
  }
}
