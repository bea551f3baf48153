/**
 * Helpers the drop and pass routes share: who is asking (from the session cookie), what they may do,
 * and per-account / per-address limits on claims.
 */
import type { Request, Response } from "express";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { SessionUser } from "../../shared/auth.ts";
import { ErrorCode } from "../../shared/errors.ts";
import { resolveSessionFromCookieHeader } from "../accounts/sessions.ts";
import type { DbLike } from "../db/database.ts";
import { AppError } from "../http/errors.ts";

/** The signed-in caller. @throws AppError 401 when nobody is signed in. */
export async function requireUser(database: DbLike, req: Request): Promise<SessionUser> {
  const user = await resolveSessionFromCookieHeader(database, req.headers.cookie);
  if (!user) throw new AppError(401, ErrorCode.unauthenticated, "Sign in first.");
  return user;
}

/** @throws AppError 403 unless the user is a platform admin. */
export function requireAdmin(user: SessionUser): void {
  if (user.role !== "admin") {
    throw new AppError(403, ErrorCode.forbidden, "Only platform administrators may manage pass programmes.");
  }
}

/** @throws AppError 403 unless the user is an owner or merchandiser of the brand (or an admin). */
export function requireBrandManager(user: SessionUser, brandId: string): void {
  if (user.role === "admin") return;
  const ok = user.brandRoles.some(
    (r) => r.brandId === brandId && (r.role === "owner" || r.role === "merchandiser"),
  );
  if (!ok) {
    throw new AppError(403, ErrorCode.forbidden, "Only the brand's owners and merchandisers may do this.", {
      brandId,
    });
  }
}

export type ClaimRateLimits = {
  /** Claim requests one account may send per minute (retries included). */
  perAccountPerMinute: number;
  /** Claim requests one IP address may send per minute. */
  perIpPerMinute: number;
};

export const DEFAULT_CLAIM_RATE_LIMITS: ClaimRateLimits = { perAccountPerMinute: 30, perIpPerMinute: 120 };

/** In-memory limiters (per process, like the sign-in ones). */
export function createClaimLimiter(limits: ClaimRateLimits) {
  const byAccount = new RateLimiterMemory({
    keyPrefix: "claim:acct",
    points: limits.perAccountPerMinute,
    duration: 60,
  });
  const byIp = new RateLimiterMemory({ keyPrefix: "claim:ip", points: limits.perIpPerMinute, duration: 60 });
  return async (req: Request, res: Response, userId: string): Promise<void> => {
    await consume(byIp, req.ip ?? req.socket.remoteAddress ?? "unknown", res);
    await consume(byAccount, userId, res);
  };
}

async function consume(limiter: RateLimiterMemory, key: string, res: Response): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    res.setHeader("Retry-After", String(retryAfterSeconds));
    throw new AppError(
      429,
      ErrorCode.rateLimited,
      `Too many claim requests. Please wait ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`,
      { retryAfterSeconds },
    );
  }
}
