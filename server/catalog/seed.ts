/**
 * Seeding the demo brands, products, accounts and staff roles. Runs once per seed `version`:
 * the version applied is recorded in `app_meta`, in the same transaction as the rows.
 */
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { SeedFile } from "../../shared/seed.ts";
import { accountIdsByEmail, addBrandRoles, insertAccount } from "../accounts/accounts.ts";
import { hashPassword } from "../accounts/passwords.ts";
import { type Db, type DbLike, drizzleOf } from "../db/database.ts";
import { appMeta } from "../db/schema.ts";
import { addBrandsIfAbsent } from "./catalogRepository.ts";
import { seedPassesAndDrops } from "./seedDrops.ts";

export { loadSeedFile, SeedFileError } from "./seedFile.ts";

/** `app_meta` key holding the highest demo seed version applied. */
export const SEED_VERSION_KEY = "demo_seed_version";

/** Advisory lock key that serialises seeding across processes sharing one PostgreSQL. */
const SEED_LOCK_KEY = 0x76_73_65_65_64n; // "vseed"

export type SeedOutcome = {
  /** True when this call wrote the seed; false when that version (or a newer one) was already there. */
  applied: boolean;
  version: number;
};

/**
 * Writes the demo content if this seed version is newer than the one recorded. Drops and pass windows
 * are dated from `now` (the moment of seeding).
 *
 * Idempotent and safe when several processes start at once: everything happens in one transaction
 * holding an advisory lock, the version is re-checked under the lock, and every insert is
 * `ON CONFLICT DO NOTHING`, through the domains' own writes (accounts, catalog, passes, drops). Rows that already exist are left as they are, so a newer seed version
 * adds its new brands, products and accounts without overwriting what brands edited since.
 */
export async function seedDemoContent(
  database: DbLike,
  seed: SeedFile,
  now: Date = new Date(),
): Promise<SeedOutcome> {
  const db = drizzleOf(database);
  // Cheap check first, so a normal restart does not pay for hashing the demo passwords.
  if ((await readSeedVersion(db)) >= seed.version) return { applied: false, version: seed.version };

  // Hash before the transaction: argon2 is slow on purpose, and the lock should be held briefly.
  const accounts = await Promise.all(
    seed.accounts.map(async (account) => ({
      email: account.email.toLowerCase(),
      passwordHash: await hashPassword(account.password),
      displayName: account.displayName,
      role: account.role,
      brandRoles: account.brandRoles,
    })),
  );

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if ((await readSeedVersion(tx)) >= seed.version) return { applied: false, version: seed.version };

    await addBrandsIfAbsent(tx, seed.brands);
    // Accounts that exist keep their password; their brand roles are added to theirs.
    for (const account of accounts) await insertAccount(tx, account);
    const idByEmail = await accountIdsByEmail(
      tx,
      accounts.map((a) => a.email),
    );
    for (const account of accounts) {
      const userId = idByEmail.get(account.email);
      if (userId) await addBrandRoles(tx, userId, account.brandRoles);
    }

    await seedPassesAndDrops(tx, seed, now);

    await tx
      .insert(appMeta)
      .values({ key: SEED_VERSION_KEY, value: seed.version })
      .onConflictDoUpdate({ target: appMeta.key, set: { value: seed.version } });
    return { applied: true, version: seed.version };
  });
}

/** The demo seed version recorded in the database, 0 when none was applied. */
export async function readSeedVersion(db: Db): Promise<number> {
  const [row] = await db
    .select({ value: appMeta.value })
    .from(appMeta)
    .where(eq(appMeta.key, SEED_VERSION_KEY));
  const version = z.number().int().nonnegative().safeParse(row?.value);
  return version.success ? version.data : 0;
}
