import { CanvasTexture, SRGBColorSpace } from "three";
import { SANS, SERIF } from "../fonts.ts";

export const PLAQUE_CANVAS = { width: 1024, height: 512 };

export type PlaqueWords = { name: string; edition: string; brand: string };

function fit(
  ctx: CanvasRenderingContext2D,
  text: string,
  font: (size: number) => string,
  size: number,
  max: number,
) {
  ctx.font = font(size);
  const width = ctx.measureText(text).width;
  if (width > max) ctx.font = font(Math.floor((size * max) / width));
}

/**
 * Paints a pedestal's plaque: black lacquer inside a double brass rule, the brand in spaced small
 * capitals, the piece's name in Cormorant, and its edition ("#17 of 250") in gold.
 */
export function paintPedestalPlaque(canvas: HTMLCanvasElement, words: PlaqueWords): void {
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const { width: w, height: h } = canvas;
  const gold = "#dcbb7c";
  const ivory = "#f1e9da";
  const lacquer = ctx.createLinearGradient(0, 0, 0, h);
  lacquer.addColorStop(0, "#1b1820");
  lacquer.addColorStop(1, "#0b0a0e");
  ctx.fillStyle = lacquer;
  ctx.fillRect(0, 0, w, h);
  ctx.strokeStyle = gold;
  ctx.globalAlpha = 0.9;
  ctx.lineWidth = 8;
  ctx.strokeRect(16, 16, w - 32, h - 32);
  ctx.lineWidth = 2;
  ctx.strokeRect(36, 36, w - 72, h - 72);
  ctx.globalAlpha = 1;
  ctx.textAlign = "center";
  ctx.textBaseline = "alphabetic";

  ctx.fillStyle = gold;
  ctx.letterSpacing = "0.32em";
  fit(ctx, words.brand.toLocaleUpperCase(), (s) => `500 ${s}px ${SANS}`, 34, w * 0.8);
  ctx.fillText(words.brand.toLocaleUpperCase(), w / 2, h * 0.24);

  ctx.fillStyle = ivory;
  ctx.letterSpacing = "0.02em";
  fit(ctx, words.name, (s) => `600 ${s}px ${SERIF}`, 112, w * 0.84);
  ctx.fillText(words.name, w / 2, h * 0.55);

  ctx.fillStyle = gold;
  ctx.fillRect(w / 2 - 60, h * 0.64, 120, 2);
  ctx.letterSpacing = "0.12em";
  fit(ctx, words.edition, (s) => `500 ${s}px ${SERIF}`, 88, w * 0.8);
  ctx.fillText(words.edition, w / 2, h * 0.84);
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
