import { useThree } from "@react-three/fiber";
import { type ReactNode, useLayoutEffect, useRef } from "react";
import { Box3, type Group, Vector3 } from "three";

const box = new Box3();
const size = new Vector3();
const centre = new Vector3();

type OrbitLike = { target: Vector3; update(): void };

/**
 * Scales its content so that its largest dimension is 1, stands it on y = 0 centred on the y
 * axis, and points the orbit controls at its middle. Measures again whenever `fitKey` changes
 * (another model, or the real model replacing its placeholder).
 */
export function FitToView({ fitKey, children }: { fitKey: string; children: ReactNode }) {
  const group = useRef<Group>(null);
  const controls = useThree((s) => s.controls) as unknown as OrbitLike | null;
  const invalidate = useThree((s) => s.invalidate);
  // biome-ignore lint/correctness/useExhaustiveDependencies: fitKey is the reason to measure again
  useLayoutEffect(() => {
    const g = group.current;
    if (!g) return;
    g.scale.setScalar(1);
    g.position.set(0, 0, 0);
    g.updateWorldMatrix(true, true);
    box.setFromObject(g, true);
    if (box.isEmpty()) return;
    box.getSize(size);
    box.getCenter(centre);
    const s = 1 / Math.max(size.x, size.y, size.z, 1e-6);
    g.scale.setScalar(s);
    g.position.set(-centre.x * s, -box.min.y * s, -centre.z * s);
    if (controls) {
      controls.target.set(0, (size.y * s) / 2, 0);
      controls.update();
    }
    invalidate();
  }, [fitKey, controls, invalidate]);
  return <group ref={group}>{children}</group>;
}
