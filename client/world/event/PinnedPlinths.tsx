import { useFrame } from "@react-three/fiber";
import { Suspense, useEffect, useRef } from "react";
import type { Group } from "three";
import type { Product } from "../../../shared/catalog.ts";
import { useWorldStore } from "../../stores/worldStore.ts";
import { stageAnchors } from "./eventStageHook.ts";
import { StagePlinth } from "./StagePlinth.tsx";
import { StageProductModel } from "./StageProductModel.tsx";
import { PIN_PLINTH_HEIGHT, PIN_PLINTHS, STAGE } from "./stageGeometry.ts";

/** Radians per second of a pinned piece's slow turn. */
const PIN_TURN = 0.35;

function PinnedPiece({ product, index }: { product: Product; index: number }) {
  const slot = PIN_PLINTHS[index];
  const turn = useRef<Group>(null);
  const anchor = useRef<Group>(null);
  useEffect(() => {
    const a = anchor.current;
    if (!a) return;
    stageAnchors.pins.set(product.id, a);
    return () => {
      if (stageAnchors.pins.get(product.id) === a) stageAnchors.pins.delete(product.id);
    };
  }, [product.id]);
  useFrame((_, delta) => {
    if (turn.current) turn.current.rotation.y += delta * PIN_TURN;
  });
  if (!slot) return null;
  return (
    <group position={[slot.x, STAGE.deck, slot.z]}>
      <StagePlinth height={PIN_PLINTH_HEIGHT} />
      <group ref={anchor} position={[0, PIN_PLINTH_HEIGHT + 0.3, 0]} />
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a three.js group, not a DOM element */}
      <group
        ref={turn}
        position={[0, PIN_PLINTH_HEIGHT, 0]}
        onClick={(e) => {
          e.stopPropagation();
          useWorldStore.getState().selectProduct(product.id);
        }}
      >
        <Suspense fallback={null}>
          <StageProductModel product={product} scale={0.7} />
        </Suspense>
      </group>
      <spotLight
        color="#ffe2b8"
        position={[0, 3.2, 1.2]}
        angle={0.35}
        penumbra={0.8}
        intensity={14}
        decay={2}
        target-position={[slot.x, STAGE.deck + PIN_PLINTH_HEIGHT, slot.z]}
      />
    </group>
  );
}

/** The pinned products (up to three), each on its plinth along the stage's front, in pin order. */
export function PinnedPlinths({ pinned }: { pinned: Product[] }) {
  return (
    <>
      {pinned.map((product, i) => (
        <PinnedPiece key={product.id} product={product} index={i} />
      ))}
    </>
  );
}
