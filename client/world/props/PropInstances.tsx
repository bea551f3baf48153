import { useLayoutEffect, useRef } from "react";
import type { BufferGeometry, InstancedMesh, Material } from "three";
import { type InstanceTransform, placeInstances } from "../util/placeInstances.ts";

/** One InstancedMesh holding a static set of transforms: one draw call however many props. */
export function PropInstances({
  geometry,
  material,
  transforms,
  renderOrder,
}: {
  geometry: BufferGeometry;
  material: Material;
  transforms: readonly InstanceTransform[];
  renderOrder?: number;
}) {
  const mesh = useRef<InstancedMesh>(null);
  useLayoutEffect(() => {
    if (mesh.current) placeInstances(mesh.current, transforms);
  }, [transforms]);
  return (
    <instancedMesh
      key={transforms.length}
      ref={mesh}
      args={[geometry, material, Math.max(1, transforms.length)]}
      renderOrder={renderOrder}
    />
  );
}
