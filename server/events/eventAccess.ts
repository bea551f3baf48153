/**
 * Who may do what with events: a brand's owners and merchandisers (and admins) schedule and run
 * the brand's events, admins the platform's; the brand's staff (advisors too) and the presenters
 * see the staff side (guest list, host script).
 */
import type { SessionUser } from "../../shared/auth.ts";
import { ErrorCode } from "../../shared/errors.ts";
import { DomainError } from "../errors.ts";

/** The caller's role in the brand, "admin" for platform admins, or null. */
function roleIn(user: SessionUser, brandId: string): string | null {
  if (user.role === "admin") return "admin";
  return user.brandRoles.find((r) => r.brandId === brandId)?.role ?? null;
}

/**
 * @throws DomainError forbidden unless the caller may schedule and change events of `brandId`
 * (null: platform events, admins only).
 */
export function requireEventManager(user: SessionUser, brandId: string | null): void {
  if (brandId === null) {
    if (user.role === "admin") return;
    throw new DomainError(ErrorCode.forbidden, "Only platform admins schedule platform events.", {
      reason: "admin_only",
    });
  }
  const role = roleIn(user, brandId);
  if (role === "owner" || role === "merchandiser" || role === "admin") return;
  if (role === "advisor") {
    throw new DomainError(
      ErrorCode.forbidden,
      "Advisors may present events but not schedule or change them; ask an owner or a merchandiser.",
      { reason: "read_only_role", brandId },
    );
  }
  throw new DomainError(ErrorCode.forbidden, `Only the staff of brand "${brandId}" run its events.`, {
    reason: "not_brand_staff",
    brandId,
  });
}

/** Whether the caller is staff of the event's brand (any role) or an admin. */
export function isEventStaff(
  user: Pick<SessionUser, "role" | "brandRoles"> | null,
  brandId: string | null,
): boolean {
  if (!user) return false;
  if (user.role === "admin") return true;
  return brandId !== null && user.brandRoles.some((r) => r.brandId === brandId);
}
