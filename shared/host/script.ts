/**
 * Host scripts (issue 6): JSON documents authored by the platform (points of interest, tours,
 * general lines, FAQ, schedule) and by each brand for its own boutique (`BrandHostLines`).
 * Validated by these zod schemas and by `checkScriptReferences` against the catalog and the drops,
 * so that an invalid script is refused with the path and reason of every error.
 *
 * Lines are `LocalizedText` (English required, other locales fall back to it). They may hold
 * placeholders the host fills in before it speaks (`{name}`, `{brand}`, `{product}`, `{price}`,
 * `{drop}`, `{when}`, `{countdown}`, `{title}`) and line tokens the client formats
 * (shared/host/lineTokens.ts).
 */
import { z } from "zod";
import { LocalizedText } from "../catalog.ts";
import { LOCALES, type Locale } from "../constants.ts";
import type { FieldIssue } from "../errors.ts";
import { singleLine } from "../text.ts";
import type { LocalizedLine } from "./chatMessages.ts";

const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lowercase letters, digits and single dashes");
const Coord = z.number().finite().min(-1000).max(1000);
const Instant = z.iso.datetime({
  offset: true,
  message: "Use an ISO 8601 instant, e.g. 2026-12-01T18:00:00Z",
});

/** Paraphrases of one question per locale (at least one locale, at least one question). */
export const FaqQuestions = z
  .object({
    en: z
      .array(singleLine(z.string().trim().min(2).max(200)))
      .max(30)
      .optional(),
    fr: z
      .array(singleLine(z.string().trim().min(2).max(200)))
      .max(30)
      .optional(),
    de: z
      .array(singleLine(z.string().trim().min(2).max(200)))
      .max(30)
      .optional(),
    "zh-CN": z
      .array(singleLine(z.string().trim().min(1).max(200)))
      .max(30)
      .optional(),
  })
  .strict()
  .refine((q) => Object.values(q).some((list) => list && list.length > 0), {
    message: "Give at least one question in at least one language",
  });
export type FaqQuestions = z.infer<typeof FaqQuestions>;

export const FaqEntry = z
  .object({
    id: Id,
    questions: FaqQuestions,
    answer: LocalizedText,
  })
  .strict();
export type FaqEntry = z.infer<typeof FaqEntry>;

/**
 * A place the host walks to: a brand's boutique (in front of its door, wherever the layout puts it)
 * or a point of the street.
 */
export const PointOfInterest = z
  .object({
    id: Id,
    label: LocalizedText.optional(),
    brandId: Id.optional(),
    x: Coord.optional(),
    z: Coord.optional(),
    /** Seconds the host lingers there on patrol. */
    dwellSeconds: z.number().min(0).max(600).default(6),
  })
  .strict()
  .refine((p) => (p.brandId !== undefined) !== (p.x !== undefined && p.z !== undefined), {
    message: "A point of interest has either a brandId or both x and z",
  });
export type PointOfInterest = z.infer<typeof PointOfInterest>;

export const TourStop = z
  .object({
    brandId: Id,
    /** A product of that brand to present at this stop; its card opens for people nearby. */
    productId: Id.optional(),
    line: LocalizedText,
    /** Seconds the host presents this stop. */
    presentSeconds: z.number().min(1).max(300).default(10),
  })
  .strict();
export type TourStop = z.infer<typeof TourStop>;

export const Tour = z
  .object({
    id: Id,
    title: LocalizedText,
    intro: LocalizedText,
    outro: LocalizedText,
    stops: z.array(TourStop).min(1).max(20),
  })
  .strict();
export type Tour = z.infer<typeof Tour>;

/** An opening event or another dated happening the host can tell people about. */
export const ScheduledEvent = z
  .object({
    id: Id,
    title: LocalizedText,
    description: LocalizedText.optional(),
    brandId: Id.optional(),
    dropId: z.string().min(1).max(100).optional(),
    startsAt: Instant,
    endsAt: Instant.optional(),
  })
  .strict()
  .refine((e) => e.endsAt === undefined || Date.parse(e.endsAt) > Date.parse(e.startsAt), {
    message: "endsAt must be after startsAt",
    path: ["endsAt"],
  });
export type ScheduledEvent = z.infer<typeof ScheduledEvent>;

const Lines = z.array(LocalizedText).min(1).max(20);

