/**
 * Selection lists: an advisor gathers pieces for a client (with variant and personalisation, each
 * validated against the product); the client keeps every list, of every brand; a brand's staff see
 * only that brand's lists, and only while the client is in its book (each read logged).
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type {
  AddSelectionItemBody,
  CreateSelectionListBody,
  SelectionList,
} from "../../shared/clienteling/selection.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { appointments, brands, products, selectionItems, selectionLists, users } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";
import { recordAccess } from "./accessLog.ts";
import { requireInBook } from "./consent.ts";
import { validatePersonalisationChoice } from "./productOptions.ts";
import { requireStaff } from "./staff.ts";

type ListRow = typeof selectionLists.$inferSelect;

async function toLists(database: DbLike, lists: ListRow[]): Promise<SelectionList[]> {
  if (lists.length === 0) return [];
  const db = drizzleOf(database);
  const items = await db
    .select({
      item: selectionItems,
      name: products.name,
      priceMinor: products.priceMinor,
      currency: products.currency,
    })
    .from(selectionItems)
    .innerJoin(products, eq(products.id, selectionItems.productId))
    .where(
      inArray(
        selectionItems.listId,
        lists.map((l) => l.id),
      ),
    )
    .orderBy(asc(selectionItems.addedAt), asc(selectionItems.id));
  const brandRows = await db
    .select({ id: brands.id, name: brands.name })
    .from(brands)
    .where(
      inArray(
        brands.id,
        lists.map((l) => l.brandId),
      ),
    );
  const advisorIds = lists.flatMap((l) => l.advisorId ?? []);
  const advisorRows = advisorIds.length
    ? await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, advisorIds))
    : [];
  return lists.map((list) => ({
    id: list.id,
    brandId: list.brandId,
    brandName: brandRows.find((b) => b.id === list.brandId)?.name ?? list.brandId,
    clientId: list.clientId,
    advisorId: list.advisorId,
    advisorName: advisorRows.find((a) => a.id === list.advisorId)?.name ?? null,
    appointmentId: list.appointmentId,
    title: list.title,
    createdAt: list.createdAt.toISOString(),
    updatedAt: list.updatedAt.toISOString(),
    items: items
      .filter(({ item }) => item.listId === list.id)
      .map(({ item, name, priceMinor, currency }) => ({
        id: item.id,
        productId: item.productId,
        productName: name,
        price: { amountMinor: priceMinor, currency },
        variant: item.variant,
        personalisation: item.personalisation,
        note: item.note,
        addedAt: item.addedAt.toISOString(),
        handover: {
          status: item.handoverStatus,
          claimId: item.claimId,
          orderDeliveryId: item.orderDeliveryId,
          at: item.handedOverAt?.toISOString() ?? null,
        },
      })),
  }));
}

/**
 * An advisor or owner starts a list for a client of the book, or for the client of one of the
 * brand's appointments.
 * @throws DomainError forbidden, not_found (`client_not_in_book`, or the appointment).
 */
