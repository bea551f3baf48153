import { CanvasTexture, SRGBColorSpace } from "three";
import { SANS, SERIF } from "../fonts.ts";

export const PLAQUE_CANVAS = { width: 1024, height: 384 };

export type PlaqueContent = {
  /** The action or state, e.g. "CLAIM" or "OPENS SOON", set in spaced serif capitals. */
  title: string;
  /** A second line: stock left, a countdown, a reason. */
  detail: string;
  /** Gold when pressing it does something, quiet ivory otherwise. */
  active: boolean;
};

/**
 * Paints the claim plaque: black lacquer inside a thin brass rule, the action in Cormorant capitals,
 * the detail in small spaced Inter. Drawn on a canvas so the plaque is part of the scene (lit,
 * in perspective), repainted only when its words change.
 */
export function paintPlaque(canvas: HTMLCanvasElement, content: PlaqueContent): void {
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const { width: w, height: h } = canvas;
  const gold = "#d9b878";
  const ivory = "#efe7d8";
  const lacquer = ctx.createLinearGradient(0, 0, 0, h);
  lacquer.addColorStop(0, content.active ? "#1c1812" : "#15151a");
  lacquer.addColorStop(1, "#0b0b0e");
  ctx.fillStyle = lacquer;
  ctx.fillRect(0, 0, w, h);
  ctx.strokeStyle = gold;
  ctx.globalAlpha = 0.85;
  ctx.lineWidth = 6;
  ctx.strokeRect(18, 18, w - 36, h - 36);
  ctx.lineWidth = 2;
  ctx.strokeRect(34, 34, w - 68, h - 68);
  ctx.globalAlpha = 1;

  ctx.textAlign = "center";
  ctx.fillStyle = content.active ? gold : ivory;
  let size = 118;
  ctx.letterSpacing = "0.18em";
  ctx.font = `600 ${size}px ${SERIF}`;
  const title = content.title.toLocaleUpperCase();
  const measured = ctx.measureText(title).width;
  if (measured > w * 0.82) {
    size = Math.floor((size * w * 0.82) / measured);
    ctx.font = `600 ${size}px ${SERIF}`;
  }
  ctx.fillText(title, w / 2, h * 0.56);

  ctx.letterSpacing = "0.28em";
  ctx.font = `500 34px ${SANS}`;
  ctx.fillStyle = ivory;
  ctx.globalAlpha = 0.8;
  ctx.fillText(content.detail.toLocaleUpperCase(), w / 2, h * 0.8, w * 0.86);
  ctx.globalAlpha = 1;
}

export function createPlaqueTexture(): { texture: CanvasTexture; canvas: HTMLCanvasElement } {
  const canvas = document.createElement("canvas");
  canvas.width = PLAQUE_CANVAS.width;
  canvas.height = PLAQUE_CANVAS.height;
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.anisotropy = 8;
  return { texture, canvas };
}
