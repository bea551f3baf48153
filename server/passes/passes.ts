/**
 * Pass programmes: pass types, passes issued by hand or by a rule over client stats, revocation, and
 * the status of a pass at a given time. Every grant and revocation is written to the audit trail in
 * the same transaction.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type {
  ClientStats,
  CreatePassTypeBody,
  IssueRule,
  Pass,
  PassStatus,
  PassType,
  WalletPass,
} from "../../shared/passes.ts";
import { type AuditedBy, auditActor, auditOrigin } from "../audit.ts";
import { grantForIssuedPass } from "../collectibles/grants.ts";
import { type Db, type DbLike, drizzleOf } from "../db/database.ts";
import { auditEvents, brands, drops, passes, passTypes, users } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";

type PassRow = typeof passes.$inferSelect;
type PassTypeRow = typeof passTypes.$inferSelect;

/** The status of a pass at `now`: revoked wins, then the validity window. */
export function passStatusAt(
  pass: Pick<PassRow, "validFrom" | "validUntil" | "revokedAt">,
  now: Date,
): PassStatus {
  if (pass.revokedAt) return "revoked";
  if (now < pass.validFrom) return "not_yet_valid";
  if (now >= pass.validUntil) return "expired";
  return "active";
}

export function toPass(row: PassRow, now: Date): Pass {
  return {
    id: row.id,
    passTypeId: row.passTypeId,
    userId: row.userId,
    source: row.source,
    issuedBy: row.issuedBy,
    validFrom: row.validFrom.toISOString(),
    validUntil: row.validUntil.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: passStatusAt(row, now),
  };
}

export function toPassType(row: PassTypeRow): PassType {
  return {
    id: row.id,
    brandId: row.brandId,
    name: row.name,
    tier: row.tier,
    validFrom: row.validFrom.toISOString(),
    validUntil: row.validUntil.toISOString(),
    entitlements: row.entitlements,
  };
}

/** Creates a pass programme: platform-wide (admin) or run by one brand (`body.brandId`). */
export async function createPassType(
  database: DbLike,
  body: CreatePassTypeBody,
  actorUserId: string,
  clock: Clock,
): Promise<PassType> {
  const db = drizzleOf(database);
  return db.transaction(async (tx) => {
    const now = clock.now();
    if (body.brandId !== undefined) {
      const [brand] = await tx.select({ id: brands.id }).from(brands).where(eq(brands.id, body.brandId));
      if (!brand) throw DomainError.notFound("brand", body.brandId);
    }
    const row = await insertPassType(tx, body, { personId: actorUserId }, now);
    if (!row) throw new Error("a new pass type's id was already taken");
    return toPassType(row);
  });
}

/**
 * Writes a programme and its `pass_type_created` audit row in the caller's transaction. Returns
 * null, writing nothing, when a programme with that id exists (the seed's re-runs).
 */
export async function insertPassType(
  tx: Db,
  values: CreatePassTypeBody & { id?: string },
  by: AuditedBy,
  now: Date,
): Promise<PassTypeRow | null> {
  const [row] = await tx
    .insert(passTypes)
    .values({ ...values, createdAt: now })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  await tx.insert(auditEvents).values({
    at: now,
    kind: "pass_type_created",
    actorUserId: auditActor(by),
    details: { passTypeId: row.id, brandId: row.brandId, name: row.name, tier: row.tier, ...auditOrigin(by) },
  });
  return row;
}

export async function getPassType(database: DbLike, id: string): Promise<PassType> {
  const [row] = await drizzleOf(database).select().from(passTypes).where(eq(passTypes.id, id));
  if (!row) throw DomainError.notFound("pass_type", id);
  return toPassType(row);
}

/** Every programme, or only those one brand runs. */
export async function listPassTypes(
  database: DbLike,
  filter: { brandId?: string } = {},
): Promise<PassType[]> {
  const rows = await drizzleOf(database)
    .select()
    .from(passTypes)
    .where(filter.brandId === undefined ? undefined : eq(passTypes.brandId, filter.brandId))
    .orderBy(passTypes.name);
  return rows.map(toPassType);
}

export type IssueOptions = {
  source: "manual" | "rule";
  /** The issuing person's user id (manual) or the rule's id (rule). */
  issuedBy: string;
  validFrom?: Date;
  validUntil?: Date;
};

/**
 * Issues a pass of a type to a person, inside the type's window (narrowed by the options).
 * Returns `{ pass, created: false }` with the person's live pass when they already hold one.
 */
