/**
 * Where every rate limit counts (issue 16 item 5): in Redis when `REDIS_URL` is set, so that N
 * processes share one count per key and do not grant N times the limit; in this process's memory
 * otherwise. Both are rate-limiter-flexible limiters with one interface. A Redis that stops
 * answering falls back to an in-memory count per process (the insurance limiter) rather than
 * refusing everyone or letting everyone through unlimited.
 */
import { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";

export type CounterSpec = {
  /** Counters of different limits never mix. */
  keyPrefix: string;
  points: number;
  durationSeconds: number;
};

export type LimiterStore = {
  readonly kind: "memory" | "redis";
  /** A counter of `points` per `durationSeconds` per key. */
  counter(spec: CounterSpec): RateLimiterAbstract;
  close(): Promise<void>;
};

/** Counts in this process only (one process, or tests that build a router alone). */
export function memoryLimiterStore(): LimiterStore {
  return {
    kind: "memory",
    counter: (spec) =>
      new RateLimiterMemory({
        keyPrefix: spec.keyPrefix,
        points: spec.points,
        duration: spec.durationSeconds,
      }),
    close: async () => {},
  };
}

/** Counts in Redis at `redisUrl`, shared by every process that uses the same Redis. */
export function redisLimiterStore(redisUrl: string): LimiterStore {
  // No offline queue: while Redis is away, a count fails at once and the insurance limiter answers.
  const client = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  client.on("error", () => {
    // ioredis reconnects by itself; the insurance limiter covers the gap.
  });
  return {
    kind: "redis",
    counter: (spec) =>
      new RateLimiterRedis({
        storeClient: client,
        keyPrefix: `vitrine:rl:${spec.keyPrefix}`,
        points: spec.points,
        duration: spec.durationSeconds,
        insuranceLimiter: new RateLimiterMemory({
          keyPrefix: spec.keyPrefix,
          points: spec.points,
          duration: spec.durationSeconds,
        }),
      }),
    close: async () => {
      client.disconnect();
    },
  };
}

/** Redis when a URL is given, memory otherwise. */
export function createLimiterStore(redisUrl: string | undefined): LimiterStore {
  return redisUrl ? redisLimiterStore(redisUrl) : memoryLimiterStore();
}
