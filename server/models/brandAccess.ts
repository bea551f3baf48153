/**
 * Who may do what with a brand's models and products: its owners and merchandisers change them, its
 * advisors only look, platform admins do everything, and nobody else sees a brand's drafts.
 */
import type { BrandRole, SessionUser } from "../../shared/auth.ts";
import { ErrorCode } from "../../shared/errors.ts";
import { AppError } from "../http/errors.ts";

/** The caller's role in the brand, "admin" for platform admins, or null for everyone else. */
export function brandRoleOf(user: SessionUser, brandId: string): BrandRole | "admin" | null {
  if (user.role === "admin") return "admin";
  return user.brandRoles.find((r) => r.brandId === brandId)?.role ?? null;
}

/** @throws AppError 403 unless the user is staff of the brand (any role) or an admin. */
export function requireBrandReader(user: SessionUser, brandId: string): void {
  if (brandRoleOf(user, brandId) !== null) return;
  throw new AppError(
    403,
    ErrorCode.forbidden,
    `Only the staff of brand "${brandId}" may see its models and unpublished products.`,
    { brandId, reason: "not_brand_staff" },
  );
}

/** @throws AppError 403 unless the user is an owner or merchandiser of the brand, or an admin. */
export function requireBrandEditor(user: SessionUser, brandId: string): void {
  const role = brandRoleOf(user, brandId);
  if (role === "owner" || role === "merchandiser" || role === "admin") return;
  if (role === "advisor") {
    throw new AppError(
      403,
      ErrorCode.forbidden,
      "Advisors may look at the brand's products but not change them; ask an owner or a merchandiser.",
      { brandId, role, reason: "read_only_role" },
    );
  }
  requireBrandReader(user, brandId);
}
