import { useFrame } from "@react-three/fiber";
import { useRef } from "react";
import { AdditiveBlending, type Mesh, type MeshBasicMaterial } from "three";
import type { AvenueLayout } from "../../../shared/avenue/layout.ts";
import { clickMarker } from "./clickMarker.ts";
import { groundHeightAt, rowHalfLength } from "./groundHeight.ts";

const LIFETIME_MS = 900;

/** A small golden ring that blooms and fades where the shopper clicked to walk. */
export function ClickMarker({ layout }: { layout: AvenueLayout }) {
  const mesh = useRef<Mesh>(null);
  const material = useRef<MeshBasicMaterial>(null);
  const rowHalf = rowHalfLength(layout);
  useFrame(() => {
    const m = mesh.current;
    const mat = material.current;
    if (!m || !mat) return;
    const age = clickMarker.at < 0 ? LIFETIME_MS : performance.now() - clickMarker.at;
    const t = age / LIFETIME_MS;
    m.visible = t < 1;
    if (!m.visible) return;
    m.position.set(
      clickMarker.x,
      groundHeightAt(rowHalf, clickMarker.x, clickMarker.z) + 0.02,
      clickMarker.z,
    );
    m.scale.setScalar(0.5 + 0.6 * Math.sqrt(t));
    mat.opacity = (1 - t) * 0.9;
  });
  return (
    <mesh ref={mesh} rotation={[-Math.PI / 2, 0, 0]} visible={false} renderOrder={2}>
      <ringGeometry args={[0.28, 0.36, 48]} />
      <meshBasicMaterial
        ref={material}
        color="#f3d28e"
        transparent
        depthWrite={false}
        blending={AdditiveBlending}
        toneMapped={false}
      />
    </mesh>
  );
}
