/**
 * Live shopping events as a brand (or an admin) schedules them: the body of scheduling and updating,
 * with the rules a body can be checked against on its own. Rules that need the database (who the
 * presenters are, whose products, drop and collectible) are checked by server/events.
 */
import { z } from "zod";
import { localizedTextOf } from "../catalog.ts";
import { lineOfText } from "../text.ts";

/** Longest show, and shortest. */
export const EVENT_MAX_DURATION_MINUTES = 8 * 60;
export const EVENT_MIN_DURATION_MINUTES = 5;
/** Products an event may present. */
export const EVENT_MAX_PRODUCTS = 12;
/** People (and the host) presenting one event. */
export const EVENT_MAX_PRESENTERS = 6;
/** Seats of an invite-only event. */
export const EVENT_MAX_SEATS = 10_000;
/** Doors open this many minutes before the start, unless the event says otherwise (0..120). */
export const EVENT_DEFAULT_DOORS_OPEN_MINUTES = 15;
export const EVENT_MAX_DOORS_OPEN_MINUTES = 120;

/** An event's id: a slug chosen by the scheduler (the seed), or a generated UUID. */
export const EventId = z
  .string()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lowercase letters, digits and single dashes");

const Slug = z
  .string()
  .min(2)
  .max(48)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lowercase letters, digits and single dashes");
const RecordId = z.string().trim().min(1).max(100);

export const EventTitle = localizedTextOf(120, 2);
export const EventDescription = localizedTextOf(2000, 1, "multiLine");
/** A line the host says: may hold placeholders ({product}, {price}, {brand}, {title}, …). */
export const EventHostLine = localizedTextOf(500);

/** A strict ISO 8601 instant with its offset, e.g. 2026-12-01T18:00:00Z. */
export const IsoInstant = z.iso.datetime({
  offset: true,
  message: "Use an ISO 8601 instant, e.g. 2026-12-01T18:00:00Z",
});

export const EventKind = z.enum(["open", "invite"]);
export type EventKind = z.infer<typeof EventKind>;

/** Who presents: a staff account of the brand, or the avenue's host (Céleste). */
export const EventPresenter = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("staff"), userId: RecordId }).strict(),
  z.object({ kind: z.literal("host") }).strict(),
]);
export type EventPresenter = z.infer<typeof EventPresenter>;

const MAX_SECONDS = EVENT_MAX_DURATION_MINUTES * 60;
/** Seconds from the event's start (negative: before it, while the doors are open). */
const OffsetSeconds = z
  .number()
  .int("Give whole seconds")
  .min(-EVENT_MAX_DOORS_OPEN_MINUTES * 60)
  .max(MAX_SECONDS);

/** One product of the host's show: at its time it goes on stage (and is pinned), with its line. */
export const EventHostSegment = z
  .object({
    productId: RecordId,
    atSeconds: OffsetSeconds.min(0, "A product is presented from the start on"),
    line: EventHostLine,
    /** A material variant of the product's model to show it in. */
    variant: z.string().min(1).max(200).optional(),
    /** Pin the product (its card opens in every viewer's page) as it goes on stage. */
    pin: z.boolean().default(true),
  })
  .strict();
export type EventHostSegment = z.infer<typeof EventHostSegment>;

export const EventHostReminder = z.object({ atSeconds: OffsetSeconds, line: EventHostLine }).strict();
export type EventHostReminder = z.infer<typeof EventHostReminder>;

/**
 * Céleste's script for an event: the product order with a line per product, reminders, the drop's
 * countdown cue, all at times relative to the start. Without it she co-hosts (welcome, drop
 * reminders, the reveal); with it and no staff presenter, she presents the show herself.
 */
export const EventHostScript = z
  .object({
    version: z.literal(1).default(1),
    /** Said as the doors open (a default welcome otherwise). */
    welcome: EventHostLine.optional(),
    segments: z.array(EventHostSegment).max(24).default([]),
    reminders: z.array(EventHostReminder).max(24).default([]),
    /** When the drop's countdown starts on stage (the countdown ends at the drop's public start). */
    dropCountdownAtSeconds: OffsetSeconds.min(0).optional(),
    /** Said a minute before the end (a default farewell otherwise). */
    closing: EventHostLine.optional(),
  })
  .strict()
  .superRefine((script, ctx) => {
    script.segments.forEach((segment, i) => {
      const previous = script.segments[i - 1];
      if (previous && segment.atSeconds <= previous.atSeconds) {
        ctx.addIssue({
          code: "custom",
          path: ["segments", i, "atSeconds"],
          message: "Segments follow each other: each starts after the one before",
        });
      }
    });
  });
export type EventHostScript = z.infer<typeof EventHostScript>;

const DoorsOpenMinutes = z.number().int().min(0).max(EVENT_MAX_DOORS_OPEN_MINUTES);

