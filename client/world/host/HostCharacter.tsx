import { useFrame, useThree } from "@react-three/fiber";
import { useMemo, useRef } from "react";
import type { Group } from "three";
import type { AvenueLayout } from "../../../shared/avenue/layout.ts";
import { HostAnim } from "../../../shared/host/hostState.ts";
import { useHostStore } from "../../stores/hostStore.ts";
import { reducedMotionNow } from "../../ui/a11y/comfortStore.ts";
import { Batched } from "../batching/Batched.tsx";
import { groundHeightAt, rowHalfLength } from "../ground/groundHeight.ts";
import { HostHalo } from "./HostHalo.tsx";
import { facesTarget } from "./hostClips.ts";
import { hostFrame, renderedHost } from "./hostFrame.ts";
import { playHostAnim } from "./hostLook.ts";
import { useHostRig } from "./useHostRig.ts";

/** The host stands a head taller than shoppers, so it is found at a glance. */
export const HOST_HEIGHT = 2.25;
/** Drawn after avatars (-30) and before the camera (-20) and the DOM layers. */
export const HOST_FRAME_PRIORITY = -25;

/**
 * The avenue's host: one skinned model, tinted in its own colours, posed from `hostFrame` (its
 * interpolated server state) each frame, its clips crossfading as the synchronised anim changes.
 * An invisible capsule takes the pointer for the hover card.
 */
export function HostCharacter({ layout }: { layout: AvenueLayout }) {
  const gl = useThree((s) => s.gl);
  const { model, rig } = useHostRig(HOST_HEIGHT);
  const root = useRef<Group>(null);
  const rowHalf = rowHalfLength(layout);

  const motion = useMemo(() => ({ heading: 0, initialised: false, name: "" }), []);
  // Where the host last stood still: with reduced motion it is drawn there while it walks, and
  // appears at its next stop instead of walking across the view.
  const standing = useMemo(() => ({ x: 0, z: 0, known: false }), []);

  useFrame((_, delta) => {
    const g = root.current;
    const present = hostFrame.present && rig !== null;
    renderedHost.visible = present;
    if (!g) return;
    g.visible = present;
    if (!present || !rig) return;
    const calm = reducedMotionNow();
    const walking = hostFrame.anim === HostAnim.walk;
    if (!walking || !standing.known) {
      standing.x = hostFrame.x;
      standing.z = hostFrame.z;
      standing.known = true;
    }
    const hx = calm ? standing.x : hostFrame.x;
    const hz = calm ? standing.z : hostFrame.z;
    const y = groundHeightAt(rowHalf, hx, hz);
    g.position.set(hx, y, hz);

    // Face the walking direction, or whatever it points at or presents.
    let target = hostFrame.heading;
    if (facesTarget(hostFrame.anim)) {
      const dx = hostFrame.lookAtX - hx;
      const dz = hostFrame.lookAtZ - hz;
      if (dx * dx + dz * dz > 0.04) target = Math.atan2(dx, dz);
    }
    if (!motion.initialised || calm) motion.heading = target;
    motion.initialised = true;
    let d = (target - motion.heading) % (Math.PI * 2);
    if (d > Math.PI) d -= Math.PI * 2;
    if (d < -Math.PI) d += Math.PI * 2;
    motion.heading += d * (1 - Math.exp(-Math.min(delta, 0.25) * 8));
    g.rotation.y = motion.heading;

    // Reduced motion: the host stands calmly (no walk cycle, wave or gesture), turned to its target.
    playHostAnim(rig, calm ? HostAnim.idle : hostFrame.anim, motion);
    rig.mixer.update(Math.min(delta, 0.1));
    renderedHost.x = hx;
    renderedHost.y = y;
    renderedHost.z = hz;
    renderedHost.clip = rig.current?.getClip().name ?? "";
  }, HOST_FRAME_PRIORITY);

  const setHovered = useHostStore((s) => s.setHovered);
  return (
    <group ref={root} visible={false}>
      {model && rig ? (
        // The rigid parts ride the bones: one moving batch per material, not one draw per part.
        <Batched dynamic>
          <group scale={rig.scale} position={[0, -rig.minY * rig.scale, 0]}>
            <primitive object={model.scene} />
          </group>
        </Batched>
      ) : null}
      <mesh
        visible={false}
        position={[0, HOST_HEIGHT / 2, 0]}
        onPointerOver={(e) => {
          e.stopPropagation();
          setHovered(true);
          gl.domElement.style.cursor = "help";
        }}
        onPointerOut={() => {
          setHovered(false);
          gl.domElement.style.cursor = "";
        }}
      >
        <cylinderGeometry args={[0.55, 0.55, HOST_HEIGHT, 10]} />
        <meshBasicMaterial />
      </mesh>
      <HostHalo />
    </group>
  );
}
