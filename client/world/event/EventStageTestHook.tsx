import { Vector3 } from "three";
import {
  type BaseSceneSnapshot,
  pageScreenPoint,
  type SceneParts,
  SceneTestHook,
} from "../SceneTestHook.tsx";
import { type EventStageSnapshot, stageAnchors, stageScreen } from "./eventStageHook.ts";

const point = new Vector3();

type VideoWithQuality = HTMLVideoElement & { getVideoPlaybackQuality?: () => { totalVideoFrames: number } };

function describeStage(base: BaseSceneSnapshot, { camera, canvas }: SceneParts): EventStageSnapshot {
  const screenOf = (anchor: { getWorldPosition(v: Vector3): Vector3 }) =>
    pageScreenPoint(anchor.getWorldPosition(point).project(camera), canvas);
  const t = stageAnchors.turntable;
  const video = stageScreen.video as VideoWithQuality | null;
  return {
    ...base,
    onStage: t ? { productId: t.productId, yaw: t.yaw, screen: screenOf(t.anchor) } : null,
    pins: [...stageAnchors.pins.entries()].map(([productId, anchor]) => ({
      productId,
      screen: screenOf(anchor),
    })),
    screen: {
      showing: video ? "video" : "card",
      framesDecoded: video?.getVideoPlaybackQuality?.().totalVideoFrames ?? 0,
      videoWidth: video?.videoWidth ?? 0,
      rtc: stageScreen.stats,
    },
  };
}

/** Renderless: publishes `window.__eventStage` (eventStageHook.ts). */
export function EventStageTestHook({ software }: { software: boolean }) {
  return <SceneTestHook global="__eventStage" describe={describeStage} continuous={!software} />;
}
