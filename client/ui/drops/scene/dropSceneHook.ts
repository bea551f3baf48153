import type { Object3D } from "three";

/**
 * What the drop scene exposes to end-to-end tests as `window.__vitrineDrop`: frames drawn, and
 * where the claim plaque is on the page (so a test can click the plaque itself, not the panel).
 */
export type DropSceneTestHook = {
  frames: number;
  plaque(): { x: number; y: number; action: string; active: boolean } | null;
};

/** The plaque's mesh and words, set by ClaimPlaque; read by DropTestHook. */
export const plaqueRegistry: { mesh: Object3D | null; action: string; active: boolean } = {
  mesh: null,
  action: "",
  active: false,
};

export function registerDropSceneHook(hook: DropSceneTestHook): () => void {
  const w = window as unknown as { __vitrineDrop?: DropSceneTestHook };
  w.__vitrineDrop = hook;
  return () => {
    if (w.__vitrineDrop === hook) delete w.__vitrineDrop;
  };
}
