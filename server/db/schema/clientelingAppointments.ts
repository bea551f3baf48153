/**
 * Appointments (issue 12): advisors' availability, appointments and their reminders, advisors'
 * presence and the live queue.
 *
 * A slot is never booked twice: `appointments_slot_unique` (advisor, start) over every appointment
 * not cancelled is the database's guarantee, under any concurrency and across processes; booking
 * also takes the advisor's availability row FOR UPDATE first, so overlapping starts (after a change
 * of slot length) are refused under the same lock instead of by a constraint error.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import type {
  AppointmentKind,
  AppointmentSource,
  AppointmentStatus,
} from "../../../shared/clienteling/appointments.ts";
import type { AvailabilityException, WeeklyRange } from "../../../shared/clienteling/availability.ts";
import { at } from "../columns.ts";
import { users } from "./accounts.ts";
import { brands } from "./catalog.ts";

const userRef = (name: string) =>
  text(name)
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });
const brandRef = () =>
  text("brand_id")
    .notNull()
    .references(() => brands.id, { onDelete: "cascade" });

export const advisorAvailability = pgTable(
  "advisor_availability",
  {
    brandId: brandRef(),
    advisorId: userRef("advisor_id"),
    timeZone: text("time_zone").notNull(),
    weekly: jsonb("weekly").$type<WeeklyRange[]>().notNull(),
    exceptions: jsonb("exceptions").$type<AvailabilityException[]>().notNull(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [primaryKey({ name: "advisor_availability_pk", columns: [t.brandId, t.advisorId] })],
);

export const appointments = pgTable(
  "appointments",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    brandId: brandRef(),
    advisorId: userRef("advisor_id"),
    clientId: userRef("client_id"),
    kind: text("kind").$type<AppointmentKind>().notNull(),
    status: text("status").$type<AppointmentStatus>().notNull(),
    source: text("source").$type<AppointmentSource>().notNull(),
    startsAt: at("starts_at").notNull(),
    endsAt: at("ends_at").notNull(),
    note: text("note"),
    /** The private salon's room id, random. */
    roomId: text("room_id").notNull().unique("appointments_room_unique"),
    /** Secret of the guest's link (one guest per appointment); null until the client invites. */
    guestToken: text("guest_token").unique("appointments_guest_token_unique"),
    guestEmail: text("guest_email"),
    guestInvitedAt: at("guest_invited_at"),
    createdAt: at("created_at").notNull(),
    cancelledAt: at("cancelled_at"),
    cancelledBy: text("cancelled_by").references(() => users.id, { onDelete: "set null" }),
    cancelReason: text("cancel_reason"),
    startedAt: at("started_at"),
    endedAt: at("ended_at"),
  },
  (t) => [
    uniqueIndex("appointments_slot_unique")
      .on(t.advisorId, t.startsAt)
      .where(sql`${t.status} <> 'cancelled'`),
    index("appointments_client_idx").on(t.clientId, t.startsAt),
    index("appointments_brand_idx").on(t.brandId, t.startsAt),
    index("appointments_advisor_idx").on(t.advisorId, t.startsAt),
    check("appointments_status_known", sql`${t.status} in ('booked', 'cancelled', 'completed', 'no_show')`),
    check("appointments_kind_known", sql`${t.kind} in ('scheduled', 'live')`),
    check("appointments_times_ordered", sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

/** A reminder sent (or skipped as superseded), once per appointment, recipient and lead time. */
export const appointmentReminders = pgTable(
  "appointment_reminders",
  {
    appointmentId: text("appointment_id")
      .notNull()
      .references(() => appointments.id, { onDelete: "cascade" }),
    recipient: text("recipient").$type<"client" | "advisor">().notNull(),
    leadMinutes: integer("lead_minutes").notNull(),
    messageId: text("message_id"),
    sentAt: at("sent_at").notNull(),
  },
  (t) => [
    primaryKey({ name: "appointment_reminders_pk", columns: [t.appointmentId, t.recipient, t.leadMinutes] }),
    check("appointment_reminders_recipient_known", sql`${t.recipient} in ('client', 'advisor')`),
  ],
);

/** An advisor online now for a brand (kept fresh by heartbeats from the salon or the portal). */
export const advisorPresence = pgTable(
  "advisor_presence",
  {
    brandId: brandRef(),
    advisorId: userRef("advisor_id"),
    status: text("status").$type<"available" | "in_session">().notNull(),
    lastSeenAt: at("last_seen_at").notNull(),
  },
  (t) => [
    primaryKey({ name: "advisor_presence_pk", columns: [t.brandId, t.advisorId] }),
    check("advisor_presence_status_known", sql`${t.status} in ('available', 'in_session')`),
  ],
);

export const advisorQueue = pgTable(
  "advisor_queue",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    brandId: brandRef(),
    clientId: userRef("client_id"),
    status: text("status").$type<"waiting" | "taken" | "left">().notNull(),
    joinedAt: at("joined_at").notNull(),
    takenAt: at("taken_at"),
    takenBy: text("taken_by").references(() => users.id, { onDelete: "set null" }),
    leftAt: at("left_at"),
    appointmentId: text("appointment_id").references(() => appointments.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("advisor_queue_waiting_unique").on(t.brandId, t.clientId).where(sql`${t.status} = 'waiting'`),
    index("advisor_queue_line_idx").on(t.brandId, t.joinedAt).where(sql`${t.status} = 'waiting'`),
    check("advisor_queue_status_known", sql`${t.status} in ('waiting', 'taken', 'left')`),
  ],
);
