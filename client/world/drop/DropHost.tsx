import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useMemo, useRef } from "react";
import type { Group } from "three";
import { serverNow } from "../../stores/dropStore.ts";
import { facesTarget } from "../host/hostClips.ts";
import { playHostAnim } from "../host/hostLook.ts";
import { useHostRig } from "../host/useHostRig.ts";
import { DropHostBubble } from "./DropHostBubble.ts";
import { dropHostFrame } from "./dropHostFrame.ts";
import { useCompiled, useHostOnStage, useRedrawOnHostChange } from "./dropHostHooks.ts";
import { dropHostRegistry } from "./dropSceneHook.ts";
import "../host/hostBubble.css";

/** On the stage the host is drawn smaller than in the avenue, so that it and the piece share the frame. */
export const DROP_HOST_HEIGHT = 1.3;

/**
 * The avenue's host on the drop stage, beside the pedestal: the same model, look and clips as in
 * the avenue (client/world/host), posed from the drop room's `host` state, with its speech bubble
 * (DropHostBubble) projected into a DOM layer over the canvas.
 */
export function DropHost() {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const view = useThree((s) => s.size);
  const onStage = useHostOnStage();
  const { model, rig } = useHostRig(DROP_HOST_HEIGHT, onStage);
  const compiled = useCompiled(rig && model ? model.scene : null);
  const root = useRef<Group>(null);
  useRedrawOnHostChange();

  // The bubble lives in the canvas's own positioned wrapper.
  const bubble = useMemo(() => new DropHostBubble(), []);
  useEffect(() => {
    const wrapper = gl.domElement.parentElement?.parentElement;
    if (!wrapper) return;
    wrapper.append(bubble.layer);
    return () => {
      bubble.layer.remove();
      dropHostRegistry.bubbleText = "";
    };
  }, [gl, bubble]);

  const motion = useMemo(() => ({ heading: 0, initialised: false, name: "" }), []);

  useFrame((_, delta) => {
    const f = dropHostFrame;
    const g = root.current;
    const present = f.present && rig !== null && compiled;
    dropHostRegistry.visible = present;
    if (g) g.visible = present;
    if (g && present && rig) {
      g.position.set(f.x, 0, f.z);
      let target = f.heading;
      if (facesTarget(f.anim)) {
        const dx = f.lookAtX - f.x;
        const dz = f.lookAtZ - f.z;
        // Half towards the piece, half towards the audience: it presents, it does not turn its back.
        if (dx * dx + dz * dz > 0.04) target = (Math.atan2(dx, dz) + f.heading) / 2;
      }
      if (!motion.initialised) motion.heading = target;
      motion.initialised = true;
      motion.heading += (target - motion.heading) * (1 - Math.exp(-Math.min(delta, 0.25) * 6));
      g.rotation.y = motion.heading;
      playHostAnim(rig, f.anim, motion);
      rig.mixer.update(Math.min(delta, 0.1));
    }
    dropHostRegistry.bubbleText = bubble.update(camera, view, serverNow(), DROP_HOST_HEIGHT);
  });

  return (
    <group ref={root} visible={false}>
      {model && rig ? (
        <group scale={rig.scale} position={[0, -rig.minY * rig.scale, 0]}>
          <primitive object={model.scene} />
        </group>
      ) : null}
    </group>
  );
}
