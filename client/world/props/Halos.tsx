import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo, useRef } from "react";
import {
  AdditiveBlending,
  type InstancedMesh,
  Matrix4,
  MeshBasicMaterial,
  PlaneGeometry,
  Vector3,
} from "three";
import { radialGlowTexture } from "../util/canvasTexture.ts";

const m = new Matrix4();
const s = new Vector3();

/**
 * Soft glows around light sources (lanterns, sconces): camera-facing quads in one instanced mesh,
 * re-oriented each frame. A cheap stand-in for bloom.
 */
export function Halos({
  points,
  size,
  color,
  opacity,
}: {
  points: readonly Vector3[];
  size: number;
  color: string;
  opacity: number;
}) {
  const mesh = useRef<InstancedMesh>(null);
  const res = useMemo(() => {
    const glow = radialGlowTexture(128, 1.6);
    return {
      glow,
      geometry: new PlaneGeometry(1, 1),
      material: new MeshBasicMaterial({
        map: glow,
        color,
        transparent: true,
        opacity,
        depthWrite: false,
        blending: AdditiveBlending,
        toneMapped: false,
      }),
    };
  }, [color, opacity]);
  useEffect(
    () => () => {
      for (const d of Object.values(res)) d.dispose();
    },
    [res],
  );
  useFrame(({ camera }) => {
    const h = mesh.current;
    if (!h) return;
    s.setScalar(size);
    points.forEach((p, i) => {
      m.compose(p, camera.quaternion, s);
      h.setMatrixAt(i, m);
    });
    h.count = points.length;
    h.instanceMatrix.needsUpdate = true;
  });
  return (
    <instancedMesh
      key={points.length}
      ref={mesh}
      args={[res.geometry, res.material, Math.max(1, points.length)]}
      frustumCulled={false}
      renderOrder={3}
    />
  );
}
