/**
 * The fact recorder rooms and routes call: `record()` only pushes onto an in-memory buffer (no
 * await, no I/O), so a room's fixed step never waits on the database. The buffer is written in
 * batches, when it reaches `maxBatch` facts or every `flushMs`, and once more on shutdown; a batch
 * decides who each fact is about (account id with consent, pseudonym otherwise: pseudonym.ts),
 * inserts the raw facts, then adds the batch to the hourly and daily rollups (rollups.ts).
 *
 * A batch that cannot be written is logged and dropped: analytics never block or fail a visit.
 */

import { inArray } from "drizzle-orm";
import type { FactKind } from "../../shared/analytics.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { analyticsFacts, drops, events, products } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { logFor } from "../observability/log.ts";
import { AVENUE_SCOPE } from "./avenueFacts.ts";
import { consentedPairs, pseudonymFor, type Visitor } from "./pseudonym.ts";
import { addToRollups, pruneRawFacts } from "./rollups.ts";

export type { Visitor } from "./pseudonym.ts";

/** One fact as a caller gives it. */
export type Fact = {
  kind: FactKind;
  /** Absent: looked up when the batch is written, from `itemId` (a product, a drop or an event). */
  brandId?: string;
  visitor: Visitor;
  /** The product, drop or event it is about; absent for the boutique or the avenue. */
  itemId?: string;
  /** Time spent (ms) for dwell, viewer and watch facts. */
  valueMs?: number;
};

/** What rooms and routes are given: recording only. */
export type FactSink = { record(fact: Fact): void };

export type RecorderOptions = {
  database: DbLike;
  clock: Clock;
  secret: string;
  /** Raw facts are kept this many days, then pruned (rollups stay). */
  rawDays: number;
  /** A batch is written when the buffer holds this many facts… */
  maxBatch?: number;
  /** …or this often (ms). */
  flushMs?: number;
  /** Raw facts are pruned this often (ms). */
  pruneMs?: number;
};

type Buffered = Fact & { at: Date };

const log = logFor("analytics");
const MAX_VALUE_MS = 24 * 3_600_000;

export class AnalyticsRecorder implements FactSink {
  private buffer: Buffered[] = [];
  private writing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  private readonly pruneTimer: NodeJS.Timeout;
  private readonly options: Required<RecorderOptions>;
  private closed = false;
  private flushQueued = false;

  constructor(options: RecorderOptions) {
    this.options = { maxBatch: 500, flushMs: 5000, pruneMs: 3_600_000, ...options };
    this.timer = setInterval(() => void this.flush(), this.options.flushMs).unref();
    this.pruneTimer = setInterval(() => void this.prune(), this.options.pruneMs).unref();
  }

  /** Buffers a fact, stamped with the clock's time. Never throws, never waits. */
  record(fact: Fact): void {
    if (this.closed) return;
    const valueMs = Math.max(0, Math.min(MAX_VALUE_MS, Math.round(fact.valueMs ?? 0)));
    this.buffer.push({ ...fact, valueMs, at: this.options.clock.now() });
    if (this.buffer.length >= this.options.maxBatch && !this.flushQueued) {
      this.flushQueued = true;
      // Off the caller's stack (a room's step): the write starts once the step is done.
      setImmediate(() => {
        this.flushQueued = false;
        void this.flush();
      });
    }
  }

  /** Facts waiting to be written. */
  pending(): number {
    return this.buffer.length;
  }

  /** Writes what is buffered (after any write in progress); resolves once it is in the rollups. */
  flush(): Promise<void> {
    const batch = this.buffer;
    this.buffer = [];
    this.writing = this.writing.then(() =>
      batch.length === 0
        ? undefined
        : this.write(batch).catch((error: unknown) =>
            log.error({ err: error, facts: batch.length }, "analytics facts lost"),
          ),
    );
    return this.writing;
  }

  /** Prunes raw facts past the retention. */
  async prune(): Promise<number> {
    try {
      return await pruneRawFacts(this.options.database, this.options.clock.now(), this.options.rawDays);
    } catch (error) {
      log.error({ err: error }, "analytics raw facts not pruned");
      return 0;
    }
  }

  /** Stops the timers and writes what is left (on shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    clearInterval(this.pruneTimer);
    await this.flush();
  }

  private async write(all: Buffered[]): Promise<void> {
    const { database, secret } = this.options;
    const batch = await withBrands(database, all);
    const accounts = batch.flatMap((f) =>
      "userId" in f.visitor ? [{ brandId: f.brandId, userId: f.visitor.userId }] : [],
    );
    const consented = await consentedPairs(database, accounts);
    const rows = batch.map((f) => ({
      at: f.at,
      brandId: f.brandId,
      kind: f.kind,
      itemId: f.itemId ?? "",
      valueMs: f.valueMs ?? 0,
      visitor:
        "userId" in f.visitor && consented.has(`${f.brandId}\u0000${f.visitor.userId}`)
          ? f.visitor.userId
          : pseudonymFor(secret, f.brandId, f.visitor),
    }));
    // One transaction: a batch is in the raw facts and the rollups, or in neither.
    await drizzleOf(database).transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += 1000)
        await tx.insert(analyticsFacts).values(rows.slice(i, i + 1000));
      await addToRollups(tx, rows);
    });
  }
}

const DROP_FACTS = new Set<FactKind>(["drop_page_visit", "drop_entry", "drop_claim", "claim_confirmed"]);
const EVENT_FACTS = new Set<FactKind>(["event_attendance", "event_watch", "event_pin_click"]);

/** Fills in the brand of facts recorded without one (from their product or drop); drops the unknown. */
async function withBrands(
  database: DbLike,
  batch: Buffered[],
): Promise<Array<Buffered & { brandId: string }>> {
  const productIds = new Set<string>();
  const dropIds = new Set<string>();
  const eventIds = new Set<string>();
  for (const f of batch) {
    if (f.brandId !== undefined || !f.itemId) continue;
    (DROP_FACTS.has(f.kind) ? dropIds : EVENT_FACTS.has(f.kind) ? eventIds : productIds).add(f.itemId);
  }
  const db = drizzleOf(database);
  const brandOf = new Map<string, string>();
  if (productIds.size > 0) {
    const rows = await db
      .select({ id: products.id, brandId: products.brandId })
      .from(products)
      .where(inArray(products.id, [...productIds]));
    for (const r of rows) brandOf.set(`p:${r.id}`, r.brandId);
  }
  if (dropIds.size > 0) {
    const rows = await db
      .select({ id: drops.id, brandId: drops.brandId })
      .from(drops)
      .where(inArray(drops.id, [...dropIds]));
    for (const r of rows) brandOf.set(`d:${r.id}`, r.brandId);
  }
  if (eventIds.size > 0) {
    const rows = await db
      .select({ id: events.id, brandId: events.brandId })
      .from(events)
      .where(inArray(events.id, [...eventIds]));
    // A platform event (no brand) counts under the avenue's own numbers.
    for (const r of rows) brandOf.set(`e:${r.id}`, r.brandId ?? AVENUE_SCOPE);
  }
  const out: Array<Buffered & { brandId: string }> = [];
  for (const f of batch) {
    const prefix = DROP_FACTS.has(f.kind) ? "d" : EVENT_FACTS.has(f.kind) ? "e" : "p";
    const brandId = f.brandId ?? brandOf.get(`${prefix}:${f.itemId}`);
    if (brandId) out.push({ ...f, brandId });
  }
  return out;
}

/** A sink that drops everything: for rooms and routes built without analytics (some tests). */
export const NO_ANALYTICS: FactSink = { record: () => {} };
