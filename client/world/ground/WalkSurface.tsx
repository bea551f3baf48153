import type { ThreeEvent } from "@react-three/fiber";
import { useCallback } from "react";
import { AVATAR_RADIUS } from "../../../shared/constants.ts";
import type { WalkableLayout } from "../../../shared/walking/layout.ts";
import { walkTo } from "../../net/localInput.ts";
import { showClickMarker } from "./clickMarker.ts";

/** Pixels the pointer may travel between press and release for it to count as a click, not a drag. */
const CLICK_SLOP_PX = 5;

/**
 * An invisible plane over the walkable rectangle that turns clicks (not drags) into walk targets.
 * It covers only the bounds, so a click on a facade (whose ray lands behind it) does nothing.
 */
export function WalkSurface({ layout }: { layout: WalkableLayout }) {
  const b = layout.bounds;
  const onClick = useCallback(
    (e: ThreeEvent<MouseEvent>) => {
      if (e.delta > CLICK_SLOP_PX || e.button !== 0) return;
      e.stopPropagation();
      const x = Math.min(b.maxX - AVATAR_RADIUS, Math.max(b.minX + AVATAR_RADIUS, e.point.x));
      const z = Math.min(b.maxZ - AVATAR_RADIUS, Math.max(b.minZ + AVATAR_RADIUS, e.point.z));
      walkTo(x, z);
      showClickMarker(x, z);
    },
    [b],
  );
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a three.js mesh, not a DOM element
    <mesh
      position={[(b.minX + b.maxX) / 2, 0.06, (b.minZ + b.maxZ) / 2]}
      rotation={[-Math.PI / 2, 0, 0]}
      visible={false}
      onClick={onClick}
    >
      <planeGeometry args={[b.maxX - b.minX, b.maxZ - b.minZ]} />
    </mesh>
  );
}
