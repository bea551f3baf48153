import type { BaseSceneSnapshot, SceneTestHookApi } from "./SceneTestHook.tsx";

/**
 * `window.__vitrine`: what end-to-end tests read from the running avenue. Avatars and renderer
 * figures are those of the last complete frame (SceneTestHook.tsx).
 */
export type SceneSnapshot = BaseSceneSnapshot & {
  boutiques: number;
  productsShown: number;
  batchBuilds: number;
  modelsLoaded: number;
  modelsFailed: number;
  /** What stands on each display slot: brand, slot index, product, and whether its model is shown. */
  displays: Array<{
    brandId: string;
    slot: number;
    productId: string;
    model: "procedural" | "loading" | "ready" | "failed";
    /** The lighter level of detail far displays show: "none" when the model has none. */
    lod: "none" | "loading" | "ready" | "failed";
    /** Where the product's middle is on the page (CSS pixels), or null when off screen. */
    screen: { x: number; y: number } | null;
  }>;
  /** Live events' beacons on the avenue, with the page position of their label (null: off screen). */
  beacons: Array<{ eventId: string; brandId: string; screen: { x: number; y: number } | null }>;
  /** The host as drawn this frame, or null while the room has none (or its model is loading). */
  host: {
    x: number;
    z: number;
    /** Synchronised anim (HostAnim) and the clip that plays for it. */
    anim: number;
    clip: string;
    mode: string;
    lineId: number;
    /** The current line as this page shows it (reader's language, tokens formatted), or "". */
    line: string;
    bubbleVisible: boolean;
    /** Page position of the bubble's anchor above its head, or null off screen. */
    screen: { x: number; y: number } | null;
    /** Page position of the middle of its body (hover it for the card), or null off screen. */
    body: { x: number; y: number } | null;
    tourId: string;
    tourStop: number;
    followers: number;
    presentingProductId: string;
    announceDropId: string;
  } | null;
};

export type VitrineTestHook = SceneTestHookApi<SceneSnapshot>;

declare global {
  interface Window {
    __vitrine?: VitrineTestHook;
  }
}