export async function createSelectionList(
  database: DbLike,
  request: { actorId: string; brandId: string; body: CreateSelectionListBody },
  clock: Clock,
): Promise<SelectionList> {
  const db = drizzleOf(database);
  const { brandId, body } = request;
  const staff = await requireStaff(db, request.actorId, brandId);
  if (body.appointmentId !== undefined) {
    const [a] = await db.select().from(appointments).where(eq(appointments.id, body.appointmentId));
    if (!a || a.brandId !== brandId || a.clientId !== body.clientId)
      throw DomainError.notFound("appointment", body.appointmentId);
  } else {
    await requireInBook(db, brandId, body.clientId);
  }
  const now = clock.now();
  const [row] = await db
    .insert(selectionLists)
    .values({
      brandId,
      clientId: body.clientId,
      advisorId: staff.userId,
      appointmentId: body.appointmentId ?? null,
      title: body.title,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  return (await toLists(db, [row]))[0] as SelectionList;
}

/** The list and the acting staff member; a list of another brand than `brandId` (when named) is not found. */
async function staffList(database: DbLike, actorId: string, listId: string, brandId?: string) {
  const [list] = await drizzleOf(database).select().from(selectionLists).where(eq(selectionLists.id, listId));
  if (!list || (brandId !== undefined && list.brandId !== brandId))
    throw DomainError.notFound("selection_list", listId);
  const staff = await requireStaff(database, actorId, list.brandId);
  return { list, staff };
}

/**
 * Adds a piece of the brand with its variant and personalisation (validated by the product's
 * options, the same schema the client uses).
 * @throws DomainError forbidden, not_found (list, or a product of another brand), validation_failed
 * (`unknown_variant`, `invalid_personalisation`).
 */
export async function addSelectionItem(
  database: DbLike,
  request: { actorId: string; listId: string; body: AddSelectionItemBody; brandId?: string },
  clock: Clock,
): Promise<SelectionList> {
  const db = drizzleOf(database);
  const { list, staff } = await staffList(db, request.actorId, request.listId, request.brandId);
  const { body } = request;
  const [product] = await db
    .select()
    .from(products)
    .where(and(eq(products.id, body.productId), eq(products.brandId, list.brandId)));
  if (!product) throw DomainError.notFound("product", body.productId);
  const variants = product.model.kind === "gltf" ? (product.model.variants ?? []).map((v) => v.name) : [];
  if (body.variant !== null && !variants.includes(body.variant)) {
    throw new DomainError("validation_failed", `This piece has no variant "${body.variant}".`, {
      reason: "unknown_variant",
      variants,
    });
  }
  const personalisation = await validatePersonalisationChoice(db, product.id, body.personalisation);
  const now = clock.now();
  await db.insert(selectionItems).values({
    listId: list.id,
    productId: product.id,
    variant: body.variant,
    personalisation,
    note: body.note ?? null,
    addedBy: staff.userId,
    addedAt: now,
  });
  await db.update(selectionLists).set({ updatedAt: now }).where(eq(selectionLists.id, list.id));
  return (await toLists(db, [{ ...list, updatedAt: now }]))[0] as SelectionList;
}

/** Removes an item not yet handed over. @throws DomainError forbidden, not_found, conflict. */
export async function removeSelectionItem(
  database: DbLike,
  request: { actorId: string; listId: string; itemId: string; brandId?: string },
  clock: Clock,
): Promise<SelectionList> {
  const db = drizzleOf(database);
  const { list } = await staffList(db, request.actorId, request.listId, request.brandId);
  const [removed] = await db
    .delete(selectionItems)
    .where(
      and(
        eq(selectionItems.id, request.itemId),
        eq(selectionItems.listId, list.id),
        eq(selectionItems.handoverStatus, "none"),
      ),
    )
    .returning({ id: selectionItems.id });
  if (!removed) {
    const [item] = await db
      .select()
      .from(selectionItems)
      .where(and(eq(selectionItems.id, request.itemId), eq(selectionItems.listId, list.id)));
    if (!item) throw DomainError.notFound("selection_item", request.itemId);
    throw new DomainError("conflict", "This piece was handed over already; it stays on the list.", {
      reason: "handed_over",
    });
  }
  const now = clock.now();
  await db.update(selectionLists).set({ updatedAt: now }).where(eq(selectionLists.id, list.id));
  return (await toLists(db, [{ ...list, updatedAt: now }]))[0] as SelectionList;
}

/** Every list the client was given, by every brand, newest first. */
export async function listMySelectionLists(database: DbLike, clientId: string): Promise<SelectionList[]> {
  const rows = await drizzleOf(database)
    .select()
    .from(selectionLists)
    .where(eq(selectionLists.clientId, clientId))
    .orderBy(desc(selectionLists.updatedAt));
  return toLists(database, rows);
}

/**
 * The brand's lists for one client of its book (never another brand's); logged as a read.
 * @throws DomainError forbidden, not_found (`client_not_in_book`).
 */
export async function listBrandSelectionLists(
  database: DbLike,
  request: { actorId: string; brandId: string; clientId: string },
  clock: Clock,
): Promise<SelectionList[]> {
  return drizzleOf(database).transaction(async (tx) => {
    const staff = await requireStaff(tx, request.actorId, request.brandId);
    await requireInBook(tx, request.brandId, request.clientId);
    const rows = await tx
      .select()
      .from(selectionLists)
      .where(and(eq(selectionLists.brandId, request.brandId), eq(selectionLists.clientId, request.clientId)))
      .orderBy(desc(selectionLists.updatedAt));
    await recordAccess(tx, {
      staff,
      clientId: request.clientId,
      action: "selection_list_read",
      sections: ["selection_lists"],
      at: clock.now(),
    });
    return toLists(tx, rows);
  });
}
