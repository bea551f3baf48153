/**
 * An event's live video: what a page asks for (to publish the presenter's camera, or to watch the
 * stage) and why it may be refused. The grant itself is shared/media.ts' MediaGrant.
 */
import { z } from "zod";
import { AdmissionRefusal } from "./admission.ts";

/** `publish`: the presenter's camera and microphone into the stage; `watch`: receive them. */
export const EventMediaRole = z.enum(["publish", "watch"]);
export type EventMediaRole = z.infer<typeof EventMediaRole>;

export const EventMediaBody = z.object({ role: EventMediaRole }).strict();
export type EventMediaBody = z.infer<typeof EventMediaBody>;

/**
 * Why no grant: the event's admission refusals (ended, invite-only, …), `not_presenter` for a
 * publish by someone the event does not name, and `media_not_configured` when the server runs
 * without Janus, which a page reads as "this show has no video" (the stage goes on without it).
 */
export const EventMediaRefusal = z.enum([
  ...AdmissionRefusal.options,
  "not_presenter",
  "media_not_configured",
]);
export type EventMediaRefusal = z.infer<typeof EventMediaRefusal>;

export const EventMediaRefusalDetails = z.object({ reason: EventMediaRefusal, eventId: z.string() });
export type EventMediaRefusalDetails = z.infer<typeof EventMediaRefusalDetails>;
