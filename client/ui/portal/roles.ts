import type { SessionUser } from "../../../shared/auth.ts";
import type { Brand } from "../../../shared/catalog.ts";

/** What a person is in the portal of one brand: their brand role, or platform admin. */
export type PortalRole = "owner" | "merchandiser" | "advisor" | "admin";

/** The person's role for a brand, or null when they are not its staff (nor an admin). */
export function roleFor(user: SessionUser, brandId: string): PortalRole | null {
  const staff = user.brandRoles.find((r) => r.brandId === brandId);
  if (staff) return staff.role;
  return user.role === "admin" ? "admin" : null;
}

/** Owners, merchandisers and admins upload, edit and publish; advisors only look. */
export function canEdit(role: PortalRole | null): boolean {
  return role === "owner" || role === "merchandiser" || role === "admin";
}

/** The brands a person may open in the portal, in avenue order (all of them for an admin). */
export function portalBrands(user: SessionUser, brands: readonly Brand[]): Brand[] {
  if (user.role === "admin") return [...brands];
  const mine = new Set(user.brandRoles.map((r) => r.brandId));
  return brands.filter((b) => mine.has(b.id));
}
