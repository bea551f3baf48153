import type { AvenueLayout } from "../../../shared/avenue/layout.ts";
import type { Catalog } from "../../../shared/catalog.ts";
import { Boutique } from "./Boutique.tsx";
import { Pedestals } from "./Pedestals.tsx";

/** Point lights cost every lit pixel something: only this many boutiques get one. */
const MAX_BOUTIQUE_LIGHTS = 6;

/** Every boutique of the layout, matched to its brand in the catalog, plus all display plinths. */
export function Boutiques({ layout, catalog }: { layout: AvenueLayout; catalog: Catalog }) {
  const brands = new Map(catalog.brands.map((b) => [b.id, b]));
  return (
    <group>
      {layout.boutiques.map((slot) => {
        const brand = brands.get(slot.brandId);
        if (!brand) return null;
        return (
          <Boutique key={slot.brandId} slot={slot} brand={brand} lit={slot.index < MAX_BOUTIQUE_LIGHTS} />
        );
      })}
      <Pedestals layout={layout} />
    </group>
  );
}
