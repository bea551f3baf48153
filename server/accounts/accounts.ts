/**
 * Writing accounts and their brand roles: the one place a `users` or `brand_staff` row is made,
 * by sign-up and by the demo seed alike.
 */
import { inArray } from "drizzle-orm";
import type { BrandRole, GlobalRole } from "../../shared/auth.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { brandStaff, users } from "../db/schema.ts";

export type UserRow = typeof users.$inferSelect;

export type NewAccount = { email: string; passwordHash: string; displayName: string; role: GlobalRole };

/**
 * Creates an account; null, writing nothing, when the email (lowercased) already has one. ON
 * CONFLICT rather than a read first: two simultaneous sign-ups with one email cannot both win.
 */
export async function insertAccount(database: DbLike, account: NewAccount): Promise<UserRow | null> {
  const [user] = await drizzleOf(database)
    .insert(users)
    .values({
      email: account.email.toLowerCase(),
      passwordHash: account.passwordHash,
      displayName: account.displayName,
      role: account.role,
    })
    .onConflictDoNothing({ target: users.email })
    .returning();
  return user ?? null;
}

/** The ids of the accounts with these emails (lowercased), by email; unknown emails are absent. */
export async function accountIdsByEmail(database: DbLike, emails: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(emails.map((email) => email.toLowerCase()))];
  if (wanted.length === 0) return new Map();
  const rows = await drizzleOf(database)
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, wanted));
  return new Map(rows.map((row) => [row.email, row.id]));
}

/** Gives a person roles in brands; a role they already have in a brand is left as it is. */
export async function addBrandRoles(
  database: DbLike,
  userId: string,
  roles: { brandId: string; role: BrandRole }[],
): Promise<void> {
  if (roles.length === 0) return;
  await drizzleOf(database)
    .insert(brandStaff)
    .values(roles.map((r) => ({ userId, brandId: r.brandId, role: r.role })))
    .onConflictDoNothing();
}
