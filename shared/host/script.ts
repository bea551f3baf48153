/**
 * Host scripts (issue 6): JSON documents authored by the platform (points of interest, tours,
 * general lines, FAQ, schedule) and by each brand for its own boutique (`BrandHostLines`).
 * Validated by these zod schemas and by `validateHostScript` (scriptValidation.ts) against the
 * catalog and the drops, so that an invalid script is refused with the path and reason of every error.
 *
 * Lines are `LocalizedText` (English required, other locales fall back to it). They may hold
 * placeholders the host fills in before it speaks (`{name}`, `{brand}`, `{product}`, `{price}`,
 * `{drop}`, `{when}`, `{countdown}`, `{title}`) and line tokens the client formats
 * (shared/host/lineTokens.ts).
 */
import { z } from "zod";
import { LocalizedText } from "../catalog.ts";
import { LOCALES, type Locale } from "../constants.ts";
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
