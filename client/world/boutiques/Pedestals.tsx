import { useEffect, useMemo } from "react";
import { BoxGeometry, MeshStandardMaterial } from "three";
import type { AvenueLayout } from "../../../shared/avenue/layout.ts";
import { PropInstances } from "../props/PropInstances.tsx";
import { WINDOW_SILL } from "./boutiqueFrame.ts";

/**
 * Lacquered plinths with brass tops at every display slot of every boutique: two instanced
 * meshes for the whole avenue. A slot's y is the top of its plinth, where products stand.
 */
export function Pedestals({ layout }: { layout: AvenueLayout }) {
  const slots = useMemo(
    () =>
      layout.boutiques.flatMap((b) =>
        b.slots.map((s) => ({ x: s.x, y: s.y, z: s.z, rotationY: s.rotationY })),
      ),
    [layout],
  );
  const res = useMemo(() => {
    const h = 1.05 - WINDOW_SILL;
    const body = new BoxGeometry(0.46, h - 0.04, 0.46);
    body.translate(0, -h / 2 - 0.02, 0);
    const top = new BoxGeometry(0.54, 0.04, 0.54);
    top.translate(0, -0.02, 0);
    return {
      body,
      top,
      lacquer: new MeshStandardMaterial({ color: "#16161a", roughness: 0.22, metalness: 0.2 }),
      brass: new MeshStandardMaterial({ color: "#c8a361", roughness: 0.25, metalness: 0.9 }),
    };
  }, []);
  useEffect(
    () => () => {
      for (const d of Object.values(res)) d.dispose();
    },
    [res],
  );
  return (
    <group>
      <PropInstances geometry={res.body} material={res.lacquer} transforms={slots} />
      <PropInstances geometry={res.top} material={res.brass} transforms={slots} />
    </group>
  );
}
