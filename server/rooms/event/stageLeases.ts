/**
 * Which process runs an event's stage: the one that holds the stage's lease key in presence. Every
 * process with a shard of the event tries to take it (INCR answers 1 to exactly one of them) and
 * its holder renews it; when the holder goes away (its last shard closed, or the process died and
 * the key expired), a process that still has a shard takes it over and the stage resumes from its
 * stored state. One registry per process: shards of one event on one process share one attempt.
 */
import { StageHost, type StageHostDeps } from "./StageHost.ts";
import { stageChannels } from "./stageChannels.ts";

export const STAGE_LEASE_SECONDS = 10;
export const STAGE_LEASE_RENEW_MS = 2_000;

type Entry = {
  shards: Set<string>;
  host: StageHost | null;
  timer: ReturnType<typeof setInterval>;
  attempt: Promise<void>;
};

export type StageLeaseDeps = StageHostDeps;

const entries = new Map<string, Entry>();

async function holdOrRenew(eventId: string, entry: Entry, deps: StageLeaseDeps): Promise<void> {
  const { leaseKey } = stageChannels(eventId);
  if (entry.host) {
    await deps.presence.expire(leaseKey, STAGE_LEASE_SECONDS);
    return;
  }
  const taken = await deps.presence.incr(leaseKey);
  if (taken !== 1) return;
  await deps.presence.expire(leaseKey, STAGE_LEASE_SECONDS);
  const host = new StageHost(eventId, deps);
  try {
    await host.start();
    entry.host = host;
  } catch (error) {
    console.error(`[events] the stage of ${eventId} could not start:`, error);
    await deps.presence.del(leaseKey);
  }
}

function attempt(eventId: string, entry: Entry, deps: StageLeaseDeps): void {
  entry.attempt = entry.attempt
    .then(() => (entries.get(eventId) === entry ? holdOrRenew(eventId, entry, deps) : undefined))
    .catch((error: unknown) => console.error(`[events] stage lease of ${eventId}:`, error));
}

/** A shard of the event opened in this process: make sure some process runs its stage. */
export function joinStage(eventId: string, shardId: string, deps: StageLeaseDeps): Promise<void> {
  let entry = entries.get(eventId);
  if (!entry) {
    const created: Entry = {
      shards: new Set(),
      host: null,
      attempt: Promise.resolve(),
      timer: setInterval(() => attempt(eventId, created, deps), STAGE_LEASE_RENEW_MS),
    };
    entry = created;
    entries.set(eventId, entry);
    attempt(eventId, entry, deps);
  }
  entry.shards.add(shardId);
  return entry.attempt;
}

/** A shard closed: the last one of the event in this process gives the stage up. */
export async function leaveStage(eventId: string, shardId: string, deps: StageLeaseDeps): Promise<void> {
  const entry = entries.get(eventId);
  if (!entry) return;
  entry.shards.delete(shardId);
  if (entry.shards.size > 0) return;
  entries.delete(eventId);
  clearInterval(entry.timer);
  await entry.attempt;
  if (entry.host) {
    await entry.host.stop();
    await deps.presence.del(stageChannels(eventId).leaseKey);
  }
}

/** The stage this process runs for an event, if it holds the lease (tests and diagnostics). */
export function localStage(eventId: string): StageHost | null {
  return entries.get(eventId)?.host ?? null;
}
