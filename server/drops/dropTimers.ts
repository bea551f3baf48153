/**
 * The background work of drops, for the server's main entry: expire due holds (at start-up, then on
 * a timer) and deliver pending orders to brands. Safe in every process at once (see expireHolds and
 * deliverPendingOrders); a failing run is logged and the next one tries again.
 */

import type { DbLike } from "../db/database.ts";
import { errorLogger } from "../observability/log.ts";
import type { Clock } from "./clock.ts";
import { expireHoldsOfDrops } from "./holdExpiry.ts";
import { type DeliveryFetch, deliverPendingOrders } from "./orderWebhooks.ts";
import { flushRefusals } from "./refusalTally.ts";
import { defaultDeliveryFetch } from "./webhookDelivery.ts";

export type DropTimersOptions = {
  database: DbLike;
  clock: Clock;
  /** Sends a webhook; defaults to a POST through a lookup that dials only public addresses, 10 s timeout. */
  fetchFn?: DeliveryFetch;
  /** How often holds are swept; 1 s by default, so a hold ends within a second of its time. */
  expireEveryMs?: number;
  /** How often due orders are sent; 5 s by default. */
  deliverEveryMs?: number;
  log?: (message: string, error: unknown) => void;
  /** Told which drops got units back from expired holds (their rooms reload the stock). */
  onStockChanged?: (dropIds: string[]) => void;
};

/**
 * Starts both timers after one immediate run of each; returns `stop()`, which waits for a run in
 * progress to finish.
 */
export function startDropTimers(options: DropTimersOptions): { stop(): Promise<void> } {
  const { database, clock, expireEveryMs = 1_000, deliverEveryMs = 5_000 } = options;
  const fetchFn = options.fetchFn ?? defaultDeliveryFetch;
  const log = options.log ?? errorLogger("drops");
  const running = new Set<Promise<unknown>>();
  let stopped = false;

  function every(ms: number, name: string, work: () => Promise<unknown>): NodeJS.Timeout {
    let busy = false;
    const run = () => {
      if (busy || stopped) return;
      busy = true;
      const p = work()
        .catch((error: unknown) => log(`[drops] ${name} failed:`, error))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    };
    run();
    const timer = setInterval(run, ms);
    timer.unref();
    return timer;
  }

  const timers = [
    every(expireEveryMs, "expiring holds", async () => {
      const { dropIds } = await expireHoldsOfDrops(database, clock);
      if (dropIds.length > 0) options.onStockChanged?.(dropIds);
    }),
    every(deliverEveryMs, "delivering orders", () => deliverPendingOrders(database, fetchFn, clock)),
  ];
  return {
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await Promise.all(running);
      // Sold-out refusals still waiting for their audit rows are written before the database closes.
      await flushRefusals(database).catch((error: unknown) => log("[drops] refusal audit failed:", error));
    },
  };
}
