/**
 * Who may act for a maison in clienteling. Roles are read from `brand_staff` on every call, never
 * taken from the caller: advisors and owners work with clients; merchandisers arrange products and
 * see no client data; platform admins are not the maison's staff and see no client data either.
 */
import { and, eq } from "drizzle-orm";
import type { BrandRole } from "../../shared/auth.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { brandStaff, users } from "../db/schema.ts";
import { DomainError } from "../errors.ts";

export type StaffMember = { userId: string; brandId: string; role: BrandRole; name: string };

/** Roles that work with the client book. */
export const CLIENT_BOOK_ROLES: readonly BrandRole[] = ["owner", "advisor"];

/** The user's membership of a brand's staff, or null. */
export async function staffMemberOf(
  database: DbLike,
  userId: string,
  brandId: string,
): Promise<StaffMember | null> {
  const [row] = await drizzleOf(database)
    .select({ role: brandStaff.role, name: users.displayName })
    .from(brandStaff)
    .innerJoin(users, eq(users.id, brandStaff.userId))
    .where(and(eq(brandStaff.userId, userId), eq(brandStaff.brandId, brandId)));
  return row ? { userId, brandId, role: row.role, name: row.name } : null;
}

/**
 * The acting staff member, when their role is among `roles`.
 * @throws DomainError forbidden (reason `not_brand_staff` or `role_not_allowed`).
 */
export async function requireStaff(
  database: DbLike,
  userId: string,
  brandId: string,
  roles: readonly BrandRole[] = CLIENT_BOOK_ROLES,
): Promise<StaffMember> {
  const member = await staffMemberOf(database, userId, brandId);
  if (!member) {
    // Platform admins pass the HTTP access rules, but a maison's clients trusted the maison, not
    // the platform: they are refused here with their own reason.
    const [user] = await drizzleOf(database)
      .select({ role: users.role })
      .from(users)
      .where(eq(users.id, userId));
    if (user?.role === "admin") {
      throw new DomainError(
        "forbidden",
        `Client data of ${brandId} is for its own staff, not for platform administrators.`,
        {
          reason: "staff_only_client_data",
          brandId,
        },
      );
    }
    throw new DomainError("forbidden", `Only the staff of ${brandId} work with its clients.`, {
      reason: "not_brand_staff",
      brandId,
    });
  }
  if (!roles.includes(member.role)) {
    throw new DomainError("forbidden", `This needs the role ${roles.join(" or ")} at ${brandId}.`, {
      reason: "role_not_allowed",
      brandId,
      role: member.role,
      allowed: roles,
    });
  }
  return member;
}

/** The display name of an account (for messages and answers), or a neutral word when it is gone. */
export async function displayNameOf(database: DbLike, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await drizzleOf(database)
    .select({ name: users.displayName })
    .from(users)
    .where(eq(users.id, userId));
  return row?.name ?? null;
}
