/**
 * The process' Prometheus metrics (prom-client), served at GET /metrics (metricsRoutes.ts).
 *
 * One registry per process: the domain modules that count (claims, the model pipeline, the rooms'
 * fixed step) import their instrument from here instead of being handed one, so a call site stays
 * one line. Label values are bounded sets (room types, declared route patterns, refusal reasons),
 * never ids. Rooms and clients are read from the matchmaker when Prometheus scrapes, and the
 * database pool from the pool itself, so nothing is counted twice or drifts.
 */
import { performance } from "node:perf_hooks";
import { matchMaker } from "@colyseus/core";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export const metricsRegistry = new Registry();

/** HTTP latency by method, declared route pattern (`/api/drops/:dropId/claims`) and status. */
export const httpDuration = new Histogram({
  name: "vitrine_http_request_duration_seconds",
  help: "HTTP request duration by method, route pattern and status",
  labelNames: ["method", "route", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** One fixed step of a walkable room (every avatar moved, then the room's own step). */
const stepDuration = new Histogram({
  name: "vitrine_room_fixed_step_duration_seconds",
  help: "Duration of one fixed simulation step, by room type",
  labelNames: ["room"] as const,
  buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.033, 0.05, 0.1],
  registers: [metricsRegistry],
});

/** Claims decided (replays of a stored answer are not counted again), by outcome and reason. */
export const claimsDecided = new Counter({
  name: "vitrine_drop_claims_total",
  help: "Claims decided, by outcome (held, refused) and refusal reason",
  labelNames: ["outcome", "reason"] as const,
  registers: [metricsRegistry],
});

const pipelineJobs = new Counter({
  name: "vitrine_model_pipeline_jobs_total",
  help: "Model pipeline jobs finished, by outcome (done, rejected, failed)",
  labelNames: ["outcome"] as const,
  registers: [metricsRegistry],
});

const pipelineDuration = new Histogram({
  name: "vitrine_model_pipeline_job_duration_seconds",
  help: "Model pipeline job duration, queueing included",
  buckets: [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
  registers: [metricsRegistry],
});

new Gauge({
  name: "vitrine_rooms",
  help: "Rooms open in this process, by room type",
  labelNames: ["type"] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const [type, figures] of await localRoomFigures()) this.set({ type }, figures.rooms);
  },
});

new Gauge({
  name: "vitrine_room_clients",
  help: "Clients connected to rooms of this process, by room type",
  labelNames: ["type"] as const,
  registers: [metricsRegistry],
  async collect() {
    this.reset();
    for (const [type, figures] of await localRoomFigures()) this.set({ type }, figures.clients);
  },
});

/** Rooms and clients of this process by room type, from the matchmaker's room caches. */
async function localRoomFigures(): Promise<Map<string, { rooms: number; clients: number }>> {
  const figures = new Map<string, { rooms: number; clients: number }>();
  if (!matchMaker.driver) return figures;
  const rooms = await matchMaker.query({ processId: matchMaker.processId });
  for (const room of rooms) {
    const entry = figures.get(room.name) ?? { rooms: 0, clients: 0 };
    entry.rooms += 1;
    entry.clients += room.clients;
    figures.set(room.name, entry);
  }
  return figures;
}

/** What a PostgreSQL pool (pg.Pool) tells about its connections. */
export type PoolFigures = { totalCount: number; idleCount: number; waitingCount: number };
const pools = new Set<PoolFigures>();

new Gauge({
  name: "vitrine_db_pool_connections",
  help: "PostgreSQL pool connections by state (total, idle, waiting clients); absent on PGlite",
  labelNames: ["state"] as const,
  registers: [metricsRegistry],
  collect() {
    this.reset();
    if (pools.size === 0) return;
    let total = 0;
    let idle = 0;
    let waiting = 0;
    for (const pool of pools) {
      total += pool.totalCount;
      idle += pool.idleCount;
      waiting += pool.waitingCount;
    }
    this.set({ state: "total" }, total);
    this.set({ state: "idle" }, idle);
    this.set({ state: "waiting" }, waiting);
  },
});

/** Reports a PostgreSQL pool's figures until the returned function is called (on close). */
export function watchPool(pool: PoolFigures): () => void {
  pools.add(pool);
  return () => pools.delete(pool);
}

let defaultsStarted = false;
/**
 * Process metrics (CPU, memory, GC) and event-loop lag (prom-client samples it with
 * perf_hooks.monitorEventLoopDelay: `nodejs_eventloop_lag_*_seconds`). Started once per process.
 */
export function startProcessMetrics(): void {
  if (defaultsStarted) return;
  defaultsStarted = true;
  collectDefaultMetrics({ register: metricsRegistry, eventLoopMonitoringPrecision: 20 });
}

/**
 * Wraps a room's fixed-step callback so each step's duration is observed. The labelled child is
 * bound once, so a step costs two `performance.now()` calls and one bucket increment.
 */
export function timedStep<A extends unknown[]>(
  room: string,
  step: (...args: A) => void,
): (...args: A) => void {
  const observe = stepDuration.labels(room);
  return (...args) => {
    const started = performance.now();
    try {
      step(...args);
    } finally {
      observe.observe((performance.now() - started) / 1000);
    }
  };
}

/** Counts a decided claim: `held`, or `refused` with its reason. */
export function countClaim(answer: { outcome: "held" } | { outcome: "refused"; reason: string }): void {
  claimsDecided.inc({ outcome: answer.outcome, reason: answer.outcome === "refused" ? answer.reason : "" });
}

/** Counts a model pipeline job and its duration once it settles; returns the same promise. */
export function timedPipelineJob<T>(job: Promise<T>, isRejection: (error: unknown) => boolean): Promise<T> {
  const stop = pipelineDuration.startTimer();
  job.then(
    () => {
      stop();
      pipelineJobs.inc({ outcome: "done" });
    },
    (error: unknown) => {
      stop();
      pipelineJobs.inc({ outcome: isRejection(error) ? "rejected" : "failed" });
    },
  );
  return job;
}
