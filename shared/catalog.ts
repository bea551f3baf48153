import { z } from "zod";
import { SLOTS_PER_BOUTIQUE } from "./avenue/layout.ts";
import { LOCALES } from "./constants.ts";
import { multiLine, singleLine } from "./text.ts";

/** Text in several languages; English is required and is the fallback. */
export const LocalizedText = z
  .object({ en: multiLine(z.string().min(1).max(2000)) })
  .catchall(multiLine(z.string().max(2000)))
  .refine((t) => Object.keys(t).every((k) => (LOCALES as readonly string[]).includes(k)), {
    message: `Languages must be among ${LOCALES.join(", ")}`,
  });
export type LocalizedText = z.infer<typeof LocalizedText>;

/**
 * Text per language with the catalog's shape (`LocalizedText`: English required, other languages
 * among LOCALES), with its own length limit.
 */
export function localizedTextOf(
  maxLength: number,
  minLength = 1,
  lines: "singleLine" | "multiLine" = "singleLine",
) {
  const text = (min: number) =>
    (lines === "singleLine" ? singleLine : multiLine)(z.string().trim().min(min).max(maxLength));
  return z
    .object({ en: text(minLength) })
    .catchall(text(1))
    .refine((t) => Object.keys(t).every((k) => (LOCALES as readonly string[]).includes(k)), {
      message: `Languages must be among ${LOCALES.join(", ")}`,
    });
}

/** An ISO 4217 currency code such as EUR or CNY. */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, "Currency must be a 3-letter ISO 4217 code");

/** An amount in minor units (cents) to avoid floating point money. */
export const Money = z.object({
  amountMinor: z.number().int().nonnegative().max(1_000_000_000_00),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;

const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "Colour must look like #a1b2c3");

/** Shapes the client can build from lathe and extrude geometry when a product has no uploaded model. */
export const ProceduralShape = z.enum(["ring", "perfume", "handbag", "watch", "lipstick", "vase"]);
export type ProceduralShape = z.infer<typeof ProceduralShape>;

/** How a product looks in 3D: an uploaded glTF file, or a shape built on the client. */
export const ProductModel = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("gltf"),
    /** Same-origin URL of a .glb file. */
    url: z.string().regex(/^(\/[A-Za-z0-9_-]+)+\.glb$/, "Model URL must be a same-origin path to a .glb"),
    /** Size of the file in bytes, for the loading screen's progress. */
    bytes: z.number().int().positive(),
    /** Height the model is scaled to on a display, in metres. */
    displayHeight: z.number().positive().max(3),
    credit: singleLine(z.string().max(300)).optional(),
    /** Lighter level of detail for distant viewing (same-origin .glb), when the model was uploaded. */
    lodUrl: z
      .string()
      .regex(/^(\/[A-Za-z0-9_-]+)+\.glb$/, "LOD URL must be a same-origin path to a .glb")
      .optional(),
    /** sha256 of the file at `url`, for caches. */
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
    /** KHR_materials_variants of the file, by name, with the brand's label in several languages. */
    variants: z
      .array(z.object({ name: singleLine(z.string().min(1).max(200)), label: LocalizedText }))
      .max(32)
      .optional(),
  }),
  z.object({
    kind: z.literal("procedural"),
    shape: ProceduralShape,
    colors: z.object({ primary: HexColor, secondary: HexColor, accent: HexColor }),
    displayHeight: z.number().positive().max(3),
  }),
]);
export type ProductModel = z.infer<typeof ProductModel>;

const Slug = z
  .string()
  .min(2)
  .max(48)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lowercase letters, digits and single dashes");

export const Product = z.object({
  id: Slug,
  brandId: Slug,
  name: LocalizedText,
  description: LocalizedText,
  price: Money,
  model: ProductModel,
  /**
   * Display slot in the boutique (0..SLOTS_PER_BOUTIQUE-1) chosen by the brand. When no product of a
   * brand has one (the seed), products stand on the slots in catalog order; otherwise only products
   * with a slot are on display.
   */
  slot: z
    .number()
    .int()
    .min(0)
    .max(SLOTS_PER_BOUTIQUE - 1)
    .optional(),
});
export type Product = z.infer<typeof Product>;

/** Visual identity of a boutique facade. */
export const FacadeStyle = z.enum(["classic", "modern", "glass", "arcade"]);
export type FacadeStyle = z.infer<typeof FacadeStyle>;

export const Brand = z.object({
  id: Slug,
  name: z.string().min(1).max(60),
  tagline: LocalizedText,
  facade: z.object({
    style: FacadeStyle,
    /** Wall colour, trim colour (cornice, pilasters), and the warm light of the windows. */
    wall: HexColor,
    trim: HexColor,
    light: HexColor,
  }),
});
export type Brand = z.infer<typeof Brand>;

export const BrandWithProducts = Brand.extend({ products: z.array(Product) });
export type BrandWithProducts = z.infer<typeof BrandWithProducts>;

/** What `GET /api/catalog` answers: the brands in avenue order, each with its products. */
export const Catalog = z.object({ brands: z.array(BrandWithProducts) });
export type Catalog = z.infer<typeof Catalog>;
