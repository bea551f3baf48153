import { Suspense, useMemo } from "react";
import type { AvenueLayout } from "../../../shared/avenue/layout.ts";
import type { Catalog } from "../../../shared/catalog.ts";
import { displayedProducts } from "./displayedProducts.ts";
import { ProductDisplay } from "./ProductDisplay.tsx";

/** Every product on display in the boutique windows (waits for the environment map to exist). */
export function Products({ layout, catalog }: { layout: AvenueLayout; catalog: Catalog }) {
  const displays = useMemo(() => displayedProducts(layout, catalog), [layout, catalog]);
  return (
    <Suspense fallback={null}>
      {displays.map(({ product, slot }, i) => (
        <ProductDisplay
          key={`${product.id}@${slot.x.toFixed(2)},${slot.z.toFixed(2)}`}
          product={product}
          slot={slot}
          phase={i * 1.7}
        />
      ))}
    </Suspense>
  );
}
