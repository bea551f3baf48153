import type { Object3D } from "three";

/**
 * What the drop scene exposes to end-to-end tests as `window.__vitrineDrop`: frames drawn, and
 * where the claim plaque is on the page (so a test can click the plaque itself, not the panel).
 */
export type DropSceneTestHook = {
  frames: number;
  /** `glyphsReady`: every face its words need was loaded when it was last painted (no fallback boxes). */
  plaque(): { x: number; y: number; action: string; active: boolean; glyphsReady: boolean } | null;
  /**
   * The host on the stage: `line` is what its bubble shows now (in the page's language, "" when no
   * bubble), `lineEn` the current line as synchronised (English, tokens unformatted), `anim` a
   * HostAnim, `x`/`z` where it stands, `visible` whether its figure is drawn.
   */
  readonly host: {
    line: string;
    lineEn: string;
    anim: number;
    x: number;
    z: number;
    visible: boolean;
    name: string;
  };
};

/** What DropHost drew last frame; read by DropTestHook. */
export const dropHostRegistry: { visible: boolean; bubbleText: string } = { visible: false, bubbleText: "" };

/** The plaque's mesh and words, set by ClaimPlaque; read by DropTestHook. */
export const plaqueRegistry: {
  mesh: Object3D | null;
  action: string;
  active: boolean;
  glyphsReady: boolean;
} = {
  mesh: null,
  action: "",
  active: false,
  glyphsReady: false,
};

export function registerDropSceneHook(hook: DropSceneTestHook): () => void {
  const w = window as unknown as { __vitrineDrop?: DropSceneTestHook };
  w.__vitrineDrop = hook;
  return () => {
    if (w.__vitrineDrop === hook) delete w.__vitrineDrop;
  };
}
