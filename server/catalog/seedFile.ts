/** Reading and validating the demo content file (`assets/seed/demo.json`) before anything is written. */
import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { describeIssues, ErrorCode, type FieldIssue } from "../../shared/errors.ts";
import { SeedFile, seedDropBody, seedPassTypeBody } from "../../shared/seed.ts";

/**
 * A seed file that cannot be used. `details` lists every problem as `{ path, message }`, and the
 * message repeats them one per line, so a person fixing the file sees them all at once.
 */
export class SeedFileError extends Error {
  readonly code = ErrorCode.validation;
  readonly details: FieldIssue[];

  constructor(filePath: string, issues: FieldIssue[]) {
    const lines = issues.map((i) => `  ${i.path}: ${i.message}`);
    super(`The seed file ${filePath} is not valid:\n${lines.join("\n")}`);
    this.name = "SeedFileError";
    this.details = issues;
  }
}

/**
 * The shared SeedFile schema plus the rules that span records, which the database would otherwise
 * reject half-way through seeding: unique ids and emails, and references that point somewhere.
 */
const SeedFileWithReferences = SeedFile.superRefine((seed, ctx) => {
  const brandIds = new Set<string>();
  const productIds = new Map<string, string>();
  seed.brands.forEach((brand, b) => {
    if (brandIds.has(brand.id)) issue(ctx, ["brands", b, "id"], `Brand id "${brand.id}" is used twice`);
    brandIds.add(brand.id);
    brand.products.forEach((product, p) => {
      const at = ["brands", b, "products", p];
      if (productIds.has(product.id)) issue(ctx, [...at, "id"], `Product id "${product.id}" is used twice`);
      productIds.set(product.id, brand.id);
      if (product.brandId !== brand.id) {
        issue(ctx, [...at, "brandId"], `Must be "${brand.id}", the brand this product is listed under`);
      }
    });
  });

  const emails = new Set<string>();
  seed.accounts.forEach((account, a) => {
    const email = account.email.toLowerCase();
    if (emails.has(email)) issue(ctx, ["accounts", a, "email"], `Email "${email}" is used twice`);
    emails.add(email);
    const staffed = new Set<string>();
    account.brandRoles.forEach((brandRole, r) => {
      const at = ["accounts", a, "brandRoles", r, "brandId"];
      if (!brandIds.has(brandRole.brandId)) issue(ctx, at, `No brand "${brandRole.brandId}" in this file`);
      if (staffed.has(brandRole.brandId)) issue(ctx, at, `Only one role per brand ("${brandRole.brandId}")`);
      staffed.add(brandRole.brandId);
    });
  });

  checkPassesAndDrops(seed, ctx, { brandIds, productIds, emails });
});

/** The demo's pass types and drops: API-valid once dated, and pointing at seeded things. */
function checkPassesAndDrops(
  seed: z.infer<typeof SeedFile>,
  ctx: z.RefinementCtx,
  known: { brandIds: Set<string>; productIds: Map<string, string>; emails: Set<string> },
): void {
  // Any instant works: the times are relative, so validity does not depend on the day of seeding.
  const now = new Date();
  const passTypeIds = new Set<string>();
  seed.passTypes.forEach((passType, p) => {
    const at = ["passTypes", p];
    if (passTypeIds.has(passType.id))
      issue(ctx, [...at, "id"], `Pass type id "${passType.id}" is used twice`);
    passTypeIds.add(passType.id);
    const body = seedPassTypeBody(passType, now);
    if (!body.success) for (const i of describeIssues(body.error)) issue(ctx, at, `${i.path}: ${i.message}`);
    passType.holders.forEach((holder, h) => {
      for (const field of ["email", "issuedBy"] as const) {
        if (!known.emails.has(holder[field].toLowerCase())) {
          issue(ctx, [...at, "holders", h, field], `No account "${holder[field]}" in this file`);
        }
      }
    });
  });
  const dropIds = new Set<string>();
  seed.drops.forEach((drop, d) => {
    const at = ["drops", d];
    if (dropIds.has(drop.id)) issue(ctx, [...at, "id"], `Drop id "${drop.id}" is used twice`);
    dropIds.add(drop.id);
    if (!known.brandIds.has(drop.brandId))
      issue(ctx, [...at, "brandId"], `No brand "${drop.brandId}" in this file`);
    if (known.productIds.get(drop.productId) !== drop.brandId) {
      issue(
        ctx,
        [...at, "productId"],
        `No product "${drop.productId}" of brand "${drop.brandId}" in this file`,
      );
    }
    drop.earlyAccessPassTypeIds.forEach((id, i) => {
      if (!passTypeIds.has(id))
        issue(ctx, [...at, "earlyAccessPassTypeIds", i], `No pass type "${id}" in this file`);
    });
    const body = seedDropBody(drop, now);
    if (!body.success) for (const i of describeIssues(body.error)) issue(ctx, at, `${i.path}: ${i.message}`);
  });
}

function issue(ctx: z.RefinementCtx, path: (string | number)[], message: string): void {
  ctx.addIssue({ code: "custom", path, message });
}

/**
 * Reads and validates a seed file.
 * @throws SeedFileError listing every path and reason when the file is unreadable, not JSON, or
 * does not match the SeedFile schema and its cross-references.
 */
export async function loadSeedFile(filePath: string): Promise<SeedFile> {
  let text: string;
  try {
    text = await readFile(filePath, "utf8");
  } catch (error) {
    throw new SeedFileError(filePath, [
      { path: "(file)", message: `Cannot read it: ${errorMessage(error)}` },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SeedFileError(filePath, [
      { path: "(root)", message: `Not valid JSON: ${errorMessage(error)}` },
    ]);
  }
  const parsed = SeedFileWithReferences.safeParse(json);
  if (!parsed.success) throw new SeedFileError(filePath, describeIssues(parsed.error));
  return parsed.data;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
