/**
 * Who a fact is about, as stored: the account id only when the person consented to the brand
 * (they are in its client book, server/clienteling/consent.ts); otherwise a pseudonym, an HMAC of
 * the account (or, for a guest, the connection) with a server secret and the brand. The same person
 * gets a different pseudonym at every brand, so brands cannot join their numbers, and without the
 * secret (never stored with the facts, never sent) a pseudonym cannot be traced back to an account.
 */
import { createHmac, randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { appMeta, clientConsents } from "../db/schema.ts";

/** Who did something: a signed-in account, a guest's connection, or nobody known. */
export type Visitor = { userId: string } | { sessionId: string } | { anonymous: true };

const SECRET_KEY = "analytics_pseudonym_secret";

/**
 * The pseudonym secret: ANALYTICS_SECRET when given, else one made once and kept in the database
 * (`app_meta`), so every process of a scaled-out deployment uses the same.
 */
export async function pseudonymSecret(database: DbLike, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const db = drizzleOf(database);
  await db
    .insert(appMeta)
    .values({ key: SECRET_KEY, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select({ value: appMeta.value }).from(appMeta).where(eq(appMeta.key, SECRET_KEY));
  if (typeof row?.value !== "string") throw new Error("the analytics secret is missing from app_meta");
  return row.value;
}

/** The per-brand pseudonym of an account or a guest connection: `p_` and 22 url-safe characters. */
export function pseudonymFor(secret: string, brandId: string, visitor: Visitor): string | null {
  if ("anonymous" in visitor) return null;
  const subject = "userId" in visitor ? `account:${visitor.userId}` : `guest:${visitor.sessionId}`;
  const mac = createHmac("sha256", secret).update(`${brandId}\u0000${subject}`).digest("base64url");
  return `p_${mac.slice(0, 22)}`;
}

/** Of these (brand, account) pairs, those where the account consented to the brand, as "brand\0user". */
export async function consentedPairs(
  database: DbLike,
  pairs: ReadonlyArray<{ brandId: string; userId: string }>,
): Promise<Set<string>> {
  const found = new Set<string>();
  if (pairs.length === 0) return found;
  const users = [...new Set(pairs.map((p) => p.userId))];
  const rows = await drizzleOf(database)
    .selectDistinct({ brandId: clientConsents.brandId, userId: clientConsents.clientId })
    .from(clientConsents)
    .where(and(inArray(clientConsents.clientId, users), eq(clientConsents.granted, true)));
  for (const row of rows) found.add(`${row.brandId}\u0000${row.userId}`);
  return found;
}
