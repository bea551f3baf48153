/**
 * Granting copies of a collectible, each with the next edition number and a signed certificate.
 *
 * Why editions never repeat, skip or overflow (PGlite and PostgreSQL, any number of processes):
 * the number comes from `UPDATE collectibles SET issued = issued + 1 WHERE id = $1 AND issued <
 * edition_size RETURNING issued`, in the same transaction as the copy's insert. PostgreSQL re-checks
 * the WHERE after taking the row lock, so concurrent grants queue on that row and each gets its own
 * number; a transaction that fails rolls its number back with it, and the row lock is held until
 * commit, so nobody else can take a number in between. One copy per person: a second grant to the
 * same person gives back the number it took (still under the lock) and answers `already_owned`.
 */
import { randomUUID } from "node:crypto";
import { and, eq, gt, inArray, isNull, lt, sql } from "drizzle-orm";
import type {
  CertificateStatement,
  CollectibleGrantReason,
  GrantCollectibleAnswer,
  GrantCollectibleBody,
} from "../../shared/collectibles.ts";
import { type Db, type DbLike, drizzleOf } from "../db/database.ts";
import { auditEvents, brands, collectibleCopies, collectibles, passes, users } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { type CertificateSigner, certificateSignerFor } from "./certificateSigner.ts";
import { signStatement } from "./certificates.ts";
import { ownerPseudonym } from "./ownerPseudonyms.ts";

export type GrantInput = {
  collectibleId: string;
  userId: string;
  reason: CollectibleGrantReason;
  /** What granted it (claim id, pass id, event id, staff member): audit and idempotency. */
  ref: string | null;
};

export type GrantOutcome =
  | { outcome: "granted"; copyId: string; edition: number }
  | { outcome: "already_owned"; copyId: string; edition: number }
  | { outcome: "sold_out" };

async function existingCopy(tx: Db, collectibleId: string, userId: string) {
  const [row] = await tx
    .select({ copyId: collectibleCopies.id, edition: collectibleCopies.edition })
    .from(collectibleCopies)
    .where(and(eq(collectibleCopies.collectibleId, collectibleId), eq(collectibleCopies.ownerId, userId)));
  return row;
}

/**
 * Grants one copy inside the caller's transaction `tx` (which must be one: the number and the copy
 * commit together). Use `grantCopy` to run it in a transaction of its own.
 */
export async function grantCopyInTransaction(
  tx: Db,
  signer: CertificateSigner,
  input: GrantInput,
  now: Date,
): Promise<GrantOutcome> {
  const owned = await existingCopy(tx, input.collectibleId, input.userId);
  if (owned) return { outcome: "already_owned", ...owned };

  const [taken] = await tx
    .update(collectibles)
    .set({ issued: sql`${collectibles.issued} + 1` })
    .where(and(eq(collectibles.id, input.collectibleId), lt(collectibles.issued, collectibles.editionSize)))
    .returning({
      edition: collectibles.issued,
      editionSize: collectibles.editionSize,
      name: collectibles.name,
      brandId: collectibles.brandId,
      modelSha256: collectibles.modelSha256,
    });
  if (!taken) return { outcome: "sold_out" };

  const [brand] = await tx.select({ name: brands.name }).from(brands).where(eq(brands.id, taken.brandId));
  const copyId = randomUUID();
  const statement: CertificateStatement = {
    certificateId: copyId,
    collectibleId: input.collectibleId,
    collectibleName: taken.name,
    brandId: taken.brandId,
    brandName: brand?.name ?? taken.brandId,
    edition: taken.edition,
    editionSize: taken.editionSize,
    owner: await ownerPseudonym(tx, input.userId),
    modelSha256: taken.modelSha256,
    issuedAt: now.toISOString(),
    issuer: "vitrine",
  };
  const certificate = signStatement(statement, signer.privateKey, signer.keyId);
  const [inserted] = await tx
    .insert(collectibleCopies)
    .values({
      id: copyId,
      collectibleId: input.collectibleId,
      edition: taken.edition,
      ownerId: input.userId,
      grantReason: input.reason,
      grantRef: input.ref,
      certificate,
      grantedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: collectibleCopies.id });
  if (!inserted) {
    // A concurrent grant to the same person committed first: give the number back (we still hold
    // the row lock, so it is the last one taken) and answer with their copy.
    await tx
      .update(collectibles)
      .set({ issued: sql`${collectibles.issued} - 1` })
      .where(eq(collectibles.id, input.collectibleId));
    const theirs = await existingCopy(tx, input.collectibleId, input.userId);
    if (!theirs) throw new Error("copy insert conflicted, yet the owner has no copy");
    return { outcome: "already_owned", ...theirs };
  }
  await tx.insert(auditEvents).values({
    at: now,
    kind: "collectible_granted",
    subjectUserId: input.userId,
    details: {
      collectibleId: input.collectibleId,
      copyId,
      edition: taken.edition,
      reason: input.reason,
      ref: input.ref,
    },
  });
  return { outcome: "granted", copyId, edition: taken.edition };
}

