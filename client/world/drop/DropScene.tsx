import { ContactShadows, Environment } from "@react-three/drei";
import { memo, Suspense, useEffect, useMemo } from "react";
import { CircleGeometry, MeshBasicMaterial } from "three";
import type { Product } from "../../../shared/catalog.ts";
import { ENVIRONMENT_FILE } from "../atmosphere/Lighting.tsx";
import { DropBackdrop } from "./DropBackdrop.tsx";
import { DropHost } from "./DropHost.tsx";
import { DropPedestal, PEDESTAL_TOP } from "./DropPedestal.tsx";
import { DropProduct } from "./DropProduct.tsx";
import { createFloorTexture } from "./floorTexture.ts";

const NIGHT = "#0c0d13";

/**
 * A quiet salon for one piece: a floor with a painted pool of light fading into the night, the studio HDR for soft
 * reflections, a warm spot from above onto the pedestal, a cool rim from behind. Five lights' worth
 * of look for very few draw calls. Memoised: it redraws only when the piece changes.
 */
export const DropScene = memo(function DropScene({ product }: { product: Product | null }) {
  const res = useMemo(() => {
    const map = createFloorTexture();
    return {
      map,
      floor: new CircleGeometry(7, 64),
      // Painted light, not lit: calm, seamless with the backdrop, and nearly free to draw.
      floorMaterial: new MeshBasicMaterial({ map, fog: false, toneMapped: false }),
    };
  }, []);
  useEffect(
    () => () => {
      res.map.dispose();
      res.floor.dispose();
      res.floorMaterial.dispose();
    },
    [res],
  );
  return (
    <>
      <color attach="background" args={[NIGHT]} />
      <fog attach="fog" args={[NIGHT, 5, 10]} />
      <Suspense fallback={null}>
        <Environment files={ENVIRONMENT_FILE} environmentIntensity={0.32} />
      </Suspense>
      <hemisphereLight args={["#b9b4c8", "#1a1614", 0.35]} />
      <spotLight
        color="#ffe2b8"
        position={[0.4, 3.4, 1.1]}
        angle={0.42}
        penumbra={0.75}
        intensity={26}
        decay={2}
        target-position={[0, PEDESTAL_TOP, 0]}
      />
      <directionalLight color="#ffd7a8" position={[-2.5, 2.2, 3]} intensity={0.7} />
      <directionalLight color="#c9d4ff" position={[1.5, 2.4, -3]} intensity={0.6} />
      <mesh geometry={res.floor} material={res.floorMaterial} rotation={[-Math.PI / 2, 0, 0]} />
      <ContactShadows position={[0, 0.002, 0]} opacity={0.85} scale={3} blur={2} far={1.2} frames={1} />
      <DropBackdrop />
      <DropPedestal />
      <DropProduct product={product} />
      {/* The environment map may still be loading (it suspends); the stage draws meanwhile. */}
      <Suspense fallback={null}>
        <DropHost />
      </Suspense>
    </>
  );
});
