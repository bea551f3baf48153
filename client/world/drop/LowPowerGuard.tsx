import { useFrame } from "@react-three/fiber";
import { useRef } from "react";

/** Frames measured after the first ones (which include shader compiling). */
const SKIP_FRAMES = 2;
const SAMPLE_FRAMES = 8;
/** Below this many frames per second the turntable is not worth its cost. */
const MIN_FPS = 12;

/**
 * Renderless: measures the first few frames once, and on a machine that cannot keep the turntable
 * smooth (software rendering, a weak laptop) calls `onLowPower` so the stage renders on demand: a
 * still piece, redrawn only when something on it changes, and a page that stays responsive.
 */
export function LowPowerGuard({ onLowPower }: { onLowPower: () => void }) {
  const state = useRef({ seen: 0, start: 0, decided: false });
  useFrame(() => {
    const s = state.current;
    if (s.decided) return;
    s.seen++;
    if (s.seen === SKIP_FRAMES) s.start = performance.now();
    if (s.seen < SKIP_FRAMES + SAMPLE_FRAMES) return;
    s.decided = true;
    const fps = (SAMPLE_FRAMES * 1000) / Math.max(1, performance.now() - s.start);
    if (fps < MIN_FPS) onLowPower();
  });
  return null;
}