/** The host's general lines. Placeholders are listed with each. */
export const HostLines = z
  .object({
    /** `{name}`: the visitor's display name. */
    greetings: Lines,
    /** Said now and then on patrol. */
    patrol: Lines,
    /** `{title}`: the tour's title. Said when a tour starts. */
    tourStart: LocalizedText,
    /** Said while waiting for followers who fell behind. */
    tourWaiting: LocalizedText,
    /** Said when the host gives up waiting. */
    tourGiveUp: LocalizedText,
    /** `{product}`, `{brand}`, `{price}`: presenting a product outside a tour. */
    present: LocalizedText,
    /** `{drop}`, `{brand}`, `{when}`, `{countdown}`: announcing an upcoming drop. */
    announceDrop: LocalizedText,
    /** `{brand}`: the host does not know; offers the brand's advisor ("shall I take you to …?"). */
    unknown: LocalizedText,
    /** The host does not know and no brand is in question. */
    unknownGeneral: LocalizedText,
  })
  .strict();
export type HostLines = z.infer<typeof HostLines>;

export const HostSchedule = z
  .object({
    /** Minutes before a drop opens when the host starts announcing it. */
    announceLeadMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(60),
    /** Minimum minutes between two announcements. */
    announceEveryMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(10),
    /** The avenue's opening hours, said when asked. */
    openingHours: LocalizedText,
    events: z.array(ScheduledEvent).max(100).default([]),
  })
  .strict();
export type HostSchedule = z.infer<typeof HostSchedule>;

/** The platform's host script (scope "platform" in host_scripts). */
export const HostScript = z
  .object({
    version: z.literal(1),
    host: z
      .object({
        name: singleLine(z.string().trim().min(1).max(40)),
        biography: LocalizedText,
        /** Same-origin URL of the host's .glb. */
        model: z.string().regex(/^(\/[A-Za-z0-9_.-]+)+\.glb$/, "Model must be a same-origin path to a .glb"),
      })
      .strict(),
    pointsOfInterest: z.array(PointOfInterest).min(1).max(50),
    tours: z.array(Tour).max(20),
    lines: HostLines,
    faq: z.array(FaqEntry).max(200),
    schedule: HostSchedule,
  })
  .strict()
  .superRefine((s, ctx) => {
    duplicates(
      s.pointsOfInterest.map((p) => p.id),
      ["pointsOfInterest"],
      ctx,
    );
    duplicates(
      s.tours.map((t) => t.id),
      ["tours"],
      ctx,
    );
    duplicates(
      s.faq.map((f) => f.id),
      ["faq"],
      ctx,
    );
    duplicates(
      s.schedule.events.map((e) => e.id),
      ["schedule", "events"],
      ctx,
    );
  });
export type HostScript = z.infer<typeof HostScript>;
export type HostScriptInput = z.input<typeof HostScript>;

/** A brand's part of the script: its boutique's lines and FAQ (scope = brand id). */
export const BrandHostLines = z
  .object({
    version: z.literal(1),
    /** Said when the host greets someone at this brand's boutique. `{name}`. */
    greetings: z.array(LocalizedText).max(20).default([]),
    /** Presentation lines per product of this brand. `{product}`, `{price}`. */
    products: z
      .array(z.object({ productId: Id, line: LocalizedText }).strict())
      .max(100)
      .default([]),
    faq: z.array(FaqEntry).max(100).default([]),
  })
  .strict()
  .superRefine((b, ctx) => {
    duplicates(
      b.products.map((p) => p.productId),
      ["products"],
      ctx,
    );
    duplicates(
      b.faq.map((f) => f.id),
      ["faq"],
      ctx,
    );
  });
export type BrandHostLines = z.infer<typeof BrandHostLines>;

/** An empty brand part (a brand that wrote nothing yet). */
export const EMPTY_BRAND_LINES: BrandHostLines = { version: 1, greetings: [], products: [], faq: [] };

function duplicates(ids: string[], path: (string | number)[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) {
      ctx.addIssue({ code: "custom", path: [...path, index, "id"], message: `Duplicate id "${id}"` });
    }
    seen.add(id);
  });
}

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

/** Every locale of a LocalizedText, missing ones falling back to English. */
export function allLocales(text: LocalizedText): LocalizedLine {
  const out = {} as Record<Locale, string>;
  for (const locale of LOCALES) out[locale] = text[locale] ?? text.en;
  return out as LocalizedLine;
}

/** Per-locale values for placeholders (a string is the same in every locale). */
export type LineVars = Record<string, string | (Partial<Record<Locale, string>> & { en: string })>;

/**
 * Fills `{name}`-style placeholders in every locale. Unknown placeholders stay as written, and
 * `{{…}}` line tokens are left alone for the client.
 */
export function fillLine(text: LocalizedText, vars: LineVars = {}): LocalizedLine {
  const out = {} as Record<Locale, string>;
  for (const locale of LOCALES) {
    const template = text[locale] ?? text.en;
    out[locale] = template.replace(/(?<!\{)\{([a-zA-Z]+)\}(?!\})/g, (whole, key: string) => {
      const value = vars[key];
      if (value === undefined) return whole;
      return typeof value === "string" ? value : (value[locale] ?? value.en);
    });
  }
  return out as LocalizedLine;
}
