/** Appointments as their client, their advisor and the brand's staff read them. */
import { and, asc, eq, gte, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Appointment } from "../../../shared/clienteling/appointments.ts";
import { type DbLike, drizzleOf } from "../../db/database.ts";
import { appointments, brands, users } from "../../db/schema.ts";
import { DomainError } from "../../errors.ts";
import { requireStaff, staffMemberOf } from "../staff.ts";

export type AppointmentRow = typeof appointments.$inferSelect;
const advisors = alias(users, "advisors");
const clients = alias(users, "clients");

function selectAppointments(database: DbLike) {
  return drizzleOf(database)
    .select({
      appointment: appointments,
      brandName: brands.name,
      advisorName: advisors.displayName,
      clientName: clients.displayName,
    })
    .from(appointments)
    .innerJoin(brands, eq(brands.id, appointments.brandId))
    .innerJoin(advisors, eq(advisors.id, appointments.advisorId))
    .innerJoin(clients, eq(clients.id, appointments.clientId));
}

type Joined = { appointment: AppointmentRow; brandName: string; advisorName: string; clientName: string };

export function toAppointment({ appointment: a, brandName, advisorName, clientName }: Joined): Appointment {
  return {
    id: a.id,
    brandId: a.brandId,
    brandName,
    advisorId: a.advisorId,
    advisorName,
    clientId: a.clientId,
    clientName,
    kind: a.kind,
    status: a.status,
    source: a.source,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    note: a.note,
    roomId: a.roomId,
    guestInvited: a.guestToken !== null,
    createdAt: a.createdAt.toISOString(),
    cancelledAt: a.cancelledAt?.toISOString() ?? null,
    startedAt: a.startedAt?.toISOString() ?? null,
    endedAt: a.endedAt?.toISOString() ?? null,
  };
}

/** One appointment by id, whoever asks (for the domain's own use). */
export async function loadAppointment(database: DbLike, appointmentId: string): Promise<Appointment> {
  const [row] = await selectAppointments(database).where(eq(appointments.id, appointmentId));
  if (!row) throw DomainError.notFound("appointment", appointmentId);
  return toAppointment(row);
}

/** Who the actor is for an appointment: its client, its advisor, an owner of its brand, or nobody. */
export async function roleInAppointment(
  database: DbLike,
  row: Pick<AppointmentRow, "clientId" | "advisorId" | "brandId">,
  actorId: string,
): Promise<"client" | "advisor" | "owner" | null> {
  if (row.clientId === actorId) return "client";
  if (row.advisorId === actorId) return "advisor";
  const member = await staffMemberOf(database, actorId, row.brandId);
  return member?.role === "owner" ? "owner" : null;
}

/**
 * An appointment for one of its participants (or an owner of its brand).
 * @throws DomainError not_found for anyone else (its existence is not theirs to know).
 */
export async function getAppointment(
  database: DbLike,
  actorId: string,
  appointmentId: string,
): Promise<Appointment> {
  const appointment = await loadAppointment(database, appointmentId);
  if ((await roleInAppointment(database, appointment, actorId)) === null)
    throw DomainError.notFound("appointment", appointmentId);
  return appointment;
}

/** The client's appointments with every brand, soonest first, from `from` on. */
export async function listMyAppointments(
  database: DbLike,
  clientId: string,
  from: Date,
): Promise<Appointment[]> {
  const rows = await selectAppointments(database)
    .where(and(eq(appointments.clientId, clientId), gte(appointments.endsAt, from)))
    .orderBy(asc(appointments.startsAt))
    .limit(200);
  return rows.map(toAppointment);
}

/** The brand's appointments in [from, to) for its staff; `advisorId` keeps one advisor's. */
export async function listBrandAppointments(
  database: DbLike,
  request: { actorId: string; brandId: string; from: Date; to: Date; advisorId?: string },
): Promise<Appointment[]> {
  await requireStaff(database, request.actorId, request.brandId);
  const rows = await selectAppointments(database)
    .where(
      and(
        eq(appointments.brandId, request.brandId),
        gte(appointments.startsAt, request.from),
        lt(appointments.startsAt, request.to),
        request.advisorId === undefined ? undefined : eq(appointments.advisorId, request.advisorId),
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(1000);
  return rows.map(toAppointment);
}
