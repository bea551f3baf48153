/**
 * The background work of clienteling, for the server's main entry: appointment reminders, email
 * copies of messages, closing past appointments and follow-ups after claims. Each run reads the
 * clock it is given (the manual clock in tests) and is safe in several processes at once (see each
 * sweep); a failing run is logged and the next one tries again.
 */
import type { DbLike } from "../db/database.ts";
import type { Clock } from "../drops/clock.ts";
import type { Mailer } from "../mail/mailer.ts";
import { errorLogger } from "../observability/log.ts";
import { sweepReminders } from "./appointments/reminders.ts";
import { closePastAppointments } from "./appointments/sessions.ts";
import { createClaimFollowUps } from "./followUps.ts";
import { deliverPendingEmails } from "./outreach/emailDelivery.ts";

export type ClientelingTimersOptions = {
  database: DbLike;
  clock: Clock;
  mailer: Mailer;
  /** How often the sweeps run; 30 s by default (reminders are minute-precise, not second-precise). */
  everyMs?: number;
  log?: (message: string, error: unknown) => void;
};

/** Runs every sweep once, in order. */
export async function runClientelingSweeps(
  options: Omit<ClientelingTimersOptions, "everyMs">,
): Promise<void> {
  const { database, clock, mailer } = options;
  const log = options.log ?? errorLogger("clienteling");
  const sweeps: [string, () => Promise<unknown>][] = [
    ["reminders", () => sweepReminders(database, clock, { mailer, log })],
    ["past appointments", () => closePastAppointments(database, clock)],
    ["claim follow-ups", () => createClaimFollowUps(database, clock)],
    ["email", () => deliverPendingEmails(database, mailer, clock)],
  ];
  for (const [name, sweep] of sweeps) {
    await sweep().catch((error: unknown) => log(`[clienteling] ${name} sweep failed:`, error));
  }
}

/** Starts the sweeps on a timer after one immediate run; `stop()` waits for a run in progress. */
export function startClientelingTimers(options: ClientelingTimersOptions): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = runClientelingSweeps(options).finally(() => {
      running = null;
    });
  };
  run();
  const timer = setInterval(run, options.everyMs ?? 30_000);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
