/**
 * The guards: who is asking (from the session cookie) and whether an access rule lets them in. The
 * HTTP adapter (server/http/endpointRouter.ts) applies each endpoint's declared rule with these;
 * nothing else in the server decides who may call a route.
 */
import type { Request } from "express";
import type { AccessDeniedDetails, AccessRule } from "../../shared/api/access.ts";
import type { BrandRole, SessionUser } from "../../shared/auth.ts";
import { ErrorCode } from "../../shared/errors.ts";
import type { DbLike } from "../db/database.ts";
import { DomainError } from "../errors.ts";
import { resolveSessionFromCookieHeader } from "./sessions.ts";

/** The signed-in caller, or null for a guest (or an unknown or expired session). */
export function currentUser(database: DbLike, req: Request): Promise<SessionUser | null> {
  return resolveSessionFromCookieHeader(database, req.headers.cookie);
}

/** @throws DomainError 401 `unauthenticated` when nobody is signed in. */
export function requireUser(user: SessionUser | null): SessionUser {
  if (!user) throw new DomainError(ErrorCode.unauthenticated, "Sign in first.");
  return user;
}

/** The caller's role in a brand, "admin" for platform admins, or null for everyone else. */
export function brandRoleOf(user: SessionUser, brandId: string): BrandRole | "admin" | null {
  if (user.role === "admin") return "admin";
  return user.brandRoles.find((r) => r.brandId === brandId)?.role ?? null;
}

function denied(message: string, details: AccessDeniedDetails): DomainError {
  return new DomainError(ErrorCode.forbidden, message, details);
}

/** @throws DomainError 403 (`not_admin`) unless the user is a platform admin. */
export function requireAdmin(user: SessionUser, purpose: string): void {
  if (user.role === "admin") return;
  throw denied(`Only platform administrators may ${purpose}.`, { reason: "not_admin" });
}

const ROLE_NAMES: Record<BrandRole, string> = {
  owner: "owners",
  merchandiser: "merchandisers",
  advisor: "advisors",
};

function rolesText(roles: readonly BrandRole[]): string {
  const names = roles.map((r) => ROLE_NAMES[r]);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "");
}

/**
 * @throws DomainError 403 unless the user holds one of `roles` in the brand (or is an admin):
 * `not_brand_staff` for outsiders, `read_only_role` for staff in another role.
 */
export function requireBrandRole(
  user: SessionUser,
  brandId: string,
  roles: readonly BrandRole[],
  purpose: string,
): void {
  const role = brandRoleOf(user, brandId);
  if (role === "admin" || (role !== null && roles.includes(role))) return;
  const who = roles.length === 3 ? "staff" : rolesText(roles);
  if (role === null) {
    throw denied(`Only the ${who} of brand "${brandId}" may ${purpose}.`, {
      brandId,
      reason: "not_brand_staff",
    });
  }
  throw denied(
    `As one of the ${ROLE_NAMES[role]} of brand "${brandId}" you may look but not ${purpose}; ask one of its ${rolesText(roles)}.`,
    { brandId, role, reason: "read_only_role" },
  );
}

/**
 * Applies an access rule to a caller. `brandId` is the brand the rule is about, already resolved
 * from its source (null: a platform-wide thing, which only admins may touch).
 * @returns the signed-in user (null only for `anyone`).
 */
export function applyAccessRule(
  rule: AccessRule,
  user: SessionUser | null,
  brandId: string | null,
): SessionUser | null {
  if (rule.kind === "anyone") return user;
  const caller = requireUser(user);
  if (rule.kind === "admin") requireAdmin(caller, rule.purpose);
  if (rule.kind === "brandStaff") {
    if (brandId === null) requireAdmin(caller, rule.purpose);
    else requireBrandRole(caller, brandId, rule.roles, rule.purpose);
  }
  return caller;
}
