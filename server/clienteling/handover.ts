/**
 * The client decides on one piece of a selection list and hands it over:
 * - to the drop's claim (a limited piece): a claim like any other, through `claimDropUnit`, with the
 *   item's id as its Idempotency-Key (a retry gets the same answer), and the personalisation stored
 *   with the claim, so it travels into the order when the client confirms;
 * - to the brand's order webhook: an order in the existing `order_deliveries` outbox (delivered,
 *   signed and retried by `deliverPendingOrders`), with variant and personalisation in its payload.
 *   A piece in a running drop is only sold through its drop.
 * The item is marked with a conditional update first, so two hand-overs of one item give one order.
 */
import { and, eq, gt } from "drizzle-orm";
import type { HandoverAnswer, HandoverBody, SelectionItem } from "../../shared/clienteling/selection.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import {
  claimPersonalisations,
  drops,
  orderDeliveries,
  products,
  selectionItems,
  selectionLists,
} from "../db/schema.ts";
import { claimDropUnit } from "../drops/claims.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";
import { validatePersonalisationChoice } from "./productOptions.ts";
import { listMySelectionLists } from "./selectionLists.ts";

async function clientItem(database: DbLike, clientId: string, listId: string, itemId: string) {
  const [row] = await drizzleOf(database)
    .select({ item: selectionItems, list: selectionLists })
    .from(selectionItems)
    .innerJoin(selectionLists, eq(selectionLists.id, selectionItems.listId))
    .where(
      and(
        eq(selectionItems.id, itemId),
        eq(selectionLists.id, listId),
        eq(selectionLists.clientId, clientId),
      ),
    );
  if (!row) throw DomainError.notFound("selection_item", itemId);
  return row;
}

async function itemView(
  database: DbLike,
  clientId: string,
  listId: string,
  itemId: string,
): Promise<SelectionItem> {
  const list = (await listMySelectionLists(database, clientId)).find((l) => l.id === listId);
  const item = list?.items.find((i) => i.id === itemId);
  if (!item) throw DomainError.notFound("selection_item", itemId);
  return item;
}

/**
 * @throws DomainError not_found (not the client's item, or a drop of another piece), conflict
 * (`already_handed_over`, `piece_in_drop`), validation_failed (the personalisation no longer fits
 * the piece's options).
 */
export async function handOverSelectionItem(
  database: DbLike,
  request: { clientId: string; listId: string; itemId: string; body: HandoverBody },
  clock: Clock,
): Promise<HandoverAnswer> {
  const { clientId, listId, itemId, body } = request;
  const { item, list } = await clientItem(database, clientId, listId, itemId);
  const alreadyTo =
    item.handoverStatus === "claim_held" ? "claim" : item.handoverStatus === "order_sent" ? "order" : null;
  if (alreadyTo !== null && alreadyTo !== body.to) {
    throw new DomainError("conflict", "This piece was handed over already.", {
      reason: "already_handed_over",
      status: item.handoverStatus,
    });
  }
  // The options may have changed since the advisor added it: the same schema decides again.
  const personalisation = await validatePersonalisationChoice(database, item.productId, item.personalisation);
  if (body.to === "claim")
    return handOverToClaim(
      database,
      { clientId, listId, item, personalisation, dropId: body.dropId, brandId: list.brandId },
      clock,
    );
  if (item.orderDeliveryId)
    return {
      to: "order",
      orderDeliveryId: item.orderDeliveryId,
      item: await itemView(database, clientId, listId, itemId),
    };
  const deliveryId = await handOverToOrder(database, { list, item, personalisation }, clock);
  return {
    to: "order",
    orderDeliveryId: deliveryId,
    item: await itemView(database, clientId, listId, itemId),
  };
}

async function handOverToClaim(
  database: DbLike,
  input: {
    clientId: string;
    listId: string;
    item: typeof selectionItems.$inferSelect;
    personalisation: SelectionItem["personalisation"];
    dropId: string;
    brandId: string;
  },
  clock: Clock,
): Promise<HandoverAnswer> {
  const db = drizzleOf(database);
  const [drop] = await db
    .select({ id: drops.id })
    .from(drops)
    .where(
      and(
        eq(drops.id, input.dropId),
        eq(drops.productId, input.item.productId),
        eq(drops.brandId, input.brandId),
      ),
    );
  if (!drop) throw DomainError.notFound("drop", input.dropId);
  const { answer } = await claimDropUnit(
    db,
    { dropId: drop.id, userId: input.clientId, idempotencyKey: `selection:${input.item.id}` },
    clock,
  );
  if (answer.outcome === "held") {
    await db.transaction(async (tx) => {
      const now = clock.now();
      await tx
        .insert(claimPersonalisations)
        .values({
          claimId: answer.claim.id,
          productId: input.item.productId,
          variant: input.item.variant,
          choice: input.personalisation,
          selectionItemId: input.item.id,
          createdAt: now,
        })
        .onConflictDoNothing();
      await tx
        .update(selectionItems)
        .set({ handoverStatus: "claim_held", claimId: answer.claim.id, handedOverAt: now })
        .where(and(eq(selectionItems.id, input.item.id), eq(selectionItems.handoverStatus, "none")));
    });
  }
  return {
    to: "claim",
    claim: answer,
    item: await itemView(db, input.clientId, input.listId, input.item.id),
  };
}

async function handOverToOrder(
  database: DbLike,
  input: {
    list: typeof selectionLists.$inferSelect;
    item: typeof selectionItems.$inferSelect;
    personalisation: SelectionItem["personalisation"];
  },
  clock: Clock,
): Promise<string> {
  const { list, item } = input;
  return drizzleOf(database).transaction(async (tx) => {
    const now = clock.now();
    const [running] = await tx
      .select({ id: drops.id })
      .from(drops)
      .where(and(eq(drops.productId, item.productId), gt(drops.endsAt, now)))
      .limit(1);
    if (running) {
      throw new DomainError("conflict", "This piece is sold through its drop: claim it there.", {
        reason: "piece_in_drop",
        dropId: running.id,
      });
    }
    const [marked] = await tx
      .update(selectionItems)
      .set({ handoverStatus: "order_sent", handedOverAt: now })
      .where(and(eq(selectionItems.id, item.id), eq(selectionItems.handoverStatus, "none")))
      .returning({ id: selectionItems.id });
    if (!marked)
      throw new DomainError("conflict", "This piece was handed over already.", {
        reason: "already_handed_over",
      });
    const [product] = await tx.select().from(products).where(eq(products.id, item.productId));
    if (!product) throw DomainError.notFound("product", item.productId);
    const deliveryId = crypto.randomUUID();
    await tx.insert(orderDeliveries).values({
      id: deliveryId,
      claimId: null,
      brandId: list.brandId,
      status: "pending",
      nextAttemptAt: now,
      createdAt: now,
      payload: {
        type: "order.created",
        source: "selection_list",
        deliveryId,
        brandId: list.brandId,
        productId: product.id,
        userId: list.clientId,
        quantity: 1,
        price: { amountMinor: product.priceMinor, currency: product.currency },
        variant: item.variant,
        personalisation: input.personalisation,
        selectionListId: list.id,
        selectionItemId: item.id,
        advisorId: list.advisorId,
        appointmentId: list.appointmentId,
        createdAt: now.toISOString(),
      },
    });
    await tx
      .update(selectionItems)
      .set({ orderDeliveryId: deliveryId })
      .where(eq(selectionItems.id, item.id));
    return deliveryId;
  });
}
