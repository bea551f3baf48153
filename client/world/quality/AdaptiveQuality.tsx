import { useFrame, useThree } from "@react-three/fiber";
import { useEffect, useMemo } from "react";
import type { Light, LightShadow, Scene } from "three";
import { QualityController, type QualityLevel } from "./qualityController.ts";
import { useRenderQuality } from "./renderQuality.ts";

/** Resizes the shadow maps of every shadow-casting light; the renderer re-creates a map set to null. */
function applyShadowMapSize(scene: Scene, size: number): void {
  scene.traverse((o) => {
    const light = o as Light & { shadow?: LightShadow };
    if (!light.isLight || !light.castShadow || !light.shadow) return;
    if (light.shadow.mapSize.x === size) return;
    light.shadow.mapSize.set(size, size);
    light.shadow.map?.dispose();
    light.shadow.map = null;
  });
}

/**
 * Renderless: feeds each frame's duration to a QualityController (qualityController.ts) and applies
 * the level it picks: the canvas's pixel-ratio ceiling (through useRenderQuality, which the Canvas
 * reads), shadow map sizes and the products' level-of-detail distance. Frames drawn on demand (a held or paused
 * loop) are not fed: their gaps are not the frame's cost.
 */
export function AdaptiveQuality({ weak }: { weak: boolean }) {
  const scene = useThree((s) => s.scene);
  const frameloop = useThree((s) => s.frameloop);
  // A software rasterizer is known weak: it starts at the cheapest level and climbs if it can.
  const controller = useMemo(() => new QualityController({ start: weak ? 0 : undefined }), [weak]);

  const apply = useMemo(
    () => (level: QualityLevel, index: number) => {
      applyShadowMapSize(scene, level.shadowMapSize);
      useRenderQuality.setState({ dpr: level.dpr, lodDistance: level.lodDistance, level: index });
    },
    [scene],
  );
  useEffect(() => apply(controller.level, controller.levelIndex), [apply, controller]);

  useFrame((_, delta) => {
    if (frameloop !== "always") return;
    const changed = controller.frame(delta * 1000);
    if (changed) apply(changed, controller.levelIndex);
  });
  return null;
}
