/**
 * Events as they are listed and viewed: the phase on the server's clock, what anyone sees, what an
 * invite-only event shows only to its guests, and what only its brand's staff see.
 */
import { z } from "zod";
import { LocalizedText } from "../catalog.ts";
import { EventHostScript, EventKind } from "./eventSchedule.ts";
import { GuestListRules, GuestView, InvitationStatus } from "./guestList.ts";

export const EventPhase = z.enum(["scheduled", "doors_open", "live", "ended"]);
export type EventPhase = z.infer<typeof EventPhase>;

/** The instants that decide an event's phase (epoch ms). */
export type EventTimes = { startsAtMs: number; endsAtMs: number; doorsOpenMinutes: number };

/** When the doors open: `doorsOpenMinutes` before the start. */
export function eventDoorsOpenAt(times: EventTimes): number {
  return times.startsAtMs - times.doorsOpenMinutes * 60_000;
}

/** The phase at `nowMs` (the server's clock): scheduled, doors open, live from the start, ended at the end. */
export function eventPhaseAt(times: EventTimes, nowMs: number): EventPhase {
  if (nowMs >= times.endsAtMs) return "ended";
  if (nowMs >= times.startsAtMs) return "live";
  if (nowMs >= eventDoorsOpenAt(times)) return "doors_open";
  return "scheduled";
}

/** What anyone may see of an event, invite-only ones included (their title and time). */
export const EventSummary = z.object({
  id: z.string(),
  /** Null for a platform event. */
  brandId: z.string().nullable(),
  brandName: z.string().nullable(),
  title: LocalizedText,
  kind: EventKind,
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  doorsOpenAt: z.iso.datetime(),
  phase: EventPhase,
  cancelledAt: z.iso.datetime().nullable(),
  /** Ended with a timeline to play back. */
  hasReplay: z.boolean(),
  /** The signed-in viewer's invitation to it, if any. */
  viewerInvitation: InvitationStatus.nullable(),
});
export type EventSummary = z.infer<typeof EventSummary>;

export const EventPresenterView = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("staff"), userId: z.string(), displayName: z.string() }),
  z.object({ kind: z.literal("host") }),
]);
export type EventPresenterView = z.infer<typeof EventPresenterView>;

/** The rest of an event: everyone for open events; guests and staff only for invite-only ones. */
export const EventDetails = z.object({
  description: LocalizedText,
  presenters: z.array(EventPresenterView),
  productIds: z.array(z.string()),
  dropId: z.string().nullable(),
  collectibleId: z.string().nullable(),
  seatCap: z.number().int().nullable(),
});
export type EventDetails = z.infer<typeof EventDetails>;

/** Guests listed at most in one view; the counts are always whole. */
export const EVENT_VIEW_GUEST_LIMIT = 500;

/** What the brand's staff (and admins) see besides. */
export const EventStaffView = z.object({
  hostScript: EventHostScript.nullable(),
  guestListRules: GuestListRules.nullable(),
  seatsTaken: z.number().int(),
  counts: z.object({ invited: z.number(), yes: z.number(), no: z.number(), pending: z.number() }),
  /** The first EVENT_VIEW_GUEST_LIMIT guests, by invitation time. */
  guests: z.array(GuestView),
  createdBy: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** Who attended (signed-in viewers and guests, not staff) and how long they watched, in all. */
  attendance: z.object({
    attendees: z.number().int(),
    watchSeconds: z.number().int(),
    averageWatchSeconds: z.number().int(),
  }),
});
export type EventStaffView = z.infer<typeof EventStaffView>;

/** `GET /api/events/:id`. */
export const EventView = EventSummary.extend({
  /** Null: an invite-only event seen by someone not on its guest list. */
  details: EventDetails.nullable(),
  /** Null unless the viewer is the brand's staff or an admin. */
  staff: EventStaffView.nullable(),
  serverTime: z.iso.datetime(),
});
export type EventView = z.infer<typeof EventView>;

/** `GET /api/events`: live and upcoming events, then recent ones with a replay. */
export const EventList = z.object({ serverTime: z.iso.datetime(), events: z.array(EventSummary) });
export type EventList = z.infer<typeof EventList>;

/** An invitation as its guest sees it, with the event's summary. */
export const InvitationView = z.object({
  invitationId: z.string(),
  status: InvitationStatus,
  invitedAt: z.iso.datetime(),
  respondedAt: z.iso.datetime().nullable(),
  event: EventSummary,
});
export type InvitationView = z.infer<typeof InvitationView>;

/** `GET /api/invitations/mine`: the viewer's invitations to events not ended, soonest first. */
export const MyInvitations = z.object({ serverTime: z.iso.datetime(), invitations: z.array(InvitationView) });
export type MyInvitations = z.infer<typeof MyInvitations>;
