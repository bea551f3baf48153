import { CanvasTexture, SRGBColorSpace } from "three";

/**
 * The salon's floor as a painted pool of warm light under the pedestal that falls off into the
 * night at the rim, the colour the backdrop's foot fades to, so floor and wall meet without a seam.
 */
export function createFloorTexture(): CanvasTexture {
  const canvas = document.createElement("canvas");
  canvas.width = 512;
  canvas.height = 512;
  const ctx = canvas.getContext("2d");
  if (ctx) {
    const pool = ctx.createRadialGradient(256, 256, 0, 256, 256, 256);
    pool.addColorStop(0, "#3a3128");
    pool.addColorStop(0.1, "#2a241f");
    pool.addColorStop(0.28, "#16151a");
    pool.addColorStop(0.45, "#0c0d13");
    pool.addColorStop(1, "#0c0d13");
    ctx.fillStyle = pool;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  }
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}
