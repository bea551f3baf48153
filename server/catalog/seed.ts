/**
 * Seeding the demo brands, products, accounts and staff roles. Runs once per seed `version`:
 * the version applied is recorded in `app_meta`, in the same transaction as the rows.
 */
import { eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { SeedFile } from "../../shared/seed.ts";
import { hashPassword } from "../accounts/passwords.ts";
import { type Db, type DbLike, drizzleOf } from "../db/database.ts";
import { appMeta, brandStaff, brands, products, users } from "../db/schema.ts";
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
 * `ON CONFLICT DO NOTHING`. Rows that already exist are left as they are, so a newer seed version
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
      ...account,
      email: account.email.toLowerCase(),
      passwordHash: await hashPassword(account.password),
    })),
  );

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if ((await readSeedVersion(tx)) >= seed.version) return { applied: false, version: seed.version };

    await tx
      .insert(brands)
      .values(
        seed.brands.map((brand, position) => ({
          id: brand.id,
          name: brand.name,
          tagline: brand.tagline,
          facade: brand.facade,
          position,
        })),
      )
      .onConflictDoNothing();

    const productRows = seed.brands.flatMap((brand) =>
      brand.products.map((product, position) => ({
        id: product.id,
        brandId: brand.id,
        name: product.name,
        description: product.description,
        priceMinor: product.price.amountMinor,
        currency: product.price.currency,
        model: product.model,
        position,
      })),
    );
    if (productRows.length > 0) await tx.insert(products).values(productRows).onConflictDoNothing();

    if (accounts.length > 0) {
      await tx
        .insert(users)
        .values(
          accounts.map((a) => ({
            email: a.email,
            passwordHash: a.passwordHash,
            displayName: a.displayName,
            role: a.role,
          })),
        )
        .onConflictDoNothing({ target: users.email });
      // Ids of new and already existing accounts alike, to attach their brand roles.
      const idRows = await tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(
          inArray(
            users.email,
            accounts.map((a) => a.email),
          ),
        );
      const idByEmail = new Map(idRows.map((r) => [r.email, r.id]));
      const staffRows = accounts.flatMap((a) => {
        const userId = idByEmail.get(a.email);
        return userId ? a.brandRoles.map((r) => ({ userId, brandId: r.brandId, role: r.role })) : [];
      });
      if (staffRows.length > 0) await tx.insert(brandStaff).values(staffRows).onConflictDoNothing();
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
