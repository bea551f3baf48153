import type { Object3D } from "three";
import type { BaseSceneSnapshot } from "../SceneTestHook.tsx";

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

/** `window.__vitrineRoom.scene()`: the vitrine's pedestals, and who is the owner among the avatars. */
export type VitrineSceneSnapshot = Omit<BaseSceneSnapshot, "avatars"> & {
  pedestals: PedestalReport[];
  avatars: Array<BaseSceneSnapshot["avatars"][number] & { isOwner: boolean }>;
};

/** Whether the test hook holds the render loop (FrameBudget then stops waking it). */
export const frameControl = { held: false };

/** Pedestals currently mounted, written by VitrinePedestal, read by the test hook. */
export const pedestalRegistry = new Map<
  string,
  { anchor: Object3D; name: string; editionLabel: string; modelUrl: string }
>();
