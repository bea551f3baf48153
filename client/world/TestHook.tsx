import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useMemo } from "react";
import { type Camera, Vector3 } from "three";
import { walkTo } from "../net/localInput.ts";
import { useWorldStore } from "../stores/worldStore.ts";
import { renderedAvatars } from "./avatars/renderedAvatars.ts";
import { hostSnapshot } from "./host/hostSnapshot.ts";
import { displayedProducts } from "./products/displayedProducts.ts";
import { modelCounts, modelStatus } from "./products/modelLoader.ts";
import { registerTestHook, type SceneSnapshot, type VitrineTestHook } from "./testHook.ts";
import { worldStats } from "./worldStats.ts";

/** Runs before anything else of a frame: closes the previous frame's counters, opens the next. */
const FIRST = -1000;

/**
 * Renderless: turns off the renderer's per-render-call counter reset so that `calls` and
 * `triangles` cover a whole frame (transmission and environment passes included), and publishes
 * `window.__vitrine`.
 */
export function TestHook() {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const setFrameloop = useThree((s) => s.setFrameloop);
  const invalidate = useThree((s) => s.invalidate);
  const last = useMemo(() => ({ calls: 0, triangles: 0, started: false }), []);
  const hook = useMemo<VitrineTestHook>(
    () => ({
      frames: 0,
      holdFrames(hold: boolean) {
        setFrameloop(hold ? "demand" : "always");
        invalidate();
      },
      walkTo,
      scene(): SceneSnapshot {
        const avatars: SceneSnapshot["avatars"] = [];
        for (let i = 0; i < renderedAvatars.count; i++) {
          const a = renderedAvatars.list[i];
          if (a) avatars.push({ sessionId: a.sessionId, name: a.name, x: a.x, z: a.z, isSelf: a.isSelf });
        }
        const models = modelCounts();
        return {
          avatars,
          renderer: {
            calls: last.calls,
            triangles: last.triangles,
            geometries: gl.info.memory.geometries,
            textures: gl.info.memory.textures,
            programs: gl.info.programs?.length ?? 0,
          },
          boutiques: worldStats.boutiques,
          productsShown: worldStats.productsShown,
          modelsLoaded: models.loaded,
          modelsFailed: models.failed,
          displays: currentDisplays(camera, gl.domElement),
          host: hostSnapshot(),
        };
      },
    }),
    [gl, camera, last, setFrameloop, invalidate],
  );

  useEffect(() => {
    gl.info.autoReset = false;
    const unregister = registerTestHook(hook);
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

const point = new Vector3();

/**
 * The displays of the catalog the scene shows now (the same function Products renders from), each
 * with the page position of its product's middle, so a test can click it.
 */
function currentDisplays(camera: Camera, canvas: HTMLCanvasElement): SceneSnapshot["displays"] {
  const { layout, catalog } = useWorldStore.getState();
  if (!layout || !catalog) return [];
  const rect = canvas.getBoundingClientRect();
  return displayedProducts(layout, catalog).map(({ product, slot, brandId, slotIndex }) => {
    point.set(slot.x, slot.y + product.model.displayHeight / 2, slot.z).project(camera);
    const onScreen = point.z < 1 && Math.abs(point.x) < 1 && Math.abs(point.y) < 1;
    return {
      brandId,
      slot: slotIndex,
      productId: product.id,
      model: product.model.kind === "procedural" ? "procedural" : modelStatus(product.model.url),
      lod: product.model.kind === "gltf" && product.model.lodUrl ? modelStatus(product.model.lodUrl) : "none",
      screen: onScreen
        ? { x: rect.left + ((point.x + 1) / 2) * rect.width, y: rect.top + ((1 - point.y) / 2) * rect.height }
        : null,
    };
  });
}
