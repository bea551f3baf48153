import { Vector3 } from "three";
import { useVitrineStore } from "../../ui/vitrine/vitrineStore.ts";
import { modelStatus } from "../products/modelLoader.ts";
import {
  type BaseSceneSnapshot,
  pageScreenPoint,
  type SceneParts,
  SceneTestHook,
} from "../SceneTestHook.tsx";
import { frameControl, pedestalRegistry, type VitrineSceneSnapshot } from "./vitrineHook.ts";

const point = new Vector3();

function describeVitrine(base: BaseSceneSnapshot, { camera, canvas }: SceneParts): VitrineSceneSnapshot {
  const pedestals = [...pedestalRegistry.entries()].map(([copyId, p]) => {
    p.anchor.getWorldPosition(point).project(camera);
    return {
      copyId,
      name: p.name,
      editionLabel: p.editionLabel,
      model: modelStatus(p.modelUrl),
      screen: pageScreenPoint(point, canvas),
    };
  });
  const owner = useVitrineStore.getState().ownerSessionId;
  const avatars = base.avatars.map((a) => ({ ...a, isOwner: a.sessionId === owner }));
  return { ...base, pedestals, avatars };
}

const holdVitrine = (held: boolean) => {
  frameControl.held = held;
};

/**
 * Renderless: publishes `window.__vitrineRoom` (vitrineHook.ts). On a software rasterizer the loop
 * stays on demand (FrameBudget wakes it) even when not held.
 */
export function VitrineTestHook({ software }: { software: boolean }) {
  return (
    <SceneTestHook
      global="__vitrineRoom"
      describe={describeVitrine}
      continuous={!software}
      onHold={holdVitrine}
    />
  );
}
