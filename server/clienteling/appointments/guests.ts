/**
 * The private salon's door: the client, the advisor and the one guest the client invites (by email
 * or with a link they share). The guest's link carries a random secret; inviting again replaces it,
 * which shuts the old link.
 */
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type {
  GuestInvitation,
  InviteGuestBody,
  SalonAccess,
} from "../../../shared/clienteling/appointments.ts";
import { type DbLike, drizzleOf } from "../../db/database.ts";
import { appointments } from "../../db/schema.ts";
import type { Clock } from "../../drops/clock.ts";
import { DomainError } from "../../errors.ts";
import { formatInstantFor } from "../outreach/formatting.ts";
import { getPreferences } from "../preferences.ts";
import { storeServiceMessage } from "../serviceMessages.ts";
import { loadAppointment } from "./appointmentViews.ts";
import { type AppointmentDeps, sendAppointmentMail } from "./booking.ts";

/** The salon opens this long before the start, and stays open this long after the end. */
export const SALON_OPENS_BEFORE_MS = 10 * 60_000;
export const SALON_CLOSES_AFTER_MS = 30 * 60_000;

/** The page a guest's link opens (the salon page of the next step reads the token). */
export function guestPath(appointmentId: string, token: string): string {
  return `/salon/${appointmentId}?guest=${token}`;
}

/**
 * The client invites their one guest (replacing any earlier invitation). With an email, the link is
 * sent to it as a service message in the client's language.
 * @throws DomainError not_found (not the client's appointment), conflict (`not_booked`).
 */
export async function inviteGuest(
  database: DbLike,
  request: { clientId: string; appointmentId: string; body: InviteGuestBody },
  clock: Clock,
  deps: AppointmentDeps = {},
): Promise<GuestInvitation> {
  const token = randomBytes(24).toString("base64url");
  const email = request.body.email?.toLowerCase() ?? null;
  const path = guestPath(request.appointmentId, token);
  const messageId = await drizzleOf(database).transaction(async (tx) => {
    const now = clock.now();
    const [row] = await tx
      .update(appointments)
      .set({ guestToken: token, guestEmail: email, guestInvitedAt: now })
      .where(
        and(
          eq(appointments.id, request.appointmentId),
          eq(appointments.clientId, request.clientId),
          eq(appointments.status, "booked"),
        ),
      )
      .returning();
    if (!row) {
      const [other] = await tx.select().from(appointments).where(eq(appointments.id, request.appointmentId));
      if (!other || other.clientId !== request.clientId)
        throw DomainError.notFound("appointment", request.appointmentId);
      throw new DomainError("conflict", "This appointment is no longer booked.", { reason: "not_booked" });
    }
    if (!email) return null;
    const a = await loadAppointment(tx, row.id);
    const prefs = await getPreferences(tx, row.clientId);
    return storeServiceMessage(tx, {
      kind: "guest_invitation",
      brandId: row.brandId,
      clientId: row.clientId,
      to: { email },
      advisorId: row.advisorId,
      appointmentId: row.id,
      language: prefs.language,
      values: {
        clientName: a.clientName,
        brandName: a.brandName,
        startsAt: formatInstantFor(row.startsAt, prefs.timeZone, prefs.language),
        link: path,
      },
      inApp: false,
      email: true,
      at: now,
    });
  });
  if (messageId) await sendAppointmentMail(database, clock, deps, [messageId]);
  return { appointmentId: request.appointmentId, token, path, emailedTo: email };
}

/**
 * Who may enter an appointment's salon now, and as whom: its client, its advisor, or the holder of
 * the guest link, from 10 minutes before the start until 30 minutes after the end.
 * @throws DomainError not_found (anyone else), conflict (`salon_not_open_yet` with `opensAt`,
 * `salon_closed`).
 */
export async function salonAccess(
  database: DbLike,
  request: { appointmentId: string; userId?: string; guestToken?: string },
  clock: Clock,
): Promise<SalonAccess> {
  const db = drizzleOf(database);
  const [row] = await db.select().from(appointments).where(eq(appointments.id, request.appointmentId));
  const role =
    row === undefined
      ? null
      : request.userId === row.clientId
        ? "client"
        : request.userId === row.advisorId
          ? "advisor"
          : request.guestToken !== undefined &&
              row.guestToken !== null &&
              request.guestToken === row.guestToken
            ? "guest"
            : null;
  if (!row || role === null) throw DomainError.notFound("appointment", request.appointmentId);
  const now = clock.now();
  const opensAt =
    row.kind === "live" ? row.startsAt : new Date(row.startsAt.getTime() - SALON_OPENS_BEFORE_MS);
  const closesAt = new Date(
    (row.endedAt ?? row.endsAt).getTime() + (row.endedAt ? 0 : SALON_CLOSES_AFTER_MS),
  );
  if (row.status === "cancelled" || row.status === "no_show" || now >= closesAt || row.endedAt) {
    throw new DomainError("conflict", "This appointment's salon is closed.", { reason: "salon_closed" });
  }
  if (now < opensAt) {
    throw new DomainError("conflict", "The salon opens ten minutes before the appointment.", {
      reason: "salon_not_open_yet",
      opensAt: opensAt.toISOString(),
    });
  }
  const a = await loadAppointment(db, row.id);
  const displayName = role === "client" ? a.clientName : role === "advisor" ? a.advisorName : "Guest";
  return {
    appointmentId: row.id,
    roomId: row.roomId,
    brandId: row.brandId,
    role,
    displayName,
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
  };
}
