/**
 * Refusals decided before any write (sold out, ended, not open yet, a draw) are the bulk of a rush:
 * once 500 units are gone, thousands of people keep pressing the button. Writing an audit row for
 * each inside the request would put a write (and, before, the drop row's lock) on the path of every
 * one of them. Instead each process keeps them here and writes them in one multi-row insert at most
 * every FLUSH_MS, so the drop report still counts every refusal by reason.
 *
 * A crash loses at most the last FLUSH_MS of these audit rows: they are statistics, not claims.
 */
import type { DbLike } from "../db/database.ts";
import { drizzleOf } from "../db/database.ts";
import { auditEvents } from "../db/schema.ts";
import { logFor } from "../observability/log.ts";

const FLUSH_MS = 1_000;
/** A burst larger than this is written at once rather than waiting for the timer. */
const FLUSH_AT = 500;

type Pending = { at: Date; userId: string; dropId: string; reason: string };

type Tally = { pending: Pending[]; timer: ReturnType<typeof setTimeout> | null; writing: Promise<void> };

const tallies = new WeakMap<object, Tally>();

function tallyOf(database: DbLike): Tally {
  const key = drizzleOf(database);
  let tally = tallies.get(key);
  if (!tally) {
    tally = { pending: [], timer: null, writing: Promise.resolve() };
    tallies.set(key, tally);
  }
  return tally;
}

/** Notes a lock-free refusal for the audit log; it is written within about a second. */
export function tallyRefusal(database: DbLike, refusal: Pending): void {
  const tally = tallyOf(database);
  tally.pending.push(refusal);
  if (tally.pending.length >= FLUSH_AT) {
    void flushRefusals(database).catch(logLost);
    return;
  }
  if (!tally.timer) {
    tally.timer = setTimeout(() => void flushRefusals(database).catch(logLost), FLUSH_MS);
    tally.timer.unref();
  }
}

/**
 * Writes every refusal noted so far (the report calls this first, so it counts its own process's
 * refusals at once; other processes' arrive within FLUSH_MS). Resolves when they are stored.
 */
export async function flushRefusals(database: DbLike): Promise<void> {
  const tally = tallyOf(database);
  if (tally.timer) clearTimeout(tally.timer);
  tally.timer = null;
  const batch = tally.pending.splice(0);
  const previous = tally.writing;
  tally.writing = (async () => {
    await previous.catch(() => undefined);
    if (batch.length === 0) return;
    await drizzleOf(database)
      .insert(auditEvents)
      .values(
        batch.map((r) => ({
          at: r.at,
          kind: "claim_refused" as const,
          subjectUserId: r.userId,
          dropId: r.dropId,
          reason: r.reason,
        })),
      );
  })();
  await tally.writing;
}

/** One line, no stack: the usual cause is a database closed with refusals still pending (tests). */
function logLost(error: unknown): void {
  const cause = (error as { cause?: unknown }).cause ?? error;
  logFor("drops").warn(
    `refusal audit rows could not be written: ${String((cause as Error).message ?? cause)}`,
  );
}
