import { useEffect, useMemo } from "react";
import { CylinderGeometry, MeshStandardMaterial } from "three";

/** Height of the pedestal's top, where the piece stands (metres). */
export const PEDESTAL_TOP = 0.98;

/**
 * A round pedestal of black lacquer with brass bands at its foot and crown, the way a maison shows
 * one piece alone. Geometry and materials are built once and freed on unmount.
 */
export function DropPedestal() {
  const res = useMemo(
    () => ({
      body: new CylinderGeometry(0.4, 0.43, PEDESTAL_TOP - 0.07, 64),
      crown: new CylinderGeometry(0.47, 0.46, 0.04, 64),
      foot: new CylinderGeometry(0.49, 0.5, 0.05, 64),
      lacquer: new MeshStandardMaterial({ color: "#121116", roughness: 0.18, metalness: 0.25 }),
      brass: new MeshStandardMaterial({ color: "#c8a361", roughness: 0.22, metalness: 0.95 }),
    }),
    [],
  );
  useEffect(
    () => () => {
      for (const d of Object.values(res)) d.dispose();
    },
    [res],
  );
  return (
    <group>
      <mesh geometry={res.foot} material={res.brass} position={[0, 0.025, 0]} />
      <mesh geometry={res.body} material={res.lacquer} position={[0, 0.05 + (PEDESTAL_TOP - 0.07) / 2, 0]} />
      <mesh geometry={res.crown} material={res.brass} position={[0, PEDESTAL_TOP - 0.02, 0]} />
    </group>
  );
}
