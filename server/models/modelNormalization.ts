/**
 * Makes a product stand on its display: the pivot moves to the centre of the base, and the model is
 * scaled to a sensible display height. Done by wrapping the scene's roots in one node, so skins and
 * animations (which target the original nodes) keep working.
 */
import type { Document } from "@gltf-transform/core";
import type { Normalization } from "../../shared/models.ts";
import { sceneBounds } from "./modelFigures.ts";

/** Display heights of the seed's products range from 0.25 to 0.55 m. */
export const MIN_DISPLAY_HEIGHT = 0.2;
export const MAX_DISPLAY_HEIGHT = 0.6;
/** Used when the model's own size says nothing useful (flat, or in unknown units). */
export const DEFAULT_DISPLAY_HEIGHT = 0.4;

const round = (v: number, digits = 6) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * The height (metres) to show a model of this height at: its own when plausible for a boutique
 * window, clamped to the range of the seed's products; a default when it is degenerate or absurd
 * (centimetre or millimetre exports).
 */
export function suggestDisplayHeight(height: number): number {
  if (!Number.isFinite(height) || height < 0.01 || height > 10) return DEFAULT_DISPLAY_HEIGHT;
  return round(Math.min(MAX_DISPLAY_HEIGHT, Math.max(MIN_DISPLAY_HEIGHT, height)), 3);
}

/**
 * Moves the pivot to the bottom centre and scales the model to its suggested display height.
 * @returns what was applied and the suggested height.
 */
export function normalizeModel(document: Document): { normalization: Normalization; displayHeight: number } {
  const bounds = sceneBounds(document);
  const [width, height, depth] = bounds.size;
  // A flat model (a rug, a painting lying down) is sized by its largest side.
  const reference = height > 1e-6 ? height : Math.max(width, depth);
  const displayHeight = suggestDisplayHeight(reference);
  const scale = reference > 1e-6 ? round(displayHeight / reference) : 1;
  const offset: [number, number, number] = [
    round(-scale * (bounds.min[0] + width / 2)),
    round(-scale * bounds.min[1]),
    round(-scale * (bounds.min[2] + depth / 2)),
  ];

  const root = document.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  if (scene) {
    const wrapper = document
      .createNode("vitrine-normalization")
      .setScale([scale, scale, scale])
      .setTranslation(offset);
    for (const child of scene.listChildren()) {
      scene.removeChild(child);
      wrapper.addChild(child);
    }
    scene.addChild(wrapper);
  }
  return { normalization: { scale, offset }, displayHeight };
}
