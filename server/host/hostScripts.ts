/**
 * The host scripts in the database (host_scripts): the platform's (scope "platform") and each
 * brand's part (scope = brand id). Every document is validated by the shared schemas before it is
 * stored; the default platform script ships in assets/host/ and is seeded when absent.
 */
import fs from "node:fs/promises";
import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import type { Catalog } from "../../shared/catalog.ts";
import { ErrorCode, type FieldIssue } from "../../shared/errors.ts";
import type { DropFact } from "../../shared/host/dropFacts.ts";
import {
  BrandHostLines,
  EMPTY_BRAND_LINES,
  HostScript,
  type ScriptReferences,
  validateBrandHostLines,
  validateHostScript,
} from "../../shared/host/script.ts";
import { getCatalog } from "../catalog/catalogRepository.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { drops, hostScripts } from "../db/schema.ts";
import { logFor } from "../observability/log.ts";

export const PLATFORM_SCOPE = "platform";

/** An invalid host script: every problem with its path and reason. */
export class HostScriptError extends Error {
  readonly code = ErrorCode.invalidHostScript;
  readonly issues: FieldIssue[];
  readonly details: { issues: FieldIssue[] };

  constructor(issues: FieldIssue[]) {
    super(
      `The host script has ${issues.length} problem${issues.length === 1 ? "" : "s"}: ${summarize(issues)}`,
    );
    this.name = "HostScriptError";
    this.issues = issues;
    this.details = { issues };
  }
}

