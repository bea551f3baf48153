/**
 * Personalisation of a product (issue 12): what a product may offer (engraved text on a named surface
 * in a font we ship, initials, a choice of strap or stone mapped to the model's material variants),
 * and the shopper's choice, validated by the SAME zod schema on the client (live, in the viewer and
 * the salon) and on the server (before a choice is stored with a selection item, a claim or an order).
 *
 * - `ProductPersonalisation` is what a brand declares for one product (validated again against the
 *   product's model by `personalisationProblems`).
 * - `personalisationChoiceSchema(options)` builds the schema of a choice for those options.
 */
import { z } from "zod";
import { LocalizedText, type ProceduralShape, type ProductModel } from "./catalog.ts";

/** Fonts shipped with the client (files from @fontsource); an engraving names one of them. */
export const ENGRAVING_FONTS = ["cormorant-garamond", "inter"] as const;
export const EngravingFont = z.enum(ENGRAVING_FONTS);
export type EngravingFont = z.infer<typeof EngravingFont>;

/**
 * Surfaces of the shapes the client builds itself (procedural models), which the renderer knows how
 * to engrave. Uploaded (glTF) models name one of their own materials instead.
 */
export const PROCEDURAL_SURFACES: Record<ProceduralShape, readonly string[]> = {
  ring: ["band-inner", "band-outer"],
  watch: ["case-back", "strap"],
  perfume: ["flacon-front", "cap"],
  handbag: ["flap", "tag"],
  lipstick: ["case"],
  vase: ["foot"],
};

/** Named character sets for engraved text (space included where it says so). */
export const CHARACTER_SETS = {
  /** A–Z, a–z and space. */
  latin_letters: "A-Za-z ",
  /** Letters, digits, space. */
  latin_alphanumeric: "A-Za-z0-9 ",
  /** Letters with accents (Latin-1 and Latin Extended-A), digits, space and . , & ' - ♥ ★. */
  latin_extended: "A-Za-z0-9À-ÖØ-öø-ž .,&'\\-♥★",
  digits: "0-9",
} as const;
export const CharacterSetName = z.enum(Object.keys(CHARACTER_SETS) as [keyof typeof CHARACTER_SETS]);
export type CharacterSetName = z.infer<typeof CharacterSetName>;

/**
 * A safe regex subset: one bracketed character class of literal characters and ranges, such as
 * `[A-Z0-9 .]`. No quantifiers, groups or alternation, so matching is linear and cannot be abused;
 * `\-`, `\]` and `\\` are the only escapes.
 */
export const SafeCharacterClass = z
  .string()
  .max(200)
  .regex(/^\[(?:\\[-\]\\]|[^\\\]^[])(?:\\[-\]\\]|[^\\\][])*\]$/u, {
    message: "Give one character class such as [A-Z0-9 .] (only literal characters, ranges, \\- \\] \\\\)",
  })
  .refine((pattern) => compilesAsClass(pattern.slice(1, -1)), {
    message: "The character class does not compile (a range is reversed?)",
  });

function compilesAsClass(body: string): boolean {
  try {
    new RegExp(`^[${body}]*$`, "u");
    return true;
  } catch {
    return false;
  }
}

/** Which characters an engraving may use: a named set, or a safe character class. */
export const AllowedCharacters = z.union([
  z.object({ set: CharacterSetName }).strict(),
  z.object({ pattern: SafeCharacterClass }).strict(),
]);
export type AllowedCharacters = z.infer<typeof AllowedCharacters>;

const OptionId = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, "Use a lowercase id such as engraving or strap (up to 40 characters)");
const SurfaceName = z.string().trim().min(1).max(100);
const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Colour must look like #a1b2c3");

/** How a choice looks on the model: a KHR_materials_variants name (glTF) or colours (procedural). */
export const ChoiceAppearance = z.union([
  z.object({ variant: z.string().min(1).max(200) }).strict(),
  z
    .object({
      colors: z
        .object({ primary: HexColor, secondary: HexColor, accent: HexColor })
        .partial()
        .strict()
        .refine((c) => Object.keys(c).length > 0, { message: "Give at least one colour" }),
    })
    .strict(),
]);
export type ChoiceAppearance = z.infer<typeof ChoiceAppearance>;

const Common = { id: OptionId, label: LocalizedText, required: z.boolean().default(false) };

export const EngravingOption = z
  .object({
    ...Common,
    kind: z.literal("engraving"),
    surface: SurfaceName,
    fonts: z.array(EngravingFont).min(1).max(ENGRAVING_FONTS.length),
    maxLength: z.number().int().min(1).max(60),
    allowed: AllowedCharacters,
  })
  .strict();

export const InitialsOption = z
  .object({
    ...Common,
    kind: z.literal("initials"),
    surface: SurfaceName,
    fonts: z.array(EngravingFont).min(1).max(ENGRAVING_FONTS.length),
    maxLetters: z.number().int().min(1).max(3).default(3),
  })
  .strict();

export const ChoiceOption = z
  .object({
    ...Common,
    kind: z.literal("choice"),
    /** What is chosen, for the label and the order: a strap, a stone, a metal. */
    role: z.enum(["strap", "stone", "metal"]),
    choices: z
      .array(z.object({ value: OptionId, label: LocalizedText, appearance: ChoiceAppearance }).strict())
      .min(2)
      .max(16),
  })
  .strict();

export const PersonalisationOption = z.discriminatedUnion("kind", [
  EngravingOption,
  InitialsOption,
  ChoiceOption,
]);
export type PersonalisationOption = z.infer<typeof PersonalisationOption>;

