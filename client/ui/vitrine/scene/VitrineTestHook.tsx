import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useMemo } from "react";
import { Vector3 } from "three";
import { renderedAvatars } from "../../../world/avatars/renderedAvatars.ts";
import { modelStatus } from "../../../world/products/modelLoader.ts";
import { useVitrineStore } from "../vitrineStore.ts";
import {
  frameControl,
  pedestalRegistry,
  registerVitrineHook,
  type VitrineRoomTestHook,
} from "./vitrineHook.ts";

const FIRST = -1000;
const point = new Vector3();

/** Renderless: publishes `window.__vitrineRoom` (pedestals, avatars, renderer figures, frames). */
export function VitrineTestHook({ software }: { software: boolean }) {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const scene = useThree((s) => s.scene);
  const setFrameloop = useThree((s) => s.setFrameloop);
  const invalidate = useThree((s) => s.invalidate);
  const last = useMemo(() => ({ calls: 0, triangles: 0, started: false }), []);
  const hook = useMemo<VitrineRoomTestHook>(
    () => ({
      frames: 0,
      holdFrames(hold) {
        frameControl.held = hold;
        // On a software rasterizer FrameBudget keeps the loop on demand and wakes it itself.
        setFrameloop(hold || software ? "demand" : "always");
        invalidate();
      },
      scene() {
        const rect = gl.domElement.getBoundingClientRect();
        const pedestals = [...pedestalRegistry.entries()].map(([copyId, p]) => {
          p.anchor.getWorldPosition(point).project(camera);
          const onScreen = point.z < 1 && Math.abs(point.x) < 1 && Math.abs(point.y) < 1;
          const status = modelStatus(p.modelUrl);
          return {
            copyId,
            name: p.name,
            editionLabel: p.editionLabel,
            model: status,
            screen: onScreen
              ? {
                  x: rect.left + ((point.x + 1) / 2) * rect.width,
                  y: rect.top + ((1 - point.y) / 2) * rect.height,
                }
              : null,
          };
        });
        const owner = useVitrineStore.getState().ownerSessionId;
        const avatars = renderedAvatars.list.slice(0, renderedAvatars.count).map((a) => ({
          sessionId: a.sessionId,
          name: a.name,
          x: a.x,
          z: a.z,
          isSelf: a.isSelf,
          isOwner: a.sessionId === owner,
        }));
        let lights = 0;
        scene.traverse((o) => {
          if ((o as { isLight?: boolean }).isLight) lights++;
        });
        return {
          pedestals,
          avatars,
          renderer: {
            calls: last.calls,
            triangles: last.triangles,
            textures: gl.info.memory.textures,
            lights,
          },
        };
      },
    }),
    [gl, camera, scene, last, setFrameloop, invalidate, software],
  );
  useEffect(() => {
    gl.info.autoReset = false;
    const unregister = registerVitrineHook(hook);
    return () => {
      gl.info.autoReset = true;
      unregister();
    };
  }, [gl, hook]);
  useFrame(() => {
    if (last.started) {
      last.calls = gl.info.render.calls;
      last.triangles = gl.info.render.triangles;
      hook.frames++;
    }
    last.started = true;
    gl.info.reset();
  }, FIRST);
  return null;
}
