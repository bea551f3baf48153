/**
 * The host's world: its script resolved against the catalog and the avenue layout into positions
 * the simulation can walk to. Pure and deterministic (same script, catalog and layout → same world).
 */
import type { AvenueLayout, BoutiqueLayout, Vec2 } from "../avenue/layout.ts";
import type { Catalog, LocalizedText, Product } from "../catalog.ts";
import type { LocalizedLine } from "./chatMessages.ts";
import { priceToken } from "./lineTokens.ts";
import { type BrandHostLines, fillLine, type HostLines, type HostScript } from "./script.ts";

/** Distance from a boutique's door into the street where the host stands (metres). */
const DOOR_STANDOFF = 2.6;
/** Distance from a display slot towards the street where the host stands to present it. */
const SLOT_STANDOFF = 2.2;

export type Spot = Vec2 & { lookAt: Vec2 };

export type ResolvedPoi = { id: string; x: number; z: number; dwellMs: number; brandId: string | null };

export type ResolvedStop = Spot & {
  brandId: string;
  productId: string | null;
  line: LocalizedLine;
  presentMs: number;
};

export type ResolvedTour = {
  id: string;
  title: LocalizedText;
  intro: LocalizedLine;
  outro: LocalizedLine;
  stops: ResolvedStop[];
};

export type ProductInfo = {
  product: Product;
  brandId: string;
  brandName: string;
  /** Where the host stands to present it (in front of its display slot, or the boutique door). */
  spot: Spot;
  /** The brand's presentation line, or the platform's generic one, filled in. */
  line: LocalizedLine;
};

export type HostWorld = {
  name: string;
  layout: AvenueLayout;
  pois: ResolvedPoi[];
  tours: ResolvedTour[];
  lines: HostLines;
  products: ReadonlyMap<string, ProductInfo>;
  /** Boutique spots by brand id. */
  boutiques: ReadonlyMap<string, Spot & { brandName: string }>;
  /** Greeting lines of each brand that wrote some. */
  brandGreetings: ReadonlyMap<string, LocalizedText[]>;
};

/** Product name and price placeholders for a product, in every locale. */
export function productVars(product: Product, brandName: string): Record<string, LocalizedText | string> {
  return { product: product.name, brand: brandName, price: priceToken(product.price) };
}

/**
 * Resolves a validated script (and the brands' parts) against the catalog and layout. References
 * that no longer resolve (a product removed since the script was saved) are skipped, never invented.
 */
export function resolveHostWorld(
  script: HostScript,
  brandLines: ReadonlyMap<string, BrandHostLines>,
  catalog: Catalog,
  layout: AvenueLayout,
): HostWorld {
  const boutiqueByBrand = new Map(layout.boutiques.map((b) => [b.brandId, b]));
  const brandNames = new Map(catalog.brands.map((b) => [b.id, b.name]));
  const boutiques = new Map<string, Spot & { brandName: string }>();
  for (const b of layout.boutiques)
    boutiques.set(b.brandId, { ...doorSpot(b), brandName: brandNames.get(b.brandId) ?? b.brandId });

  const products = new Map<string, ProductInfo>();
  for (const brand of catalog.brands) {
    const boutique = boutiqueByBrand.get(brand.id);
    if (!boutique) continue;
    const own = brandLines.get(brand.id);
    const arranged = brand.products.some((p) => p.slot !== undefined);
    brand.products.forEach((product, index) => {
      // Same rule as the client's displayedProducts: arranged windows show products with a slot,
      // others show the first products in catalog order.
      const slotIndex = arranged ? product.slot : index < boutique.slots.length ? index : undefined;
      const slot = slotIndex === undefined ? undefined : boutique.slots[slotIndex];
      const spot = slot ? slotSpot(boutique, slot) : doorSpot(boutique);
      const authored = own?.products.find((p) => p.productId === product.id)?.line;
      const vars = productVars(product, brand.name);
      products.set(product.id, {
        product,
        brandId: brand.id,
        brandName: brand.name,
        spot,
        line: fillLine(authored ?? script.lines.present, vars),
      });
    });
  }

  const pois: ResolvedPoi[] = [];
  for (const poi of script.pointsOfInterest) {
    const dwellMs = poi.dwellSeconds * 1000;
    if (poi.brandId !== undefined) {
      const spot = boutiques.get(poi.brandId);
      if (spot) pois.push({ id: poi.id, x: spot.x, z: spot.z, dwellMs, brandId: poi.brandId });
    } else if (poi.x !== undefined && poi.z !== undefined) {
      const x = Math.min(layout.bounds.maxX - 1, Math.max(layout.bounds.minX + 1, poi.x));
      const z = Math.min(layout.bounds.maxZ - 1, Math.max(layout.bounds.minZ + 1, poi.z));
      pois.push({ id: poi.id, x, z, dwellMs, brandId: null });
    }
  }
  if (pois.length === 0)
    pois.push({ id: "spawn", x: layout.spawn.x, z: layout.spawn.z - 3, dwellMs: 6000, brandId: null });

  const tours: ResolvedTour[] = [];
  for (const tour of script.tours) {
    const stops: ResolvedStop[] = [];
    for (const stop of tour.stops) {
      const boutique = boutiques.get(stop.brandId);
      if (!boutique) continue;
      const info = stop.productId ? products.get(stop.productId) : undefined;
      const vars = info ? productVars(info.product, info.brandName) : { brand: boutique.brandName };
      const spot = info ?? { spot: boutique };
      stops.push({
        ...spot.spot,
        brandId: stop.brandId,
        productId: info ? info.product.id : null,
        line: fillLine(stop.line, vars),
        presentMs: stop.presentSeconds * 1000,
      });
    }
    if (stops.length === 0) continue;
    tours.push({
      id: tour.id,
      title: tour.title,
      intro: fillLine(tour.intro, { title: tour.title }),
      outro: fillLine(tour.outro, { title: tour.title }),
      stops,
    });
  }

  const brandGreetings = new Map<string, LocalizedText[]>();
  for (const [brandId, part] of brandLines)
    if (part.greetings.length > 0) brandGreetings.set(brandId, part.greetings);

  return {
    name: script.host.name,
    layout,
    pois,
    tours,
    lines: script.lines,
    products,
    boutiques,
    brandGreetings,
  };
}

function doorSpot(b: BoutiqueLayout): Spot {
  const inward = b.side === "left" ? 1 : -1;
  return { x: b.door.x + inward * DOOR_STANDOFF, z: b.door.z, lookAt: { x: b.door.x, z: b.door.z } };
}

function slotSpot(b: BoutiqueLayout, slot: { x: number; z: number }): Spot {
  const inward = b.side === "left" ? 1 : -1;
  const facadeX = b.facade.x;
  return { x: facadeX + inward * SLOT_STANDOFF, z: slot.z, lookAt: { x: slot.x, z: slot.z } };
}
