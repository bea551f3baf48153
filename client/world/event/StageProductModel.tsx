import type { Product } from "../../../shared/catalog.ts";
import { GltfProduct } from "../products/GltfProduct.tsx";
import { ProceduralProduct } from "../products/ProceduralProduct.tsx";

/** Pieces are shown larger on stage than in a window, so the back rows see them: at least this tall. */
const MIN_STAGE_HEIGHT = 0.7;

/** A product's model standing on y = 0, at its stage size (at least MIN_STAGE_HEIGHT metres). */
export function StageProductModel({ product, scale = 1 }: { product: Product; scale?: number }) {
  const model = product.model;
  const h = Math.max(model.displayHeight * 2.5, MIN_STAGE_HEIGHT) * scale;
  return (
    <group scale={h} userData={{ productId: product.id }}>
      {model.kind === "gltf" ? (
        <GltfProduct url={model.url} lodUrl={model.lodUrl} />
      ) : (
        <ProceduralProduct shape={model.shape} colors={model.colors} />
      )}
    </group>
  );
}
