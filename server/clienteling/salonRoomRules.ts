/**
 * What the salon room asks of the clienteling domain: who may enter (the appointment's client, its
 * advisor, the holder of its guest link, while the salon is open), which pieces may go on its table
 * (the maison's own, with a variant its model has), and the appointment's selection list (found, or
 * started by the advisor on the first piece they add). The room only relays and mirrors.
 */
import { and, asc, eq } from "drizzle-orm";
import type { SessionUser } from "../../shared/auth.ts";
import type { SalonAccess } from "../../shared/clienteling/appointments.ts";
import {
  type SalonJoinOptions,
  type SalonRefusalReason,
  tableVariantsOf,
} from "../../shared/clienteling/salonRoom.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { products, selectionLists } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";
import { salonAccess } from "./appointments/guests.ts";
import { getProductPersonalisation } from "./productOptions.ts";
import { createSelectionList } from "./selectionLists.ts";

/** What the salon knows about someone it admitted. */
export type SalonGuest = { user: SessionUser | null; access: SalonAccess; guestToken: string | null };

/** Thrown by `admitToSalon` when someone may not enter. */
export class SalonRefused extends Error {
  readonly reason: SalonRefusalReason;
  readonly opensAt: string | undefined;
  constructor(reason: SalonRefusalReason, opensAt?: string) {
    super(reason);
    this.reason = reason;
    this.opensAt = opensAt;
  }
}

/** The salon refusal that stands for a domain refusal of `salonAccess`. */
function refusalOf(error: DomainError): SalonRefused {
  const details = (error.details ?? {}) as { reason?: string; opensAt?: string };
  if (details.reason === "salon_not_open_yet") return new SalonRefused("not_open_yet", details.opensAt);
  if (details.reason === "salon_closed") return new SalonRefused("closed");
  return new SalonRefused("not_invited");
}

/**
 * Decides whether `user` (or whoever holds `options.guestToken`) may enter the appointment's salon
 * now, and as whom. Anyone else learns nothing about the appointment ("not invited").
 */
export async function admitToSalon(
  database: DbLike,
  options: SalonJoinOptions,
  user: SessionUser | null,
  clock: Clock,
): Promise<SalonGuest> {
  if (!user && !options.guestToken) throw new SalonRefused("not_invited");
  try {
    const access = await salonAccess(
      database,
      { appointmentId: options.appointmentId, userId: user?.id, guestToken: options.guestToken },
      clock,
    );
    return { user, access, guestToken: access.role === "guest" ? (options.guestToken ?? null) : null };
  } catch (error) {
    if (error instanceof DomainError) throw refusalOf(error);
    throw error;
  }
}

/**
 * A piece of the maison that may go on the salon's table with `variant` (null: its own materials).
 * @throws DomainError not_found (not the maison's piece), validation_failed (`unknown_variant`).
 */
export async function salonPiece(
  database: DbLike,
  brandId: string,
  productId: string,
  variant: string | null,
): Promise<{ productId: string; variant: string | null }> {
  const [product] = await drizzleOf(database)
    .select({ id: products.id, model: products.model })
    .from(products)
    .where(and(eq(products.id, productId), eq(products.brandId, brandId)));
  if (!product) throw DomainError.notFound("product", productId);
  const personalisation = await getProductPersonalisation(database, product.id);
  const variants = tableVariantsOf(product.model, personalisation).map((v) => v.name);
  if (variant !== null && !variants.includes(variant)) {
    throw new DomainError("validation_failed", `This piece has no variant "${variant}".`, {
      reason: "unknown_variant",
      variants,
    });
  }
  return { productId: product.id, variant };
}

/** The appointment's selection list id, or null while the advisor has added nothing. */
export async function appointmentListId(database: DbLike, appointmentId: string): Promise<string | null> {
  const [row] = await drizzleOf(database)
    .select({ id: selectionLists.id })
    .from(selectionLists)
    .where(eq(selectionLists.appointmentId, appointmentId))
    .orderBy(asc(selectionLists.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/** The appointment's selection list, started by the advisor when there is none yet. */
export async function ensureAppointmentList(
  database: DbLike,
  request: { advisorId: string; brandId: string; clientId: string; appointmentId: string; title: string },
  clock: Clock,
): Promise<string> {
  const existing = await appointmentListId(database, request.appointmentId);
  if (existing) return existing;
  const body = { clientId: request.clientId, title: request.title, appointmentId: request.appointmentId };
  const list = await createSelectionList(
    database,
    { actorId: request.advisorId, brandId: request.brandId, body },
    clock,
  );
  return list.id;
}
