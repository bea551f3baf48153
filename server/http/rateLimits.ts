/**
 * Attempt limits for sign-in and sign-up, per client IP and per email address, so that neither one
 * address nor one account can be hammered. In memory: with several processes each one counts on its
 * own (rate-limiter-flexible offers Redis- and Postgres-backed limiters with the same interface).
 */
import type { Request, Response } from "express";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { ErrorCode } from "../../shared/errors.ts";
import { AppError } from "./errors.ts";

export type AttemptLimits = {
  /** Attempts one IP address may make per minute. */
  perIpPerMinute: number;
  /** Attempts on one email address per minute, from anywhere. */
  perEmailPerMinute: number;
};

export const DEFAULT_ATTEMPT_LIMITS: AttemptLimits = { perIpPerMinute: 30, perEmailPerMinute: 10 };

/** Counts the attempts of one action (e.g. "signin") by IP and by email. */
export type AttemptLimiter = {
  /** Counts one attempt for the request's IP. @throws AppError 429 (and sets Retry-After) when over. */
  consumeIp(req: Request, res: Response): Promise<void>;
  /** Counts one attempt for an email address. @throws AppError 429 (and sets Retry-After) when over. */
  consumeEmail(email: string, res: Response): Promise<void>;
};

/** One limiter per action; each has its own counters. */
export function createAttemptLimiter(action: string, limits: AttemptLimits): AttemptLimiter {
  const byIp = new RateLimiterMemory({
    keyPrefix: `${action}:ip`,
    points: limits.perIpPerMinute,
    duration: 60,
  });
  const byEmail = new RateLimiterMemory({
    keyPrefix: `${action}:email`,
    points: limits.perEmailPerMinute,
    duration: 60,
  });
  return {
    consumeIp: (req, res) => consume(byIp, req.ip ?? req.socket.remoteAddress ?? "unknown", res),
    consumeEmail: (email, res) => consume(byEmail, email.toLowerCase(), res),
  };
}

async function consume(limiter: RateLimiterMemory, key: string, res: Response): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    // The limiter rejects with a RateLimiterRes when over the limit, and with an Error if it fails.
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    res.setHeader("Retry-After", String(retryAfterSeconds));
    throw new AppError(
      429,
      ErrorCode.rateLimited,
      `Too many attempts. Please wait ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"} and try again.`,
      { retryAfterSeconds },
    );
  }
}
