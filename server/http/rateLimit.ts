/**
 * Every request limit of the API (sign-in and sign-up attempts, claims, model uploads) is one of
 * these: rate-limiter-flexible counters from one LimiterStore (server/http/limiterStore.ts: Redis
 * when REDIS_URL is set, so every process shares the count), and one answer when over, 429
 * `rate_limited` with `Retry-After` and `details.retryAfterSeconds`. The sign-in limiter, which
 * must never lock the owner out, is server/accounts/signInThrottle.ts.
 */
import type { Request, Response } from "express";
import { RateLimiterRes } from "rate-limiter-flexible";
import { ErrorCode } from "../../shared/errors.ts";
import { DomainError } from "../errors.ts";
import { type LimiterStore, memoryLimiterStore } from "./limiterStore.ts";

/**
 * The 429 for a caller who must wait: sets `Retry-After` and returns the error to throw.
 * `message` says what was limited, given the wait in seconds.
 */
export function tooManyRequests(
  res: Response,
  retryAfterSeconds: number,
  message: (retryAfterSeconds: number) => string,
): DomainError {
  res.setHeader("Retry-After", String(retryAfterSeconds));
  return new DomainError(ErrorCode.rateLimited, message(retryAfterSeconds), { retryAfterSeconds });
}

/** "Please wait 3 seconds" / "1 second". */
export function waitSeconds(seconds: number): string {
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}

export type RequestLimit = {
  /** Counters of different limits never mix. */
  keyPrefix: string;
  points: number;
  durationSeconds: number;
  /** What the 429 says, given the wait in seconds. */
  message: (retryAfterSeconds: number) => string;
};

/** Counts one request for `key`. @throws DomainError 429 (and sets Retry-After) when over. */
export type Limiter = (key: string, res: Response) => Promise<void>;

/** Seconds to wait, from a limiter's milliseconds (at least 1, so Retry-After is never 0). */
export function secondsFrom(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** A limiter of `points` requests per `durationSeconds` per key, counted in `store`. */
export function createLimiter(limit: RequestLimit, store: LimiterStore = memoryLimiterStore()): Limiter {
  const counters = store.counter(limit);
  return async (key, res) => {
    try {
      await counters.consume(key);
    } catch (rejection) {
      // The limiter rejects with a RateLimiterRes when over the limit, and with an Error if it fails.
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw tooManyRequests(res, secondsFrom(rejection.msBeforeNext), limit.message);
    }
  };
}

/** The key of the caller's address. */
export function addressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? "unknown";
}

export type AttemptLimits = {
  /** Attempts one IP address may make per minute. */
  perIpPerMinute: number;
  /** Attempts on one email address per minute, from anywhere. */
  perEmailPerMinute: number;
};

export const DEFAULT_ATTEMPT_LIMITS: AttemptLimits = { perIpPerMinute: 30, perEmailPerMinute: 10 };

const attemptsMessage = (s: number) => `Too many attempts. Please wait ${waitSeconds(s)} and try again.`;

/** Sign-in or sign-up attempts of one action, by IP and by email. */
export function createAttemptLimiter(action: string, limits: AttemptLimits, store?: LimiterStore) {
  const byIp = createLimiter(
    {
      keyPrefix: `${action}:ip`,
      points: limits.perIpPerMinute,
      durationSeconds: 60,
      message: attemptsMessage,
    },
    store,
  );
  const byEmail = createLimiter(
    {
      keyPrefix: `${action}:email`,
      points: limits.perEmailPerMinute,
      durationSeconds: 60,
      message: attemptsMessage,
    },
    store,
  );
  return {
    consumeIp: (req: Request, res: Response) => byIp(addressOf(req), res),
    consumeEmail: (email: string, res: Response) => byEmail(email.toLowerCase(), res),
  };
}

export type ClaimRateLimits = {
  /** Claim requests one account may send per minute (retries included). */
  perAccountPerMinute: number;
  /** Claim requests one IP address may send per minute. */
  perIpPerMinute: number;
};

export const DEFAULT_CLAIM_RATE_LIMITS: ClaimRateLimits = { perAccountPerMinute: 30, perIpPerMinute: 120 };

const claimsMessage = (s: number) => `Too many claim requests. Please wait ${waitSeconds(s)}.`;

/** Claims and raffle entries, by address and by account. */
export function createClaimLimiter(limits: ClaimRateLimits, store?: LimiterStore) {
  const byAccount = createLimiter(
    {
      keyPrefix: "claim:acct",
      points: limits.perAccountPerMinute,
      durationSeconds: 60,
      message: claimsMessage,
    },
    store,
  );
  const byIp = createLimiter(
    { keyPrefix: "claim:ip", points: limits.perIpPerMinute, durationSeconds: 60, message: claimsMessage },
    store,
  );
  return async (req: Request, res: Response, userId: string): Promise<void> => {
    await byIp(addressOf(req), res);
    await byAccount(userId, res);
  };
}

/** Model uploads one account may start per hour. */
export function createUploadLimiter(perHour: number, store?: LimiterStore): Limiter {
  return createLimiter(
    {
      keyPrefix: "model-upload",
      points: perHour,
      durationSeconds: 3600,
      message: (s) =>
        `Upload limit reached (${perHour} per hour). Please wait ${Math.ceil(s / 60)} minute(s).`,
    },
    store,
  );
}