/** The fields of an event that its brand edits (everything but who runs it and its id). */
export const EventFields = z
  .object({
    title: EventTitle,
    description: EventDescription,
    startsAt: IsoInstant,
    endsAt: IsoInstant,
    doorsOpenMinutes: DoorsOpenMinutes,
    kind: EventKind,
    presenters: z.array(EventPresenter).min(1, "Name at least one presenter").max(EVENT_MAX_PRESENTERS),
    productIds: z
      .array(RecordId)
      .max(EVENT_MAX_PRODUCTS, `An event presents at most ${EVENT_MAX_PRODUCTS} products`),
    /** Invite-only events: how many guests may RSVP yes (required there, absent for open events). */
    seatCap: z.number().int().min(1).max(EVENT_MAX_SEATS).nullable().optional(),
    /** A drop of the brand that opens during the show. */
    dropId: RecordId.nullable().optional(),
    /** A collectible of the brand, of kind `event`, granted to each attendee once. */
    collectibleId: RecordId.nullable().optional(),
    hostScript: EventHostScript.nullable().optional(),
  })
  .strict();

/** What `POST /api/events` (or a brand's events route) takes to schedule an event. */
export const ScheduleEventBody = EventFields.extend({
  doorsOpenMinutes: DoorsOpenMinutes.default(EVENT_DEFAULT_DOORS_OPEN_MINUTES),
  /** The brand running the event; null for a platform event (admins). */
  brandId: Slug.nullable(),
  id: EventId.optional(),
})
  .strict()
  .superRefine(checkEventBody);
export type ScheduleEventBody = z.infer<typeof ScheduleEventBody>;
export type ScheduleEventInput = z.input<typeof ScheduleEventBody>;

/** What updating an event takes: any of its fields (null removes an optional one). */
export const UpdateEventBody = EventFields.partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: "Change at least one field" });
export type UpdateEventBody = z.infer<typeof UpdateEventBody>;

export const CancelEventBody = z.object({ reason: lineOfText(2, 500) }).strict();
export type CancelEventBody = z.infer<typeof CancelEventBody>;

type EventBodyShape = z.infer<typeof EventFields>;

/** The rules of one body on its own: times, kind and seats, presenters, products, the host's script. */
function checkEventBody(b: EventBodyShape, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: "custom", path, message });
  const minutes = (Date.parse(b.endsAt) - Date.parse(b.startsAt)) / 60_000;
  // Instants that did not parse have their own issue already.
  if (!Number.isNaN(minutes)) {
    if (!(minutes > 0)) issue(["endsAt"], "The event must end after it starts");
    else if (minutes < EVENT_MIN_DURATION_MINUTES)
      issue(["endsAt"], `An event lasts at least ${EVENT_MIN_DURATION_MINUTES} minutes`);
    else if (minutes > EVENT_MAX_DURATION_MINUTES)
      issue(["endsAt"], `An event lasts at most ${EVENT_MAX_DURATION_MINUTES / 60} hours`);
  }

  if (b.kind === "invite" && (b.seatCap === undefined || b.seatCap === null))
    issue(["seatCap"], "An invite-only event needs a seat cap");
  if (b.kind === "open" && b.seatCap !== undefined && b.seatCap !== null)
    issue(["seatCap"], "Open events have no seat cap (the audience is sharded instead)");

  const staff = b.presenters.flatMap((p) => (p.kind === "staff" ? [p.userId] : []));
  if (new Set(staff).size !== staff.length) issue(["presenters"], "A person is named twice as presenter");
  if (b.presenters.filter((p) => p.kind === "host").length > 1)
    issue(["presenters"], "The host is named twice");
  if (new Set(b.productIds).size !== b.productIds.length) issue(["productIds"], "A product is listed twice");

  const script = b.hostScript ?? null;
  const hostPresents = b.presenters.some((p) => p.kind === "host");
  if (script && !hostPresents) issue(["hostScript"], "A host script needs the host among the presenters");
  if (hostPresents && staff.length === 0 && (!script || script.segments.length === 0))
    issue(["hostScript", "segments"], "When the host presents alone, give her a script with its products");
  if (!script) return;
  const durationSeconds = Number.isNaN(minutes) ? MAX_SECONDS : Math.max(0, minutes * 60);
  script.segments.forEach((segment, i) => {
    if (!b.productIds.includes(segment.productId))
      issue(
        ["hostScript", "segments", i, "productId"],
        `Product ${segment.productId} is not among productIds`,
      );
    if (segment.atSeconds >= durationSeconds)
      issue(["hostScript", "segments", i, "atSeconds"], "This segment starts after the event's end");
  });
  script.reminders.forEach((reminder, i) => {
    if (reminder.atSeconds < -b.doorsOpenMinutes * 60 || reminder.atSeconds >= durationSeconds)
      issue(["hostScript", "reminders", i, "atSeconds"], "Reminders are said between doors open and the end");
  });
  if (script.dropCountdownAtSeconds !== undefined) {
    if (!b.dropId)
      issue(["hostScript", "dropCountdownAtSeconds"], "A drop countdown needs the event's dropId");
    if (script.dropCountdownAtSeconds >= durationSeconds)
      issue(["hostScript", "dropCountdownAtSeconds"], "The countdown cue is after the event's end");
  }
}
