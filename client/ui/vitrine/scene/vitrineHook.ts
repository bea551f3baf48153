import type { Object3D } from "three";

/** One pedestal as the scene shows it now. */
export type PedestalReport = {
  copyId: string;
  name: string;
  /** The words painted on its plaque, e.g. "#17 of 250". */
  editionLabel: string;
  model: "loading" | "ready" | "failed";
  /** Where the piece's middle is on the page (CSS pixels), or null when off screen. */
  screen: { x: number; y: number } | null;
};

/**
 * `window.__vitrineRoom`: what end-to-end tests read from the vitrine's scene. Figures are those
 * of the last complete frame.
 */
export type VitrineRoomTestHook = {
  frames: number;
  scene(): {
    pedestals: PedestalReport[];
    avatars: Array<{
      sessionId: string;
      name: string;
      x: number;
      z: number;
      isSelf: boolean;
      isOwner: boolean;
    }>;
    renderer: { calls: number; triangles: number; textures: number; lights: number };
  };
  /** Holds the render loop (one last frame is drawn) or lets it run again, for screenshots. */
  holdFrames(hold: boolean): void;
};

/** Whether the test hook holds the render loop (FrameBudget then stops waking it). */
export const frameControl = { held: false };

/** Pedestals currently mounted, written by VitrinePedestal, read by the test hook. */
export const pedestalRegistry = new Map<
  string,
  { anchor: Object3D; name: string; editionLabel: string; modelUrl: string }
>();

export function registerVitrineHook(hook: VitrineRoomTestHook): () => void {
  const w = window as unknown as { __vitrineRoom?: VitrineRoomTestHook };
  w.__vitrineRoom = hook;
  return () => {
    if (w.__vitrineRoom === hook) delete w.__vitrineRoom;
  };
}
