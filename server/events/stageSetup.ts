/**
 * What an event's stage needs from the database to run the stage reducer (shared/events/
 * stageReducer.ts): the event's times, its products with their models' variant names, its drop's
 * public start, and who presents it.
 */
import { eq, inArray } from "drizzle-orm";
import type { EventHostEvent } from "../../shared/events/eventHost.ts";
import { type EventTimes, eventDoorsOpenAt } from "../../shared/events/eventView.ts";
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
  /** What the host (Céleste) knows of the event, when she is among its presenters. */
  hostEvent: EventHostEvent | null;
  cancelled: boolean;
};

/**
 * @param hostName the host's name as her script gives it
 * @throws DomainError not_found
 */
export async function loadStageSetup(
  database: DbLike,
  eventId: string,
  hostName: string,
): Promise<StageSetup> {
  const record = await getEventRecord(database, eventId);
  const db = drizzleOf(database);
  const rows =
    record.productIds.length === 0
      ? []
      : await db
          .select({
            id: products.id,
            model: products.model,
            name: products.name,
            priceMinor: products.priceMinor,
            currency: products.currency,
          })
          .from(products)
          .where(inArray(products.id, record.productIds));
  const variants = new Map<string, string[]>();
  for (const row of rows)
    variants.set(row.id, row.model.kind === "gltf" ? (row.model.variants ?? []).map((v) => v.name) : []);
  let drop: StageSetup["drop"] = null;
  let hostDrop: EventHostEvent["drop"] = null;
  if (record.dropId) {
    const [row] = await db
      .select({
        id: drops.id,
        publicStartsAt: drops.publicStartsAt,
        mode: drops.mode,
        productId: drops.productId,
        productName: products.name,
      })
      .from(drops)
      .innerJoin(products, eq(products.id, drops.productId))
      .where(eq(drops.id, record.dropId));
    if (row) {
      drop = { id: row.id, publicStartsAt: row.publicStartsAt.getTime() };
      hostDrop = { ...row, publicStartsAt: drop.publicStartsAt };
    }
  }
  const presenters = new Map<string, StagePresenter>();
  for (const p of record.presenters)
    if (p.kind === "staff" && p.userId)
      presenters.set(p.userId, { kind: "staff", userId: p.userId, name: p.displayName ?? p.userId });
  const times = timesOf(record);
  const firstStaff = [...presenters.values()][0];
  const hostEvent: EventHostEvent | null = record.presenters.some((p) => p.kind === "host")
    ? {
        hostName,
        title: record.title,
        brandName: record.brandName,
        doorsOpenAt: eventDoorsOpenAt(times),
        startsAt: times.startsAtMs,
        endsAt: times.endsAtMs,
        role: firstStaff ? "cohost" : "present",
        presenterName: firstStaff?.name ?? null,
        script: record.hostScript,
        products: new Map(
          rows.map((r) => [
            r.id,
            { name: r.name, price: { amountMinor: r.priceMinor, currency: r.currency } },
          ]),
        ),
        drop: hostDrop,
      }
    : null;
  return {
    eventId,
    times,
    products: variants,
    drop,
    presenters,
    hostEvent,
    cancelled: record.cancelledAt !== null,
  };
}
