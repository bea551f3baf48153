import { create } from "zustand";
import { QUALITY_LEVELS, type QualityLevel } from "./qualityController.ts";

/**
 * The quality level the avenue draws at now (AdaptiveQuality.tsx sets it), read by the canvas
 * (its pixel-ratio ceiling: a Canvas prop, so React owns it) and by products (where they switch
 * to their lighter model).
 */
export const useRenderQuality = create<{ dpr: number; lodDistance: number; level: number }>(() => {
  const top = QUALITY_LEVELS[QUALITY_LEVELS.length - 1] as QualityLevel;
  return { dpr: top.dpr, lodDistance: top.lodDistance, level: QUALITY_LEVELS.length - 1 };
});
