/**
 * Live shopping events: the event as scheduled, its presenters and products, the guest list of
 * invite-only events with its seat counter, attendance, and the replay's timeline.
 *
 * Seats are counted in `event_seats.seats_taken`, which only changes through a conditional update
 * (`seats_taken < seat_cap`) in the transaction that changes the invitation; the check constraint
 * is the last guard. An invitation holds a seat exactly when its status is `yes` (also checked).
 */
import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { LocalizedText } from "../../../shared/catalog.ts";
import type { EventHostScript, EventKind } from "../../../shared/events/eventSchedule.ts";
import type { GuestListRules, InvitationSource, InvitationStatus } from "../../../shared/events/guestList.ts";
import type { TimelineKind, TimelinePayload } from "../../../shared/events/timeline.ts";
import { at } from "../columns.ts";
import { users } from "./accounts.ts";
import { brands, products } from "./catalog.ts";
import { collectibles } from "./collectibles.ts";
import { drops } from "./drops.ts";

export const events = pgTable(
  "events",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    /** Null for a platform event (run by admins). */
    brandId: text("brand_id").references(() => brands.id, { onDelete: "restrict" }),
    title: jsonb("title").$type<LocalizedText>().notNull(),
    description: jsonb("description").$type<LocalizedText>().notNull(),
    kind: text("kind").$type<EventKind>().notNull(),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at").notNull(),
    doorsOpenMinutes: integer("doors_open_minutes").notNull(),
    dropId: text("drop_id").references(() => drops.id, { onDelete: "restrict" }),
    collectibleId: text("collectible_id").references(() => collectibles.id, { onDelete: "restrict" }),
    hostScript: jsonb("host_script").$type<EventHostScript>(),
    /** The rules the guest list was last built from (invite events). */
    guestListRules: jsonb("guest_list_rules").$type<GuestListRules>(),
    /** Entries in the timeline; appends take room with a conditional update. */
    timelineLength: integer("timeline_length").notNull().default(0),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
    cancelledAt: at("cancelled_at"),
    cancelReason: text("cancel_reason"),
  },
  (t) => [
    index("events_brand_idx").on(t.brandId, t.startsAt),
    index("events_ends_idx").on(t.endsAt),
    check("events_kind_known", sql`${t.kind} in ('open', 'invite')`),
    check("events_times_ordered", sql`${t.startsAt} < ${t.endsAt}`),
    check("events_doors_open_minutes", sql`${t.doorsOpenMinutes} between 0 and 120`),
    check("events_timeline_length", sql`${t.timelineLength} >= 0`),
  ],
);

/** Staff accounts presenting, and the host (one row with kind `host` and no user). */
export const eventPresenters = pgTable(
  "event_presenters",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"staff" | "host">().notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "restrict" }),
    position: integer("position").notNull(),
  },
  (t) => [
    uniqueIndex("event_presenters_staff_unique").on(t.eventId, t.userId).where(sql`${t.userId} is not null`),
    uniqueIndex("event_presenters_host_unique").on(t.eventId).where(sql`${t.kind} = 'host'`),
    index("event_presenters_user_idx").on(t.userId),
    check("event_presenters_kind_known", sql`${t.kind} in ('staff', 'host')`),
    check("event_presenters_user_iff_staff", sql`(${t.kind} = 'staff') = (${t.userId} is not null)`),
  ],
);

export const eventProducts = pgTable(
  "event_products",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    productId: text("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "restrict" }),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ name: "event_products_pk", columns: [t.eventId, t.productId] })],
);

/** Seats of an invite-only event: `seats_taken <= seat_cap`, changed only by conditional updates. */
export const eventSeats = pgTable(
  "event_seats",
  {
    eventId: text("event_id")
      .primaryKey()
      .references(() => events.id, { onDelete: "cascade" }),
    seatCap: integer("seat_cap").notNull(),
    seatsTaken: integer("seats_taken").notNull().default(0),
  },
  (t) => [
    check("event_seats_cap_positive", sql`${t.seatCap} >= 1`),
    check("event_seats_taken_within_cap", sql`${t.seatsTaken} >= 0 and ${t.seatsTaken} <= ${t.seatCap}`),
  ],
);

/**
 * The guest list. An invitation by email waits without a user until that email signs up or in.
 * Users are `restrict`: deleting someone holding a seat would leave the counter wrong.
 */
export const eventInvitations = pgTable(
  "event_invitations",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: text("user_id").references(() => users.id, { onDelete: "restrict" }),
    /** Lowercased; the account's email, or the named one still waiting for an account. */
    email: text("email").notNull(),
    status: text("status").$type<InvitationStatus>().notNull().default("invited"),
    source: text("source").$type<InvitationSource>().notNull(),
    /** Set exactly while the answer is yes: the seat this guest holds. */
    seatTakenAt: at("seat_taken_at"),
    invitedAt: at("invited_at").notNull(),
    respondedAt: at("responded_at"),
  },
  (t) => [
    unique("event_invitations_email_unique").on(t.eventId, t.email),
    uniqueIndex("event_invitations_user_unique").on(t.eventId, t.userId).where(sql`${t.userId} is not null`),
    index("event_invitations_user_idx").on(t.userId),
    index("event_invitations_pending_email_idx").on(t.email).where(sql`${t.userId} is null`),
    check("event_invitations_status_known", sql`${t.status} in ('invited', 'yes', 'no')`),
    check("event_invitations_source_known", sql`${t.source} in ('pass', 'segment', 'email')`),
    check("event_invitations_email_lowercase", sql`${t.email} = lower(${t.email})`),
    check("event_invitations_seat_iff_yes", sql`(${t.status} = 'yes') = (${t.seatTakenAt} is not null)`),
    check("event_invitations_yes_bound", sql`${t.status} = 'invited' or ${t.userId} is not null`),
  ],
);

/** Who attended (signed-in audience), when, and for how long. */
export const eventAttendance = pgTable(
  "event_attendance",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    firstSeenAt: at("first_seen_at").notNull(),
    lastSeenAt: at("last_seen_at").notNull(),
    watchSeconds: integer("watch_seconds").notNull().default(0),
  },
  (t) => [
    primaryKey({ name: "event_attendance_pk", columns: [t.eventId, t.userId] }),
    index("event_attendance_user_idx").on(t.userId),
    check("event_attendance_watch_nonnegative", sql`${t.watchSeconds} >= 0`),
    check("event_attendance_seen_ordered", sql`${t.firstSeenAt} <= ${t.lastSeenAt}`),
  ],
);

/** The replay: what happened on stage, `t_ms` from the event's start, in order of `seq`. */
export const eventTimeline = pgTable(
  "event_timeline",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    tMs: integer("t_ms").notNull(),
    kind: text("kind").$type<TimelineKind>().notNull(),
    payload: jsonb("payload").$type<TimelinePayload["payload"]>().notNull(),
  },
  (t) => [
    index("event_timeline_event_idx").on(t.eventId, t.tMs, t.seq),
    check(
      "event_timeline_kind_known",
      sql`${t.kind} in ('stage', 'pin', 'unpin', 'host_line', 'stage_chat', 'phase', 'drop_countdown')`,
    ),
  ],
);
