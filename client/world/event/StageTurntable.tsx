import { useFrame } from "@react-three/fiber";
import { Suspense, useEffect, useRef } from "react";
import type { Group } from "three";
import type { Product } from "../../../shared/catalog.ts";
import { type StageProduct, stageYawAt } from "../../../shared/events/stage.ts";
import { stageAnchors } from "./eventStageHook.ts";
import { StagePlinth } from "./StagePlinth.tsx";
import { StageProductModel } from "./StageProductModel.tsx";
import { STAGE, TURNTABLE } from "./stageGeometry.ts";

/** How fast the drawn yaw catches up with the stage's (a new pose eases in instead of jumping). */
const EASE_PER_SECOND = 8;

/**
 * The product on stage on its turntable: every frame its yaw is the stage's pose at the server's
 * now (`stageYawAt`), so every viewer of every shard sees the same turn; changes ease in.
 */
export function StageTurntable({
  onStage,
  product,
  offsetMs,
}: {
  onStage: StageProduct | null;
  product: Product | null;
  offsetMs: number;
}) {
  const turn = useRef<Group>(null);
  const anchor = useRef<Group>(null);
  useEffect(() => {
    const a = anchor.current;
    if (!a || !onStage) return;
    stageAnchors.turntable = { productId: onStage.productId, anchor: a, yaw: onStage.yaw };
    return () => {
      stageAnchors.turntable = null;
    };
  }, [onStage]);
  useFrame((_, delta) => {
    const g = turn.current;
    if (!g || !onStage) return;
    const target = stageYawAt(onStage, Date.now() + offsetMs);
    let d = target - g.rotation.y;
    d = Math.atan2(Math.sin(d), Math.cos(d));
    g.rotation.y += d * Math.min(1, delta * EASE_PER_SECOND);
    if (stageAnchors.turntable) stageAnchors.turntable.yaw = g.rotation.y;
  });
  return (
    <group position={[TURNTABLE.x, STAGE.deck, TURNTABLE.z]}>
      <StagePlinth height={TURNTABLE.height} radius={0.45} />
      <group ref={anchor} position={[0, TURNTABLE.height + 0.4, 0]} />
      {product ? (
        <group ref={turn} position={[0, TURNTABLE.height, 0]} key={product.id}>
          <Suspense fallback={null}>
            <StageProductModel product={product} />
          </Suspense>
        </group>
      ) : null}
    </group>
  );
}
