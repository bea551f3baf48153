import { useEffect, useMemo } from "react";
import { CylinderGeometry, MeshStandardMaterial } from "three";

/**
 * A round plinth of black lacquer with brass bands, `height` tall, standing on y = 0 (the stage's
 * deck is the parent's business). Geometry and materials are built per height and freed.
 */
export function StagePlinth({ height, radius = 0.34 }: { height: number; radius?: number }) {
  const res = useMemo(
    () => ({
      body: new CylinderGeometry(radius, radius * 1.06, height - 0.06, 48),
      crown: new CylinderGeometry(radius * 1.16, radius * 1.14, 0.035, 48),
      foot: new CylinderGeometry(radius * 1.2, radius * 1.22, 0.045, 48),
      lacquer: new MeshStandardMaterial({ color: "#121116", roughness: 0.18, metalness: 0.25 }),
      brass: new MeshStandardMaterial({ color: "#c8a361", roughness: 0.22, metalness: 0.95 }),
    }),
    [height, radius],
  );
  useEffect(
    () => () => {
      for (const d of Object.values(res)) d.dispose();
    },
    [res],
  );
  return (
    <group>
      <mesh geometry={res.foot} material={res.brass} position={[0, 0.022, 0]} />
      <mesh geometry={res.body} material={res.lacquer} position={[0, 0.045 + (height - 0.06) / 2, 0]} />
      <mesh geometry={res.crown} material={res.brass} position={[0, height - 0.017, 0]} />
    </group>
  );
}
