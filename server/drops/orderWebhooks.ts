/**
 * Orders to brands' commerce systems: confirmed claims wait in the `order_deliveries` outbox and are
 * POSTed as JSON signed with the brand's secret:
 *
 *   Vitrine-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * Failed attempts are recorded and retried with exponential backoff until `maxAttempts`.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import type { SetWebhookBody } from "../../shared/drops.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { brandWebhooks, orderDeliveries, orderDeliveryAttempts } from "../db/schema.ts";
import type { Clock } from "./clock.ts";

export const SIGNATURE_HEADER = "Vitrine-Signature";

/** The header value for a body sent at `timestampSeconds`. */
export function signWebhookBody(secret: string, body: string, timestampSeconds: number): string {
  const v1 = createHmac("sha256", secret).update(`${timestampSeconds}.${body}`).digest("hex");
  return `t=${timestampSeconds},v1=${v1}`;
}

/** What a brand runs to check a delivery: the signature matches and is at most `toleranceSeconds` old. */
export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = new Map(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const v1 = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhookBody(secret, body, t).split("v1=")[1] ?? "", "hex");
  const given = Buffer.from(v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Sets (or replaces) a brand's webhook address and secret. */
export async function setBrandWebhook(
  database: DbLike,
  brandId: string,
  body: SetWebhookBody,
): Promise<void> {
  await drizzleOf(database)
    .insert(brandWebhooks)
    .values({ brandId, ...body })
    .onConflictDoUpdate({ target: brandWebhooks.brandId, set: body });
}

export type DeliveryOptions = {
  maxAttempts?: number;
  /** Delay after the first failure; doubled after each further one. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  batchSize?: number;
  /** How long a batch is reserved for this process while it delivers. */
  leaseMs?: number;
};

export type DeliveryFetch = (
  url: string,
  init: { method: "POST"; headers: Record<string, string>; body: string },
) => Promise<{ status: number }>;

/**
 * Delivers the due orders once. Several processes may run it at once: each reserves its batch
 * (SKIP LOCKED, then a lease), so an order is not sent twice at the same time.
 * @returns counts of this run.
 */
export async function deliverPendingOrders(
  database: DbLike,
  fetchFn: DeliveryFetch,
  clock: Clock,
  options: DeliveryOptions = {},
): Promise<{ delivered: number; failed: number }> {
  const {
    maxAttempts = 8,
    baseDelayMs = 30_000,
    maxDelayMs = 6 * 3_600_000,
    batchSize = 50,
    leaseMs = 60_000,
  } = options;
  const db = drizzleOf(database);
  const now = clock.now();
  const due = db
    .select({ id: orderDeliveries.id })
    .from(orderDeliveries)
    .where(and(eq(orderDeliveries.status, "pending"), lte(orderDeliveries.nextAttemptAt, now)))
    .orderBy(asc(orderDeliveries.nextAttemptAt))
    .limit(batchSize)
    .for("update", { skipLocked: true });
  const batch = await db
    .update(orderDeliveries)
    .set({ nextAttemptAt: new Date(now.getTime() + leaseMs) })
    .where(inArray(orderDeliveries.id, due))
    .returning();
  let delivered = 0;
  let failed = 0;
  for (const delivery of batch) {
    const [hook] = await db.select().from(brandWebhooks).where(eq(brandWebhooks.brandId, delivery.brandId));
    const attemptAt = clock.now();
    let httpStatus: number | null = null;
    let error: string | null = null;
    if (!hook) {
      error = "The brand has no webhook configured.";
    } else {
      const body = JSON.stringify(delivery.payload);
      try {
        const response = await fetchFn(hook.url, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            [SIGNATURE_HEADER]: signWebhookBody(hook.secret, body, Math.floor(attemptAt.getTime() / 1000)),
          },
          body,
        });
        httpStatus = response.status;
        if (response.status < 200 || response.status >= 300) error = `HTTP ${response.status}`;
      } catch (cause) {
        error = cause instanceof Error ? cause.message : String(cause);
      }
    }
    await db.transaction(async (tx) => {
      await tx
        .insert(orderDeliveryAttempts)
        .values({ deliveryId: delivery.id, at: attemptAt, httpStatus, error });
      const attempts = delivery.attempts + 1;
      if (error === null) {
        delivered += 1;
        await tx
          .update(orderDeliveries)
          .set({ status: "delivered", attempts, deliveredAt: attemptAt, lastError: null })
          .where(eq(orderDeliveries.id, delivery.id));
        return;
      }
      failed += 1;
      const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempts - 1));
      await tx
        .update(orderDeliveries)
        .set({
          attempts,
          lastError: error,
          status: attempts >= maxAttempts ? "failed" : "pending",
          nextAttemptAt: new Date(attemptAt.getTime() + delay),
        })
        .where(eq(orderDeliveries.id, delivery.id));
    });
  }
  return { delivered, failed };
}

/** Attempts recorded for one delivery, oldest first. */
export async function listDeliveryAttempts(database: DbLike, deliveryId: string) {
  return drizzleOf(database)
    .select()
    .from(orderDeliveryAttempts)
    .where(eq(orderDeliveryAttempts.deliveryId, deliveryId))
    .orderBy(asc(orderDeliveryAttempts.seq));
}
