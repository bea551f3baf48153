/**
 * What an event's stage needs from the database to run the stage reducer (shared/events/
 * stageReducer.ts): the event's times, its products with their models' variant names, its drop's
 * public start, and who presents it.
 */
import { eq, inArray } from "drizzle-orm";
import type { EventTimes } from "../../shared/events/eventView.ts";
import type { StagePresenter } from "../../shared/events/stage.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { drops, products } from "../db/schema.ts";
import { getEventRecord, timesOf } from "./eventRecords.ts";

export type StageSetup = {
  eventId: string;
  times: EventTimes;
  /** Product id → its model's variant names (none for procedural models). */
  products: Map<string, string[]>;
  drop: { id: string; publicStartsAt: number } | null;
  /** Staff presenters by account id, with the name the stage shows. */
  presenters: Map<string, StagePresenter>;
  /** Whether the host (Céleste) is among the presenters. */
  hostPresents: boolean;
  cancelled: boolean;
};

/** @throws DomainError not_found */
export async function loadStageSetup(database: DbLike, eventId: string): Promise<StageSetup> {
  const record = await getEventRecord(database, eventId);
  const db = drizzleOf(database);
  const rows =
    record.productIds.length === 0
      ? []
      : await db
          .select({ id: products.id, model: products.model })
          .from(products)
          .where(inArray(products.id, record.productIds));
  const variants = new Map<string, string[]>();
  for (const row of rows)
    variants.set(row.id, row.model.kind === "gltf" ? (row.model.variants ?? []).map((v) => v.name) : []);
  let drop: StageSetup["drop"] = null;
  if (record.dropId) {
    const [row] = await db
      .select({ id: drops.id, publicStartsAt: drops.publicStartsAt })
      .from(drops)
      .where(eq(drops.id, record.dropId));
    if (row) drop = { id: row.id, publicStartsAt: row.publicStartsAt.getTime() };
  }
  const presenters = new Map<string, StagePresenter>();
  for (const p of record.presenters)
    if (p.kind === "staff" && p.userId)
      presenters.set(p.userId, { kind: "staff", userId: p.userId, name: p.displayName ?? p.userId });
  return {
    eventId,
    times: timesOf(record),
    products: variants,
    drop,
    presenters,
    hostPresents: record.presenters.some((p) => p.kind === "host"),
    cancelled: record.cancelledAt !== null,
  };
}
