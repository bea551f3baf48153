import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useMemo } from "react";
import { Vector3 } from "three";
import { dropHostFrame } from "./dropHostFrame.ts";
import {
  type DropSceneTestHook,
  dropHostRegistry,
  plaqueRegistry,
  registerDropSceneHook,
} from "./dropSceneHook.ts";

const point = new Vector3();

/** Renderless: publishes `window.__vitrineDrop` (frames drawn, the plaque's place on the page, the host). */
export function DropTestHook() {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const hook = useMemo<DropSceneTestHook>(
    () => ({
      frames: 0,
      plaque() {
        const mesh = plaqueRegistry.mesh;
        if (!mesh) return null;
        mesh.getWorldPosition(point).project(camera);
        const rect = gl.domElement.getBoundingClientRect();
        return {
          x: rect.left + ((point.x + 1) / 2) * rect.width,
          y: rect.top + ((1 - point.y) / 2) * rect.height,
          action: plaqueRegistry.action,
          active: plaqueRegistry.active,
          glyphsReady: plaqueRegistry.glyphsReady,
        };
      },
      get host() {
        return {
          line: dropHostRegistry.bubbleText,
          lineEn: dropHostFrame.line.en ?? "",
          anim: dropHostFrame.anim,
          x: dropHostFrame.x,
          z: dropHostFrame.z,
          visible: dropHostRegistry.visible,
          name: dropHostFrame.name,
        };
      },
    }),
    [camera, gl],
  );
  useEffect(() => registerDropSceneHook(hook), [hook]);
  useFrame(() => {
    hook.frames++;
  });
  return null;
}
