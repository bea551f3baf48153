/** Reading and validating the demo content file (`assets/seed/demo.json`) before anything is written. */
import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { describeIssues, ErrorCode, type FieldIssue } from "../../shared/errors.ts";
import { SeedFile } from "../../shared/seed.ts";

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
  const productIds = new Set<string>();
  seed.brands.forEach((brand, b) => {
    if (brandIds.has(brand.id)) issue(ctx, ["brands", b, "id"], `Brand id "${brand.id}" is used twice`);
    brandIds.add(brand.id);
    brand.products.forEach((product, p) => {
      const at = ["brands", b, "products", p];
      if (productIds.has(product.id)) issue(ctx, [...at, "id"], `Product id "${product.id}" is used twice`);
      productIds.add(product.id);
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
});

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