/** What a product offers (stored per product); option ids and choice values are unique. */
export const ProductPersonalisation = z
  .object({ options: z.array(PersonalisationOption).max(8) })
  .strict()
  .superRefine((p, ctx) => {
    const ids = new Set<string>();
    p.options.forEach((option, i) => {
      if (ids.has(option.id))
        ctx.addIssue({
          code: "custom",
          path: ["options", i, "id"],
          message: `Option id ${option.id} is used twice`,
        });
      ids.add(option.id);
      if (option.kind !== "choice") return;
      const values = option.choices.map((c) => c.value);
      if (new Set(values).size !== values.length)
        ctx.addIssue({
          code: "custom",
          path: ["options", i, "choices"],
          message: "Choice values must be unique",
        });
    });
  });
export type ProductPersonalisation = z.infer<typeof ProductPersonalisation>;

/** The regular expression an engraving's whole text must match (a single class, repeated). */
export function allowedCharactersRegex(allowed: AllowedCharacters): RegExp {
  const body = "set" in allowed ? CHARACTER_SETS[allowed.set] : allowed.pattern.slice(1, -1);
  return new RegExp(`^[${body}]+$`, "u");
}

/** Engraved text is compared in NFC and measured in code points (what the engraver cuts). */
const normalizedText = z.string().transform((s) => s.normalize("NFC"));

function engravingValue(option: z.infer<typeof EngravingOption>) {
  const allowed = allowedCharactersRegex(option.allowed);
  return z
    .object({
      text: normalizedText
        .refine((t) => t.trim() === t && t.length > 0, {
          message: "No leading or trailing spaces, and not empty",
        })
        .refine((t) => [...t].length <= option.maxLength, {
          message: `At most ${option.maxLength} characters`,
        })
        .refine((t) => allowed.test(t), { message: "Uses characters this engraving does not allow" }),
      font: z.enum(option.fonts as [EngravingFont, ...EngravingFont[]]),
    })
    .strict();
}

function initialsValue(option: z.infer<typeof InitialsOption>) {
  const letters = new RegExp(`^\\p{Lu}{1,${option.maxLetters}}$`, "u");
  return z
    .object({
      letters: normalizedText
        .transform((t) => t.toUpperCase())
        .refine((t) => letters.test(t), { message: `1 to ${option.maxLetters} letters, no dots or spaces` }),
      font: z.enum(option.fonts as [EngravingFont, ...EngravingFont[]]),
    })
    .strict();
}

function optionValue(option: PersonalisationOption) {
  if (option.kind === "engraving") return engravingValue(option);
  if (option.kind === "initials") return initialsValue(option);
  const values = option.choices.map((c) => c.value) as [string, ...string[]];
  return z.object({ value: z.enum(values) }).strict();
}

/**
 * The schema of a shopper's choice for a product's options: an object keyed by option id, each
 * value shaped by its option; required options must be present, unknown option ids are refused.
 */
export function personalisationChoiceSchema(options: readonly PersonalisationOption[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const option of options) {
    const value = optionValue(option);
    shape[option.id] = option.required ? value : value.optional();
  }
  return z.object(shape).strict();
}

/** A validated choice as stored and sent (option id → its value). */
export const PersonalisationChoice = z.record(
  z.string(),
  z.union([
    z.object({ text: z.string(), font: EngravingFont }).strict(),
    z.object({ letters: z.string(), font: EngravingFont }).strict(),
    z.object({ value: z.string() }).strict(),
  ]),
);
export type PersonalisationChoice = z.infer<typeof PersonalisationChoice>;

/** Why declared options do not fit the product's model. */
export type PersonalisationProblem = {
  path: string;
  code: "unknown_surface" | "unknown_variant" | "appearance_mismatch";
  message: string;
};

/**
 * Checks declared options against the product's model: surfaces must exist (the shape's surfaces,
 * or the glTF's material names when known), variants must be the model's KHR_materials_variants,
 * colours only apply to procedural shapes.
 */
export function personalisationProblems(
  personalisation: ProductPersonalisation,
  model: ProductModel,
  gltfMaterialNames: readonly string[] | null = null,
): PersonalisationProblem[] {
  const problems: PersonalisationProblem[] = [];
  const surfaces = model.kind === "procedural" ? PROCEDURAL_SURFACES[model.shape] : gltfMaterialNames;
  const variants = new Set(model.kind === "gltf" ? (model.variants ?? []).map((v) => v.name) : []);
  personalisation.options.forEach((option, i) => {
    if (option.kind !== "choice") {
      if (surfaces !== null && !surfaces.includes(option.surface)) {
        problems.push({
          path: `options.${i}.surface`,
          code: "unknown_surface",
          message: `The model has no surface "${option.surface}" (it has ${surfaces.join(", ") || "none"}).`,
        });
      }
      return;
    }
    option.choices.forEach((choice, j) => {
      const path = `options.${i}.choices.${j}.appearance`;
      if ("variant" in choice.appearance) {
        if (model.kind !== "gltf") {
          problems.push({
            path,
            code: "appearance_mismatch",
            message: "A shape built on the client has no material variants: give colours.",
          });
        } else if (!variants.has(choice.appearance.variant)) {
          problems.push({
            path,
            code: "unknown_variant",
            message: `The model has no material variant "${choice.appearance.variant}".`,
          });
        }
      } else if (model.kind !== "procedural") {
        problems.push({
          path,
          code: "appearance_mismatch",
          message: "An uploaded model changes materials through its variants, not colours.",
        });
      }
    });
  });
  return problems;
}
