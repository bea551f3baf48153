/**
 * The sign-in limiter that slows a guesser without ever locking the owner out (issue 10).
 *
 * A count per email alone lets anyone lock a person out by typing wrong passwords for their email
 * (ten did it). Here failures count per email *and* address: after FREE_FAILURES wrong passwords
 * from one address for one email, each further attempt from that address for that email waits a
 * delay that doubles per failure (1 s, 2 s, 4 s … up to MAX_DELAY_SECONDS), and a success clears
 * it. The owner, signing in from their own address, is never slowed by someone else's guesses.
 * Per address, failures on all emails together are capped per day (a slow brute force across
 * many accounts), and attempts per minute are capped before the body is even read.
 *
 * Counters live in the LimiterStore (Redis when REDIS_URL is set), so every process sees the
 * same failures and the same delay.
 */
import type { Request, Response } from "express";
import { RateLimiterRes } from "rate-limiter-flexible";
import type { LimiterStore } from "../http/limiterStore.ts";
import { addressOf, secondsFrom, tooManyRequests, waitSeconds } from "../http/rateLimit.ts";

export type SignInThrottleLimits = {
  /** Wrong passwords for one email from one address before delays start. */
  freeFailures: number;
  /** The longest delay between two attempts (seconds). */
  maxDelaySeconds: number;
  /** Wrong passwords one address may make per day, all emails together. */
  failuresPerAddressPerDay: number;
  /** Sign-in attempts one address may make per minute (counted before the body is read). */
  attemptsPerAddressPerMinute: number;
};

export const DEFAULT_SIGN_IN_LIMITS: SignInThrottleLimits = {
  freeFailures: 5,
  maxDelaySeconds: 15 * 60,
  failuresPerAddressPerDay: 200,
  attemptsPerAddressPerMinute: 30,
};

/** The wait after the `failures`-th consecutive failure (0 while within the free ones). */
export function delayAfter(failures: number, limits: SignInThrottleLimits): number {
  if (failures <= limits.freeFailures) return 0;
  return Math.min(limits.maxDelaySeconds, 2 ** (failures - limits.freeFailures - 1));
}

const slowDown = (s: number) =>
  `Too many wrong passwords for this account from your connection. Please wait ${waitSeconds(s)} and try again.`;
const tooManyAttempts = (s: number) => `Too many attempts. Please wait ${waitSeconds(s)} and try again.`;

export type SignInThrottle = {
  /** Before the body is read: attempts per address. @throws DomainError 429 */
  admitAddress(req: Request, res: Response): Promise<void>;
  /** Before the password is checked: the pending delay of this email from this address. @throws DomainError 429 */
  admit(email: string, req: Request, res: Response): Promise<void>;
  /** A wrong password: counts it and sets the next delay. */
  failed(email: string, req: Request): Promise<void>;
  /** A right password: clears the delay of this email from this address. */
  succeeded(email: string, req: Request): Promise<void>;
};

export function createSignInThrottle(
  store: LimiterStore,
  limits: SignInThrottleLimits = DEFAULT_SIGN_IN_LIMITS,
): SignInThrottle {
  const attempts = store.counter({
    keyPrefix: "signin:ip",
    points: limits.attemptsPerAddressPerMinute,
    durationSeconds: 60,
  });
  // Consecutive failures per email and address; forgotten a day after the last one.
  const failures = store.counter({ keyPrefix: "signin:fail", points: 1_000_000, durationSeconds: 86_400 });
  // A key blocked here must wait; block() sets the wait.
  const waits = store.counter({ keyPrefix: "signin:wait", points: 1, durationSeconds: 1 });
  const failuresByAddress = store.counter({
    keyPrefix: "signin:fail-ip",
    points: limits.failuresPerAddressPerDay,
    durationSeconds: 86_400,
  });
  const keyOf = (email: string, req: Request) => `${email.toLowerCase()}|${addressOf(req)}`;

  return {
    async admitAddress(req, res) {
      try {
        await attempts.consume(addressOf(req));
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        throw tooManyRequests(res, secondsFrom(rejection.msBeforeNext), tooManyAttempts);
      }
    },
    async admit(email, req, res) {
      const byAddress = await failuresByAddress.get(addressOf(req));
      if (byAddress && byAddress.consumedPoints >= limits.failuresPerAddressPerDay) {
        throw tooManyRequests(res, secondsFrom(byAddress.msBeforeNext), tooManyAttempts);
      }
      const wait = await waits.get(keyOf(email, req));
      if (wait && wait.consumedPoints > 1 && wait.msBeforeNext > 0) {
        throw tooManyRequests(res, secondsFrom(wait.msBeforeNext), slowDown);
      }
    },
    async failed(email, req) {
      const key = keyOf(email, req);
      const counted = await failures.penalty(key, 1);
      await failuresByAddress.penalty(addressOf(req), 1);
      const delay = delayAfter(counted.consumedPoints, limits);
      if (delay > 0) await waits.block(key, delay);
    },
    async succeeded(email, req) {
      const key = keyOf(email, req);
      await Promise.all([failures.delete(key), waits.delete(key)]);
    },
  };
}