function summarize(issues: FieldIssue[]): string {
  const shown = issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`);
  return shown.join("; ") + (issues.length > 5 ? `; and ${issues.length - 5} more` : "");
}

/** Reads and validates the shipped default script. @throws HostScriptError when it is invalid. */
export async function loadDefaultHostScript(file: string): Promise<HostScript> {
  const raw: unknown = JSON.parse(await fs.readFile(file, "utf8"));
  const parsed = HostScript.safeParse(raw);
  if (!parsed.success) {
    throw new HostScriptError(
      parsed.error.issues.map((i) => ({
        path: i.path.map(String).join(".") || "(root)",
        message: i.message,
      })),
    );
  }
  return parsed.data;
}

/** What scripts may refer to, read from the database now. */
export async function loadScriptReferences(database: DbLike, catalog?: Catalog): Promise<ScriptReferences> {
  const current = catalog ?? (await getCatalog(database));
  const dropRows = await drizzleOf(database).select({ id: drops.id }).from(drops);
  return {
    productsByBrand: new Map(current.brands.map((b) => [b.id, new Set(b.products.map((p) => p.id))])),
    dropIds: new Set(dropRows.map((r) => r.id)),
  };
}

/**
 * Stores the default script unless a platform script is already there. The default's references
 * are checked against the database; a default that names a missing boutique is still stored (the
 * world skips what does not resolve) but the problems are logged.
 */
export async function seedPlatformScript(database: DbLike, script: HostScript): Promise<void> {
  const refs = await loadScriptReferences(database);
  const check = validateHostScript(script, refs);
  if (!check.ok)
    logFor("host").warn(`the default host script refers to missing things: ${summarize(check.issues)}`);
  await drizzleOf(database)
    .insert(hostScripts)
    .values({ scope: PLATFORM_SCOPE, brandId: null, document: script, version: 1 })
    .onConflictDoNothing();
}

export type StoredScript<T> = { document: T; version: number; updatedAt: string };

/** The platform script, or the fallback when the stored one no longer parses. */
export async function getPlatformScript(
  database: DbLike,
  fallback: HostScript,
): Promise<StoredScript<HostScript>> {
  const [row] = await drizzleOf(database)
    .select()
    .from(hostScripts)
    .where(eq(hostScripts.scope, PLATFORM_SCOPE));
  const parsed = row ? HostScript.safeParse(row.document) : null;
  if (row && parsed?.success) {
    return { document: parsed.data, version: row.version, updatedAt: row.updatedAt.toISOString() };
  }
  if (row) logFor("host").warn("the stored platform script does not parse any more; using the default");
  return { document: fallback, version: row?.version ?? 0, updatedAt: new Date(0).toISOString() };
}

/** Validates and stores a new platform script. @throws HostScriptError listing every problem. */
export async function putPlatformScript(
  database: DbLike,
  input: unknown,
  userId: string,
): Promise<StoredScript<HostScript>> {
  const check = validateHostScript(input, await loadScriptReferences(database));
  if (!check.ok) throw new HostScriptError(check.issues);
  return upsert(database, PLATFORM_SCOPE, null, check.value, userId);
}

/** A brand's part (empty when the brand wrote nothing yet). */
export async function getBrandHostLines(
  database: DbLike,
  brandId: string,
): Promise<StoredScript<BrandHostLines>> {
  const [row] = await drizzleOf(database)
    .select()
    .from(hostScripts)
    .where(and(eq(hostScripts.scope, brandId), eq(hostScripts.brandId, brandId)));
  const parsed = row ? BrandHostLines.safeParse(row.document) : null;
  if (row && parsed?.success) {
    return { document: parsed.data, version: row.version, updatedAt: row.updatedAt.toISOString() };
  }
  return { document: EMPTY_BRAND_LINES, version: row?.version ?? 0, updatedAt: new Date(0).toISOString() };
}

/** Every brand's part that parses, by brand id. */
export async function listBrandHostLines(database: DbLike): Promise<Map<string, BrandHostLines>> {
  const rows = await drizzleOf(database).select().from(hostScripts);
  const out = new Map<string, BrandHostLines>();
  for (const row of rows) {
    if (row.scope === PLATFORM_SCOPE || row.brandId === null) continue;
    const parsed = BrandHostLines.safeParse(row.document);
    if (parsed.success) out.set(row.brandId, parsed.data);
  }
  return out;
}

/** Validates and stores a brand's part. @throws HostScriptError listing every problem. */
export async function putBrandHostLines(
  database: DbLike,
  brandId: string,
  input: unknown,
  userId: string,
): Promise<StoredScript<BrandHostLines>> {
  const check = validateBrandHostLines(input, brandId, await loadScriptReferences(database));
  if (!check.ok) throw new HostScriptError(check.issues);
  return upsert(database, brandId, brandId, check.value, userId);
}

async function upsert<T>(
  database: DbLike,
  scope: string,
  brandId: string | null,
  document: T,
  userId: string,
): Promise<StoredScript<T>> {
  const now = new Date();
  const [row] = await drizzleOf(database)
    .insert(hostScripts)
    .values({ scope, brandId, document, version: 1, updatedBy: userId, updatedAt: now })
    .onConflictDoUpdate({
      target: hostScripts.scope,
      set: { document, version: sqlIncrement(), updatedBy: userId, updatedAt: now },
    })
    .returning({ version: hostScripts.version, updatedAt: hostScripts.updatedAt });
  return { document, version: row?.version ?? 1, updatedAt: (row?.updatedAt ?? now).toISOString() };
}

function sqlIncrement() {
  return sql`${hostScripts.version} + 1`;
}

/** Announced drops that have not ended, as the host knows them. */
export async function loadDropFacts(database: DbLike, now: Date): Promise<DropFact[]> {
  const rows = await drizzleOf(database)
    .select()
    .from(drops)
    .where(and(lte(drops.announceAt, now), gt(drops.endsAt, now)))
    // Stable order: of two drops opening at once, the host always names the same first.
    .orderBy(asc(drops.publicStartsAt), asc(drops.id));
  return rows.map((d) => ({
    dropId: d.id,
    title: d.title,
    brandId: d.brandId,
    productId: d.productId,
    earlyAccessStartsAt: d.earlyAccessStartsAt.getTime(),
    publicStartsAt: d.publicStartsAt.getTime(),
    endsAt: d.endsAt.getTime(),
  }));
}
