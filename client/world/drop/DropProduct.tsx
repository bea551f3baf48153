import { useFrame, useThree } from "@react-three/fiber";
import { Suspense, useEffect, useRef } from "react";
import type { Group } from "three";
import type { Product } from "../../../shared/catalog.ts";
import { GltfProduct } from "../products/GltfProduct.tsx";
import { loadCatalogModels } from "../products/modelLoader.ts";
import { ProceduralProduct } from "../products/ProceduralProduct.tsx";
import { ProductPlaceholder } from "../products/ProductPlaceholder.tsx";
import { PEDESTAL_TOP } from "./DropPedestal.tsx";

/** Height the piece is shown at on the pedestal (metres): a hero size, whatever its real size. */
const HERO_HEIGHT = 0.46;
/** Radians per second of the slow turn. */
const TURN_SPEED = 0.3;
/** Where the piece rests when the stage renders on demand: a three-quarter view. */
const REST_ANGLE = 0.5;

/**
 * The drop's piece on the pedestal, turning slowly: the avenue's own product components (procedural
 * shapes, or the brand's glTF through the shared loader with decoders from our origin).
 */
export function DropProduct({ product }: { product: Product | null }) {
  const gl = useThree((s) => s.gl);
  const turntable = useRef<Group>(null);
  const model = product?.model;
  const url = model?.kind === "gltf" ? model.url : null;
  const bytes = model?.kind === "gltf" ? model.bytes : 0;
  useEffect(() => {
    if (url) loadCatalogModels(new Map([[url, bytes]]), gl);
  }, [url, bytes, gl]);
  useFrame(({ clock, frameloop }) => {
    // Rendering on demand (a slow machine) the piece rests at its best angle rather than jump
    // between redraws.
    if (!turntable.current) return;
    turntable.current.rotation.y =
      frameloop === "always" ? REST_ANGLE + clock.elapsedTime * TURN_SPEED : REST_ANGLE;
  });
  return (
    <group position={[0, PEDESTAL_TOP, 0]} ref={turntable}>
      <group scale={HERO_HEIGHT}>
        {!model ? (
          <ProductPlaceholder pending />
        ) : (
          <Suspense fallback={<ProductPlaceholder pending />}>
            {model.kind === "gltf" ? (
              <GltfProduct url={model.url} />
            ) : (
              <ProceduralProduct shape={model.shape} colors={model.colors} />
            )}
          </Suspense>
        )}
      </group>
    </group>
  );
}