/** Grants one copy in a transaction of its own, signed with the keys registered for `database`. */
export async function grantCopy(database: DbLike, input: GrantInput, clock: Clock): Promise<GrantOutcome> {
  const signer = certificateSignerFor(database);
  return drizzleOf(database).transaction((tx) => grantCopyInTransaction(tx, signer, input, clock.now()));
}

/**
 * Hook for server/drops: grants the drop's collectible (if it has one) to the person whose claim was
 * just confirmed, inside the confirming transaction. Idempotent (one copy per person); a sold-out
 * edition does not undo the confirmation.
 */
export async function grantForConfirmedClaim(
  tx: Db,
  database: DbLike,
  claim: { id: string; dropId: string; userId: string },
  now: Date,
): Promise<GrantOutcome | null> {
  const [collectible] = await tx
    .select({ id: collectibles.id })
    .from(collectibles)
    .where(and(eq(collectibles.obtainedBy, "drop"), eq(collectibles.sourceId, claim.dropId)));
  if (!collectible) return null;
  return grantCopyInTransaction(
    tx,
    certificateSignerFor(database),
    { collectibleId: collectible.id, userId: claim.userId, reason: "drop_claim", ref: claim.id },
    now,
  );
}

/**
 * Hook for server/passes: grants every collectible of the pass's type to its holder, inside the
 * issuing transaction.
 */
export async function grantForIssuedPass(
  tx: Db,
  database: DbLike,
  pass: { id: string; passTypeId: string; userId: string },
  now: Date,
): Promise<GrantOutcome[]> {
  const rows = await tx
    .select({ id: collectibles.id })
    .from(collectibles)
    .where(and(eq(collectibles.obtainedBy, "pass"), eq(collectibles.sourceId, pass.passTypeId)))
    .orderBy(collectibles.createdAt, collectibles.id);
  if (rows.length === 0) return [];
  const signer = certificateSignerFor(database);
  const outcomes: GrantOutcome[] = [];
  for (const row of rows) {
    outcomes.push(
      await grantCopyInTransaction(
        tx,
        signer,
        { collectibleId: row.id, userId: pass.userId, reason: "pass_holder", ref: pass.id },
        now,
      ),
    );
  }
  return outcomes;
}

/** Everyone holding a live pass of the type at `now`, oldest passes first. */
export async function currentPassHolders(
  db: Db,
  passTypeId: string,
  now: Date,
): Promise<{ passId: string; userId: string }[]> {
  return db
    .select({ passId: passes.id, userId: passes.userId })
    .from(passes)
    .where(
      and(
        eq(passes.passTypeId, passTypeId),
        isNull(passes.revokedAt),
        gt(passes.validUntil, now),
        sql`${passes.validFrom} <= ${now}`,
      ),
    )
    .orderBy(passes.createdAt, passes.id);
}

/**
 * Grants a pass collectible to everyone holding a live pass of its type (when it is created), each
 * in a transaction of its own, oldest passes first.
 */
export async function grantToCurrentPassHolders(
  database: DbLike,
  collectibleId: string,
  passTypeId: string,
  clock: Clock,
): Promise<GrantOutcome[]> {
  const holders = await currentPassHolders(drizzleOf(database), passTypeId, clock.now());
  const outcomes: GrantOutcome[] = [];
  for (const holder of holders) {
    outcomes.push(
      await grantCopy(
        database,
        { collectibleId, userId: holder.userId, reason: "pass_holder", ref: holder.passId },
        clock,
      ),
    );
  }
  return outcomes;
}

/**
 * Staff grants by email (manual, or for attending an event). Each person's grant is its own
 * transaction, so an edition running out keeps the copies already granted.
 */
export async function grantByEmails(
  database: DbLike,
  collectibleId: string,
  body: GrantCollectibleBody,
  actorUserId: string,
  clock: Clock,
): Promise<GrantCollectibleAnswer> {
  const emails = [...new Set(body.emails.map((e) => e.toLowerCase()))];
  const accounts = await drizzleOf(database)
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, emails));
  const idByEmail = new Map(accounts.map((a) => [a.email, a.id]));
  const answer: GrantCollectibleAnswer = { granted: [], alreadyOwned: [], unknown: [] };
  const notGranted: string[] = [];
  for (const email of emails) {
    const userId = idByEmail.get(email);
    if (!userId) {
      answer.unknown.push(email);
      continue;
    }
    const outcome = await grantCopy(
      database,
      {
        collectibleId,
        userId,
        reason: body.reason === "event_attendance" ? "event_attendance" : "manual",
        ref: body.eventId ?? `staff:${actorUserId}`,
      },
      clock,
    );
    if (outcome.outcome === "granted")
      answer.granted.push({ email, copyId: outcome.copyId, edition: outcome.edition });
    else if (outcome.outcome === "already_owned")
      answer.alreadyOwned.push({ email, copyId: outcome.copyId, edition: outcome.edition });
    else notGranted.push(email);
  }
  if (notGranted.length > 0) {
    answer.soldOut = true;
    answer.notGranted = notGranted;
  }
  return answer;
}
