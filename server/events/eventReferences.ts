/**
 * The rules of an event body that need the database: presenters are staff of the brand, products,
 * the drop and the collectible are the brand's (the drop opens during the show, the collectible is
 * of kind `event`), the script's variants exist. Each refusal names its reason and its path.
 */
import { eq, inArray } from "drizzle-orm";
import { ErrorCode } from "../../shared/errors.ts";
import type { ScheduleEventBody } from "../../shared/events/eventSchedule.ts";
import type { Db } from "../db/database.ts";
import { brandStaff, brands, collectibles, drops, products, users } from "../db/schema.ts";
import { DomainError } from "../errors.ts";

function refuse(reason: string, path: string, message: string, extra: Record<string, unknown> = {}): never {
  throw new DomainError(ErrorCode.validation, message, { reason, path, ...extra });
}

type Body = Omit<ScheduleEventBody, "id">;

/** Checks everything the body names against the database; `eventId` when updating an event. */
export async function checkEventReferences(tx: Db, body: Body, eventId: string | null): Promise<void> {
  if (body.brandId !== null) {
    const [brand] = await tx.select({ id: brands.id }).from(brands).where(eq(brands.id, body.brandId));
    if (!brand) throw DomainError.notFound("brand", body.brandId);
  }
  const productBrands = await checkProducts(tx, body);
  await checkPresenters(tx, body, productBrands);
  await checkDrop(tx, body);
  await checkCollectible(tx, body, eventId);
}

/** Returns the brands of the products (a platform event may present several brands). */
async function checkProducts(tx: Db, body: Body): Promise<Set<string>> {
  if (body.productIds.length === 0) return new Set();
  const rows = await tx
    .select({ id: products.id, brandId: products.brandId, model: products.model })
    .from(products)
    .where(inArray(products.id, body.productIds));
  const byId = new Map(rows.map((r) => [r.id, r]));
  body.productIds.forEach((id, i) => {
    const row = byId.get(id);
    if (!row) refuse("product_not_found", `productIds.${i}`, `There is no product ${id}.`);
    if (body.brandId !== null && row.brandId !== body.brandId)
      refuse("product_not_brands", `productIds.${i}`, `Product ${id} is not one of brand ${body.brandId}'s.`);
  });
  body.hostScript?.segments.forEach((segment, i) => {
    if (segment.variant === undefined) return;
    const model = byId.get(segment.productId)?.model;
    const names = model?.kind === "gltf" ? (model.variants ?? []).map((v) => v.name) : [];
    if (!names.includes(segment.variant))
      refuse(
        "unknown_variant",
        `hostScript.segments.${i}.variant`,
        `Product ${segment.productId} has no variant "${segment.variant}"${names.length ? ` (it has ${names.join(", ")})` : ""}.`,
      );
  });
  return new Set(rows.map((r) => r.brandId));
}

/** Brand events: the brand's staff. Platform events: admins, or staff of a brand it presents. */
async function checkPresenters(tx: Db, body: Body, productBrands: Set<string>): Promise<void> {
  const staffIds = body.presenters.flatMap((p) => (p.kind === "staff" ? [p.userId] : []));
  if (staffIds.length === 0) return;
  const people = await tx
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(inArray(users.id, staffIds));
  const roles = await tx
    .select({ userId: brandStaff.userId, brandId: brandStaff.brandId })
    .from(brandStaff)
    .where(inArray(brandStaff.userId, staffIds));
  body.presenters.forEach((p, i) => {
    if (p.kind !== "staff") return;
    const person = people.find((u) => u.id === p.userId);
    if (!person) refuse("presenter_not_found", `presenters.${i}`, `There is no account ${p.userId}.`);
    const brandsOf = roles.filter((r) => r.userId === p.userId).map((r) => r.brandId);
    const allowed =
      body.brandId !== null
        ? brandsOf.includes(body.brandId)
        : person.role === "admin" || brandsOf.some((b) => productBrands.has(b));
    if (!allowed)
      refuse(
        "presenter_not_staff",
        `presenters.${i}`,
        body.brandId !== null
          ? `${p.userId} is not staff of brand ${body.brandId}: only its staff present its events.`
          : `${p.userId} is neither an admin nor staff of a brand this event presents.`,
      );
  });
}

async function checkDrop(tx: Db, body: Body): Promise<void> {
  const dropId = body.dropId ?? null;
  if (dropId === null) return;
  const [drop] = await tx
    .select({ brandId: drops.brandId, publicStartsAt: drops.publicStartsAt })
    .from(drops)
    .where(eq(drops.id, dropId));
  if (!drop) refuse("drop_not_found", "dropId", `There is no drop ${dropId}.`);
  if (body.brandId !== null && drop.brandId !== body.brandId)
    refuse("drop_not_brands", "dropId", `Drop ${dropId} is not one of brand ${body.brandId}'s.`);
  const opens = drop.publicStartsAt.getTime();
  const starts = Date.parse(body.startsAt);
  if (opens < starts || opens >= Date.parse(body.endsAt))
    refuse("drop_outside_show", "dropId", "The drop must open (its public start) during the show.", {
      dropOpensAt: drop.publicStartsAt.toISOString(),
    });
  const cue = body.hostScript?.dropCountdownAtSeconds;
  if (cue !== undefined && starts + cue * 1000 >= opens)
    refuse(
      "countdown_after_drop",
      "hostScript.dropCountdownAtSeconds",
      "The countdown cue must come before the drop opens.",
      {
        dropOpensAt: drop.publicStartsAt.toISOString(),
      },
    );
}

async function checkCollectible(tx: Db, body: Body, eventId: string | null): Promise<void> {
  const collectibleId = body.collectibleId ?? null;
  if (collectibleId === null) return;
  const [row] = await tx
    .select({
      brandId: collectibles.brandId,
      obtainedBy: collectibles.obtainedBy,
      sourceId: collectibles.sourceId,
    })
    .from(collectibles)
    .where(eq(collectibles.id, collectibleId));
  if (!row) refuse("collectible_not_found", "collectibleId", `There is no collectible ${collectibleId}.`);
  if (body.brandId !== null && row.brandId !== body.brandId)
    refuse(
      "collectible_not_brands",
      "collectibleId",
      `Collectible ${collectibleId} is not one of brand ${body.brandId}'s.`,
    );
  if (row.obtainedBy !== "event")
    refuse(
      "collectible_not_event_kind",
      "collectibleId",
      `Collectible ${collectibleId} is obtained by ${row.obtainedBy}; attach one made to be obtained by attending an event.`,
    );
  if (row.sourceId !== null && row.sourceId !== eventId)
    refuse(
      "collectible_of_other_event",
      "collectibleId",
      `Collectible ${collectibleId} belongs to event ${row.sourceId}.`,
    );
}
