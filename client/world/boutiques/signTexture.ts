import { CanvasTexture, SRGBColorSpace } from "three";
import { SANS, SERIF } from "../fonts.ts";

export const SIGN_CANVAS = { width: 2048, height: 320 };

export type SignContent = { name: string; tagline: string; color: string; glow: string };

/**
 * Paints a brand's name in spaced Cormorant capitals with a soft halo of the window light, and its
 * tagline in small spaced Inter below. Transparent background: the sign reads as letters mounted
 * on the facade.
 */
export function paintSign(canvas: HTMLCanvasElement, sign: SignContent): void {
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const { width: w, height: h } = canvas;
  ctx.clearRect(0, 0, w, h);
  ctx.textAlign = "center";
  ctx.textBaseline = "alphabetic";
  const name = sign.name.toLocaleUpperCase();
  let size = 190;
  ctx.letterSpacing = "0.16em";
  ctx.font = `600 ${size}px ${SERIF}`;
  const measured = ctx.measureText(name).width;
  if (measured > w * 0.9) {
    size = Math.floor((size * w * 0.9) / measured);
    ctx.font = `600 ${size}px ${SERIF}`;
  }
  const baseline = h * 0.64;
  ctx.save();
  ctx.shadowColor = sign.glow;
  ctx.shadowBlur = 28;
  ctx.fillStyle = sign.color;
  ctx.globalAlpha = 0.55;
  ctx.fillText(name, w / 2, baseline);
  ctx.restore();
  ctx.fillStyle = sign.color;
  ctx.fillText(name, w / 2, baseline);

  if (sign.tagline) {
    ctx.letterSpacing = "0.42em";
    ctx.font = `500 38px ${SANS}`;
    ctx.globalAlpha = 0.85;
    ctx.fillText(sign.tagline.toLocaleUpperCase(), w / 2, h * 0.9);
    ctx.globalAlpha = 1;
  }
}

/** Signs per atlas: 12 rows of 2048 × 320 make a 2048 × 3840 texture, within every WebGL2 limit. */
export const SIGN_ATLAS_ROWS = 12;

/**
 * One texture for many signs, one sign per row, so every boutique's sign shares one material and
 * the avenue's batch draws them all in one call (BrandSign maps its quad onto its row).
 */
export function createSignAtlas(signs: readonly SignContent[]): CanvasTexture {
  const canvas = document.createElement("canvas");
  canvas.width = SIGN_CANVAS.width;
  canvas.height = SIGN_CANVAS.height * Math.max(1, signs.length);
  paintSignAtlas(canvas, signs);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.anisotropy = 8;
  return texture;
}

/** Paints each sign into its row of an atlas canvas (again once the bundled fonts have loaded). */
export function paintSignAtlas(atlas: HTMLCanvasElement, signs: readonly SignContent[]): void {
  const ctx = atlas.getContext("2d");
  if (!ctx) return;
  ctx.clearRect(0, 0, atlas.width, atlas.height);
  const row = document.createElement("canvas");
  row.width = SIGN_CANVAS.width;
  row.height = SIGN_CANVAS.height;
  signs.forEach((sign, i) => {
    paintSign(row, sign);
    ctx.drawImage(row, 0, i * SIGN_CANVAS.height);
  });
}
