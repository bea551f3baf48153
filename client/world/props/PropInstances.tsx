import type { BufferGeometry, Material } from "three";
import type { InstanceTransform } from "../util/placeInstances.ts";

/**
 * A static set of props sharing one geometry and material, as plain meshes: the avenue's
 * `<Batched>` (batching/Batched.tsx) draws them, with every other static mesh of a like material,
 * in one call. Outside a Batched each would draw on its own.
 */
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
  return (
    <>
      {transforms.map((t, i) => (
        <mesh
          // biome-ignore lint/suspicious/noArrayIndexKey: the transforms are a static list
          key={i}
          geometry={geometry}
          material={material}
          position={[t.x, t.y, t.z]}
          rotation={[0, t.rotationY ?? 0, 0]}
          scale={t.scale ?? 1}
          renderOrder={renderOrder}
        />
      ))}
    </>
  );
}
