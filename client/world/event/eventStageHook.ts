/**
 * What the event's 3D stage tells end-to-end tests (`window.__eventStage`), and the plain objects
 * the scene's parts write into for it: where each pinned plinth and the turntable are drawn, and
 * the screen's video element. Written by the scene, read by EventStageTestHook only.
 */
import type { Object3D } from "three";
import type { ReceiveStats } from "../../net/media/mediaStats.ts";
import type { BaseSceneSnapshot } from "../SceneTestHook.tsx";

export type EventStageSnapshot = BaseSceneSnapshot & {
  onStage: { productId: string; yaw: number; screen: { x: number; y: number } | null } | null;
  pins: Array<{ productId: string; screen: { x: number; y: number } | null }>;
  screen: {
    /** "video" while the presenter's stream plays on it, "card" for the title card. */
    showing: "video" | "card";
    framesDecoded: number;
    videoWidth: number;
    /** The stage viewer's WebRTC receive stats (inbound-rtp), null while nothing is received. */
    rtc: ReceiveStats | null;
  };
};

/** Anchors of what stands on stage, by product id (pins) and the turntable's. */
export const stageAnchors = {
  turntable: null as { productId: string; anchor: Object3D; yaw: number } | null,
  pins: new Map<string, Object3D>(),
};

/** The screen's video element while a stream plays on it, and the viewer's last receive stats. */
export const stageScreen = { video: null as HTMLVideoElement | null, stats: null as ReceiveStats | null };
