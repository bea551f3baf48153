/**
 * An event's timeline, kept for its replay: what was on stage, pins, the host's lines, the stage
 * channel, the phases and the drop's countdown, each at `t` ms from the event's start (negative:
 * while the doors were open).
 */
import { z } from "zod";
import { LocalizedLine } from "../host/chatMessages.ts";
import { EVENT_MAX_DOORS_OPEN_MINUTES, EVENT_MAX_DURATION_MINUTES } from "./eventSchedule.ts";
import { EventPhase } from "./eventView.ts";

/** Entries one event may keep (a long show with a busy stage stays far below it). */
export const TIMELINE_MAX_ENTRIES = 20_000;
/** Entries one append may carry (the stage batches them). */
export const TIMELINE_MAX_BATCH = 200;

const ProductId = z.string().min(1).max(100);
const TimeFromStart = z
  .number()
  .int()
  .min(-EVENT_MAX_DOORS_OPEN_MINUTES * 60_000)
  .max(EVENT_MAX_DURATION_MINUTES * 60_000);

export const TimelineKind = z.enum([
  "stage",
  "pin",
  "unpin",
  "host_line",
  "stage_chat",
  "phase",
  "drop_countdown",
]);
export type TimelineKind = z.infer<typeof TimelineKind>;

/** What each kind of entry holds. */
export const TimelinePayload = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("stage"),
    payload: z
      .object({
        /** Null: the stage was cleared. */
        productId: ProductId.nullable(),
        variant: z.string().max(200).nullable(),
        yaw: z.number().finite().min(-Math.PI).max(Math.PI),
        /** Radians per second of the turntable. */
        spin: z.number().finite().min(-10).max(10),
      })
      .strict(),
  }),
  z.object({ kind: z.literal("pin"), payload: z.object({ productId: ProductId }).strict() }),
  z.object({ kind: z.literal("unpin"), payload: z.object({ productId: ProductId }).strict() }),
  z.object({
    kind: z.literal("host_line"),
    payload: z.object({ lineId: z.number().int().min(0), line: LocalizedLine }).strict(),
  }),
  z.object({
    kind: z.literal("stage_chat"),
    payload: z
      .object({
        name: z.string().min(1).max(60),
        role: z.enum(["presenter", "moderator", "host"]),
        text: z.string().min(1).max(500),
      })
      .strict(),
  }),
  z.object({ kind: z.literal("phase"), payload: z.object({ phase: EventPhase }).strict() }),
  z.object({
    kind: z.literal("drop_countdown"),
    payload: z.object({ dropId: z.string().min(1).max(100), endsAt: z.iso.datetime() }).strict(),
  }),
]);
export type TimelinePayload = z.infer<typeof TimelinePayload>;

/** One stored entry of the replay. */
export const TimelineEntry = z.intersection(z.object({ t: TimeFromStart }), TimelinePayload);
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** What the stage hands to the timeline: an entry at an instant of its clock (epoch ms). */
export const TimelineDraft = z.intersection(z.object({ at: z.number().finite() }), TimelinePayload);
export type TimelineDraft = z.infer<typeof TimelineDraft>;

/** An ended show's replay, in order. */
export const Timeline = z.object({
  eventId: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  entries: z.array(TimelineEntry),
});
export type Timeline = z.infer<typeof Timeline>;
