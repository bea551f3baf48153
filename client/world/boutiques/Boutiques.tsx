import i18next from "i18next";
import type { AvenueLayout } from "../../../shared/avenue/layout.ts";
import type { Catalog } from "../../../shared/catalog.ts";
import { Boutique } from "./Boutique.tsx";
import { Pedestals } from "./Pedestals.tsx";
import { signOf } from "./signAtlas.ts";
import { useSignAtlases } from "./useSignAtlases.ts";

/** Point lights cost every lit pixel something: only this many boutiques get one. */
const MAX_BOUTIQUE_LIGHTS = 6;

/**
 * Every boutique of the layout, matched to its brand in the catalog, plus all display plinths.
 * All their name signs are painted into one atlas (signAtlas.ts): one material, one draw.
 */
export function Boutiques({ layout, catalog }: { layout: AvenueLayout; catalog: Catalog }) {
  const brands = new Map(catalog.brands.map((b) => [b.id, b]));
  const placed = layout.boutiques.flatMap((slot) => {
    const brand = brands.get(slot.brandId);
    return brand ? [{ slot, brand }] : [];
  });
  const language = i18next.resolvedLanguage ?? "en";
  const signs = placed.map(({ brand }) => signOf(brand, language));
  const atlases = useSignAtlases(signs);
  return (
    <group>
      {placed.map(({ slot, brand }, i) => (
        <Boutique
          key={slot.brandId}
          slot={slot}
          brand={brand}
          lit={slot.index < MAX_BOUTIQUE_LIGHTS}
          sign={atlases.slots[i] as NonNullable<(typeof atlases.slots)[number]>}
        />
      ))}
      <Pedestals layout={layout} />
    </group>
  );
}