export async function issuePass(
  database: DbLike,
  passTypeId: string,
  userId: string,
  options: IssueOptions,
  clock: Clock,
): Promise<{ pass: Pass; created: boolean }> {
  const db = drizzleOf(database);
  return db.transaction(async (tx) => {
    const now = clock.now();
    const [type] = await tx.select().from(passTypes).where(eq(passTypes.id, passTypeId));
    if (!type) throw DomainError.notFound("pass_type", passTypeId);
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw DomainError.notFound("user", userId);
    const validFrom = maxDate(type.validFrom, options.validFrom ?? type.validFrom);
    const validUntil = minDate(type.validUntil, options.validUntil ?? type.validUntil);
    if (validFrom >= validUntil) {
      throw new DomainError(
        "validation_failed",
        "The pass's validity window is empty inside its type's window.",
        {
          reason: "empty_window",
        },
      );
    }
    const row = await insertPass(
      tx,
      { passTypeId, userId, source: options.source, issuedBy: options.issuedBy, validFrom, validUntil },
      { personId: options.source === "manual" ? options.issuedBy : null },
      now,
    );
    if (!row) {
      const [live] = await tx
        .select()
        .from(passes)
        .where(and(eq(passes.passTypeId, passTypeId), eq(passes.userId, userId), isNull(passes.revokedAt)));
      if (!live) throw new Error("pass conflict without a live pass");
      return { pass: toPass(live, now), created: false };
    }
    // The programme's collectibles come with the pass, in the same transaction.
    await grantForIssuedPass(tx, database, row, now);
    return { pass: toPass(row, now), created: true };
  });
}

/** A pass as written: who holds it, who or which rule issued it, its window. */
export type NewPass = Pick<
  typeof passes.$inferInsert,
  "passTypeId" | "userId" | "source" | "issuedBy" | "validFrom" | "validUntil"
>;

/**
 * Writes a pass and its `pass_granted` audit row in the caller's transaction. Returns null, writing nothing, when the person already holds a live
 * pass of the type: the partial unique index makes a second one impossible, even from two processes
 * at once. Collectibles that come with the pass are the caller's (`issuePass`) to grant.
 */
export async function insertPass(tx: Db, pass: NewPass, by: AuditedBy, now: Date): Promise<PassRow | null> {
  const [row] = await tx
    .insert(passes)
    .values({ ...pass, createdAt: now })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  await tx.insert(auditEvents).values({
    at: now,
    kind: "pass_granted",
    actorUserId: auditActor(by),
    subjectUserId: pass.userId,
    passId: row.id,
    details: {
      passTypeId: pass.passTypeId,
      source: pass.source,
      issuedBy: pass.issuedBy,
      ...auditOrigin(by),
    },
  });
  return row;
}

/** Whether a client's stats satisfy a rule: every condition the rule states must hold. */
export function clientQualifies(rule: IssueRule, stats: ClientStats): boolean {
  if (rule.minYearlySpendMinor !== undefined) {
    if (stats.currency !== rule.currency || stats.yearlySpendMinor < rule.minYearlySpendMinor) return false;
  }
  if (rule.attendedAnyOfEventIds !== undefined) {
    const attended = new Set(stats.attendedEventIds);
    if (!rule.attendedAnyOfEventIds.some((id) => attended.has(id))) return false;
  }
  return true;
}

/** Issues a pass to every client whose stats satisfy the rule; those already holding one are listed. */
export async function issuePassesByRule(
  database: DbLike,
  passTypeId: string,
  rule: IssueRule,
  clients: ClientStats[],
  clock: Clock,
): Promise<{ issued: Pass[]; alreadyHeld: string[] }> {
  const issued: Pass[] = [];
  const alreadyHeld: string[] = [];
  for (const stats of clients) {
    if (!clientQualifies(rule, stats)) continue;
    const result = await issuePass(
      database,
      passTypeId,
      stats.userId,
      { source: "rule", issuedBy: rule.id },
      clock,
    );
    if (result.created) issued.push(result.pass);
    else alreadyHeld.push(stats.userId);
  }
  return { issued, alreadyHeld };
}

/** Revokes a pass; revoking it again changes nothing. */
export async function revokePass(
  database: DbLike,
  passId: string,
  reason: string,
  actorUserId: string,
  clock: Clock,
): Promise<Pass> {
  const db = drizzleOf(database);
  return db.transaction(async (tx) => {
    const now = clock.now();
    const [row] = await tx
      .update(passes)
      .set({ revokedAt: now, revokedReason: reason })
      .where(and(eq(passes.id, passId), isNull(passes.revokedAt)))
      .returning();
    if (row) {
      await tx.insert(auditEvents).values({
        at: now,
        kind: "pass_revoked",
        actorUserId,
        subjectUserId: row.userId,
        passId,
        reason,
      });
      return toPass(row, now);
    }
    const [existing] = await tx.select().from(passes).where(eq(passes.id, passId));
    if (!existing) throw DomainError.notFound("pass", passId);
    return toPass(existing, now);
  });
}

