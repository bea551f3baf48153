import { OrbitControls } from "@react-three/drei";
import { Canvas, useThree } from "@react-three/fiber";
import { Suspense, useEffect, useMemo } from "react";
import { ACESFilmicToneMapping } from "three";
import { layoutAvenue } from "../../../shared/avenue/layout.ts";
import type { Brand, Product } from "../../../shared/catalog.ts";
import { Lighting } from "../../world/atmosphere/Lighting.tsx";
import { Boutique } from "../../world/boutiques/Boutique.tsx";
import { Pedestals } from "../../world/boutiques/Pedestals.tsx";
import { loadCatalogModels } from "../../world/products/modelLoader.ts";
import { ProductDisplay } from "../../world/products/ProductDisplay.tsx";

/**
 * The brand's boutique as shoppers will see it from the avenue, with the products on the slots
 * being arranged: the avenue's own facade, plinths and product displays in a small canvas that
 * renders only when something changes.
 */
export function BoutiquePreview({ brand, slots }: { brand: Brand; slots: readonly (Product | null)[] }) {
  // A one-boutique avenue: the same layout function, so slots stand exactly where they will.
  const layout = useMemo(() => layoutAvenue([brand.id]), [brand.id]);
  const boutique = layout.boutiques[0];
  if (!boutique) return null;
  // From the middle of the avenue at eye height, close enough that the four displays fill the width.
  const eye: [number, number, number] = [boutique.facade.x + 7.4, 1.75, boutique.facade.z];
  const target: [number, number, number] = [boutique.facade.x, 1.55, boutique.facade.z];
  return (
    <div className="preview" data-testid="boutique-preview">
      <Canvas
        frameloop="demand"
        dpr={[1, 1.5]}
        gl={{ antialias: true, toneMapping: ACESFilmicToneMapping }}
        camera={{ fov: 34, near: 0.1, far: 80, position: eye }}
      >
        <color attach="background" args={["#161a2e"]} />
        <Suspense fallback={null}>
          <Lighting />
        </Suspense>
        <ambientLight intensity={0.35} />
        <mesh rotation={[-Math.PI / 2, 0, 0]} position={[boutique.facade.x + 6, 0, boutique.facade.z]}>
          <planeGeometry args={[14, 20]} />
          <meshStandardMaterial color="#4a4642" roughness={0.9} />
        </mesh>
        <Boutique slot={boutique} brand={brand} lit />
        <Pedestals layout={layout} />
        {boutique.slots.map((slot, i) => {
          const product = slots[i];
          return product ? (
            <Suspense key={`${product.id}@${slot.x.toFixed(2)},${slot.z.toFixed(2)}`} fallback={null}>
              <ProductDisplay product={product} slot={slot} phase={i * 1.7} />
            </Suspense>
          ) : null;
        })}
        <PreviewModels products={slots} />
        <OrbitControls
          makeDefault
          target={target}
          enablePan={false}
          minDistance={4}
          maxDistance={14}
          minAzimuthAngle={Math.PI / 2 - 0.9}
          maxAzimuthAngle={Math.PI / 2 + 0.9}
          minPolarAngle={0.6}
          maxPolarAngle={Math.PI / 2 - 0.02}
        />
      </Canvas>
    </div>
  );
}

/** Renderless: streams the glTF models of the previewed products (the displays wait for them). */
function PreviewModels({ products }: { products: readonly (Product | null)[] }) {
  const gl = useThree((s) => s.gl);
  const key = products.map((p) => (p?.model.kind === "gltf" ? p.model.url : "")).join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` sums up the models of `products`
  useEffect(() => {
    const models = new Map<string, number>();
    for (const p of products) if (p?.model.kind === "gltf") models.set(p.model.url, p.model.bytes);
    loadCatalogModels(models, gl);
  }, [key, gl]);
  return null;
}
