/**
 * Checking a host script before it is stored: its zod schema, then what it refers to (brands,
 * products, drops) against the catalog and the schedule. An invalid script is refused with the path
 * and reason of every error, once each.
 */
import type { z } from "zod";
import type { FieldIssue } from "../errors.ts";
import { BrandHostLines, HostScript } from "./script.ts";

/** What a script may refer to: the catalog's brands and products and the scheduled drops. */
export type ScriptReferences = {
  /** brand id → its product ids. */
  productsByBrand: ReadonlyMap<string, ReadonlySet<string>>;
  dropIds: ReadonlySet<string>;
};

export type ScriptValidation<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/**
 * Validates a platform script: its shape (zod) and its references to boutiques, products and drops.
 * Every problem is reported, each with its path (`tours.0.stops.2.productId`) and reason.
 */
export function validateHostScript(input: unknown, refs: ScriptReferences): ScriptValidation<HostScript> {
  const parsed = HostScript.safeParse(input);
  const issues = parsed.success ? [] : zodIssues(parsed.error);
  issues.push(...platformReferenceIssues(input, refs));
  if (issues.length > 0 || !parsed.success) return { ok: false, issues: dedupe(issues) };
  return { ok: true, value: parsed.data };
}

/** Validates a brand's part: its shape and that every product named belongs to that brand. */
export function validateBrandHostLines(
  input: unknown,
  brandId: string,
  refs: ScriptReferences,
): ScriptValidation<BrandHostLines> {
  const parsed = BrandHostLines.safeParse(input);
  const issues = parsed.success ? [] : zodIssues(parsed.error);
  const own = refs.productsByBrand.get(brandId);
  if (!own) issues.push({ path: "(root)", message: `Unknown brand "${brandId}"` });
  const products = field(input, "products");
  if (Array.isArray(products)) {
    products.forEach((p, i) => {
      const id = field(p, "productId");
      if (typeof id === "string" && own && !own.has(id)) {
        issues.push({ path: `products.${i}.productId`, message: `"${id}" is not a product of ${brandId}` });
      }
    });
  }
  if (issues.length > 0 || !parsed.success) return { ok: false, issues: dedupe(issues) };
  return { ok: true, value: parsed.data };
}

function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join(".") : "(root)",
    message: issue.message,
  }));
}

function dedupe(issues: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** Reference checks run on the raw document, so they are reported even when its shape is wrong. */
function platformReferenceIssues(input: unknown, refs: ScriptReferences): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const brand = (value: unknown, path: string): void => {
    if (typeof value === "string" && !refs.productsByBrand.has(value)) {
      issues.push({ path, message: `Unknown boutique "${value}"` });
    }
  };
  const pois = field(input, "pointsOfInterest");
  if (Array.isArray(pois)) {
    pois.forEach((p, i) => {
      brand(field(p, "brandId"), `pointsOfInterest.${i}.brandId`);
    });
  }
  const tours = field(input, "tours");
  if (Array.isArray(tours)) {
    tours.forEach((tour, t) => {
      const stops = field(tour, "stops");
      if (!Array.isArray(stops)) return;
      stops.forEach((stop, s) => {
        const brandId = field(stop, "brandId");
        brand(brandId, `tours.${t}.stops.${s}.brandId`);
        const productId = field(stop, "productId");
        if (typeof productId !== "string") return;
        const own = typeof brandId === "string" ? refs.productsByBrand.get(brandId) : undefined;
        const exists = [...refs.productsByBrand.values()].some((set) => set.has(productId));
        if (!exists) {
          issues.push({ path: `tours.${t}.stops.${s}.productId`, message: `Unknown product "${productId}"` });
        } else if (own && !own.has(productId)) {
          issues.push({
            path: `tours.${t}.stops.${s}.productId`,
            message: `"${productId}" is not a product of ${String(brandId)}`,
          });
        }
      });
    });
  }
  const events = field(field(input, "schedule"), "events");
  if (Array.isArray(events)) {
    events.forEach((event, e) => {
      brand(field(event, "brandId"), `schedule.events.${e}.brandId`);
      const dropId = field(event, "dropId");
      if (typeof dropId === "string" && !refs.dropIds.has(dropId)) {
        issues.push({ path: `schedule.events.${e}.dropId`, message: `Unknown drop "${dropId}"` });
      }
    });
  }
  return issues;
}
