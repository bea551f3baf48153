import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo, useRef } from "react";
import {
  AdditiveBlending,
  type Group,
  type Mesh,
  MeshBasicMaterial,
  PlaneGeometry,
  RingGeometry,
} from "three";
import { radialGlowTexture } from "../util/canvasTexture.ts";

/**
 * What makes the host read as the host without a real light (no extra lit passes on software
 * renderers): a double champagne ring at its feet that breathes slowly, and a soft camera-facing
 * aura behind it. Four draw calls, all unlit and additive.
 */
export function HostHalo() {
  const aura = useRef<Mesh>(null);
  const rings = useRef<Group>(null);
  const res = useMemo(() => {
    const glow = radialGlowTexture(128, 1.8);
    const ringMaterial = new MeshBasicMaterial({
      color: "#f0cf8a",
      transparent: true,
      opacity: 0.8,
      depthWrite: false,
      blending: AdditiveBlending,
      toneMapped: false,
    });
    return {
      glow,
      inner: new RingGeometry(0.62, 0.68, 64),
      outer: new RingGeometry(0.8, 0.83, 64),
      ringMaterial,
      floorGlow: new MeshBasicMaterial({
        map: glow,
        color: "#c99a55",
        transparent: true,
        opacity: 0.55,
        depthWrite: false,
        blending: AdditiveBlending,
        toneMapped: false,
      }),
      plane: new PlaneGeometry(1, 1),
      auraMaterial: new MeshBasicMaterial({
        map: glow,
        color: "#ffd9a0",
        transparent: true,
        opacity: 0.3,
        depthWrite: false,
        blending: AdditiveBlending,
        toneMapped: false,
      }),
    };
  }, []);
  useEffect(
    () => () => {
      for (const d of Object.values(res)) d.dispose();
    },
    [res],
  );

  useFrame(({ camera, clock }) => {
    const t = clock.elapsedTime;
    const a = aura.current;
    if (a?.parent) {
      // Face the camera: cancel the host's own turn, then take the camera's orientation.
      a.quaternion.copy(a.parent.quaternion).invert().multiply(camera.quaternion);
    }
    const r = rings.current;
    if (r) {
      r.rotation.z = t * 0.15;
      r.scale.setScalar(1 + Math.sin(t * 1.4) * 0.035);
      res.ringMaterial.opacity = 0.65 + Math.sin(t * 1.4) * 0.15;
    }
  });

  return (
    <>
      <group ref={rings} rotation={[-Math.PI / 2, 0, 0]} position={[0, 0.02, 0]}>
        <mesh geometry={res.inner} material={res.ringMaterial} renderOrder={2} />
        <mesh geometry={res.outer} material={res.ringMaterial} renderOrder={2} />
        <mesh geometry={res.plane} material={res.floorGlow} scale={2.6} renderOrder={1} />
      </group>
      <mesh
        ref={aura}
        geometry={res.plane}
        material={res.auraMaterial}
        position={[0, 1.15, -0.2]}
        scale={[2.4, 3.1, 1]}
        renderOrder={3}
      />
    </>
  );
}
