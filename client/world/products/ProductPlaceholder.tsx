import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo } from "react";
import { Group, MeshPhysicalMaterial, SphereGeometry } from "three";
import { NO_BATCH } from "../batching/batchKey.ts";
import { disposeDeep, lathe, part } from "./shapes/shapeUtils.ts";

const CLOCHE: [number, number][] = [
  [0, 0],
  [0.44, 0],
  [0.44, 0.03],
  [0.4, 0.05],
  [0.4, 0.6],
  [0.34, 0.8],
  [0.2, 0.92],
  [0, 0.95],
];

/**
 * Stands in for a model that is still loading (breathing softly) or failed to load (still): a
 * frosted glass cloche with a brass knob, 1 unit tall. Tasteful, and never an error on screen.
 */
export function ProductPlaceholder({ pending }: { pending: boolean }) {
  const res = useMemo(() => {
    const frost = new MeshPhysicalMaterial({
      color: "#f4efe6",
      roughness: 0.45,
      transparent: true,
      opacity: 0.38,
      clearcoat: 1,
      depthWrite: false,
    });
    const brass = new MeshPhysicalMaterial({ color: "#c8a361", metalness: 1, roughness: 0.25 });
    const group = new Group();
    // Its frost breathes (opacity per frame): a batch would freeze it.
    group.userData[NO_BATCH] = true;
    group.add(part(lathe(CLOCHE, 40), frost));
    group.add(part(new SphereGeometry(0.05, 16, 12), brass, 0, 0.98, 0));
    return { group, frost, brass };
  }, []);
  useEffect(
    () => () => {
      disposeDeep(res.group);
    },
    [res],
  );
  useFrame(({ clock }) => {
    res.frost.opacity = pending ? 0.3 + 0.12 * Math.sin(clock.elapsedTime * 2.2) : 0.3;
  });
  return <primitive object={res.group} />;
}
