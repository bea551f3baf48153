/**
 * Owners appear on certificates and in vitrines under a stable pseudonym: an HMAC of their account
 * id under a secret kept in `app_meta`. It never reveals the email or the account id, is the same in
 * every process and after restarts, and cannot be reversed without the database.
 */
import { createHmac, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { appMeta } from "../db/schema.ts";

const SECRET_KEY = "collectible_owner_pseudonym_secret";
const Secret = z.string().regex(/^[0-9a-f]{64}$/);

const cache = new WeakMap<object, string>();

async function pseudonymSecret(database: DbLike): Promise<string> {
  const db = drizzleOf(database);
  const cached = cache.get(db);
  if (cached) return cached;
  // First use anywhere creates it; a concurrent creator's value wins and is read back.
  await db
    .insert(appMeta)
    .values({ key: SECRET_KEY, value: randomBytes(32).toString("hex") })
    .onConflictDoNothing();
  const [row] = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, SECRET_KEY));
  const secret = Secret.parse(row?.value);
  cache.set(db, secret);
  return secret;
}

/** The owner's pseudonym, e.g. `own_5f0c…` (28 characters). */
export async function ownerPseudonym(database: DbLike, userId: string): Promise<string> {
  const secret = await pseudonymSecret(database);
  const mac = createHmac("sha256", Buffer.from(secret, "hex")).update(`owner:${userId}`).digest();
  return `own_${mac.subarray(0, 12).toString("hex")}`;
}