export async function getPass(database: DbLike, passId: string, clock: Clock): Promise<Pass> {
  const [row] = await drizzleOf(database).select().from(passes).where(eq(passes.id, passId));
  if (!row) throw DomainError.notFound("pass", passId);
  return toPass(row, clock.now());
}

/** The person's passes, whatever their status, each with its programme (for the wallet). */
export async function listPassesOfUser(
  database: DbLike,
  userId: string,
  clock: Clock,
): Promise<WalletPass[]> {
  const rows = await drizzleOf(database)
    .select({ pass: passes, passType: passTypes })
    .from(passes)
    .innerJoin(passTypes, eq(passes.passTypeId, passTypes.id))
    .where(eq(passes.userId, userId))
    .orderBy(passes.createdAt);
  const now = clock.now();
  return rows.map((r) => ({ ...toPass(r.pass, now), passType: toPassType(r.passType) }));
}

/**
 * The person's active (valid now, unrevoked) passes among the given types, with their entitlements.
 * Drops use it to open early access and to pick the claim limit.
 */
export async function activePassesOf(
  database: DbLike,
  userId: string,
  passTypeIds: string[],
  now: Date,
): Promise<{ passId: string; passTypeId: string; entitlements: PassTypeRow["entitlements"] }[]> {
  if (passTypeIds.length === 0) return [];
  const rows = await drizzleOf(database)
    .select({ pass: passes, entitlements: passTypes.entitlements })
    .from(passes)
    .innerJoin(passTypes, eq(passTypes.id, passes.passTypeId))
    .where(and(eq(passes.userId, userId), inArray(passes.passTypeId, passTypeIds), isNull(passes.revokedAt)));
  return rows
    .filter((r) => passStatusAt(r.pass, now) === "active")
    .map((r) => ({ passId: r.pass.id, passTypeId: r.pass.passTypeId, entitlements: r.entitlements }));
}

/**
 * The caller's active passes among a drop's early-access pass types, read with the drop's list in the
 * same query, so that it can run beside the read of the drop row itself (claims.ts).
 */
export async function activePassesForDrop(
  database: DbLike,
  dropId: string,
  userId: string,
  now: Date,
): Promise<{ passId: string; passTypeId: string; entitlements: PassTypeRow["entitlements"] }[]> {
  const rows = await drizzleOf(database)
    .select({ pass: passes, entitlements: passTypes.entitlements })
    .from(passes)
    .innerJoin(passTypes, eq(passTypes.id, passes.passTypeId))
    .where(
      and(
        eq(passes.userId, userId),
        isNull(passes.revokedAt),
        sql`${passes.passTypeId} in (select jsonb_array_elements_text(${drops.earlyAccessPassTypeIds}) from ${drops} where ${drops.id} = ${dropId})`,
      ),
    );
  return rows
    .filter((r) => passStatusAt(r.pass, now) === "active")
    .map((r) => ({ passId: r.pass.id, passTypeId: r.pass.passTypeId, entitlements: r.entitlements }));
}

function maxDate(a: Date, b: Date): Date {
  return a > b ? a : b;
}
function minDate(a: Date, b: Date): Date {
  return a < b ? a : b;
}

/**
 * The account a pass is issued to, named by id or by email (brands know their clients by email).
 * @throws DomainError not_found when no account matches.
 */
export async function resolvePassRecipient(
  database: DbLike,
  who: { userId?: string; email?: string },
): Promise<string> {
  const db = drizzleOf(database);
  const where =
    who.email !== undefined ? eq(users.email, who.email.toLowerCase()) : eq(users.id, who.userId ?? "");
  const [user] = await db.select({ id: users.id }).from(users).where(where);
  if (!user) {
    throw new DomainError(
      "not_found",
      who.email !== undefined ? "No Vitrine account uses that email." : "No Vitrine account has that id.",
      { resource: "user" },
    );
  }
  return user.id;
}

/** The brand running the programme of a pass (null for a platform-wide programme). */
export async function brandOfPass(database: DbLike, passId: string): Promise<string | null> {
  const [row] = await drizzleOf(database)
    .select({ brandId: passTypes.brandId })
    .from(passes)
    .innerJoin(passTypes, eq(passes.passTypeId, passTypes.id))
    .where(eq(passes.id, passId));
  if (!row) throw DomainError.notFound("pass", passId);
  return row.brandId;
}
