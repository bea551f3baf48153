import type { CanvasTexture } from "three";
import { canvasTexture, seededRandom } from "../util/canvasTexture.ts";

/** Pixels per metre of the paving canvases. */
const PX = 128;

/**
 * Granite setts laid in rows, 4 m square per tile: warm grey stones with dark joints and a
 * little speckle. Greyscale-ish so the material colour can tint it.
 */
export function settsTexture(): CanvasTexture {
  const rand = seededRandom(11);
  return canvasTexture(4 * PX, 4 * PX, (ctx, w, h) => {
    ctx.fillStyle = "#2a2826";
    ctx.fillRect(0, 0, w, h);
    const rowH = 0.16 * PX;
    for (let y = 0, row = 0; y < h; y += rowH, row++) {
      let x = row % 2 === 0 ? 0 : -0.1 * PX;
      while (x < w) {
        const sw = (0.16 + rand() * 0.08) * PX;
        const v = 92 + Math.floor(rand() * 46);
        ctx.fillStyle = `rgb(${v + 4},${v},${v - 6})`;
        ctx.beginPath();
        ctx.roundRect(x + 2, y + 2, sw - 4, rowH - 4, 5);
        ctx.fill();
        x += sw;
      }
    }
    speckle(ctx, w, h, rand, 5000);
  });
}

/** Limestone slabs in staggered courses, 4 m square per tile, for sidewalks and plazas. */
export function slabsTexture(): CanvasTexture {
  const rand = seededRandom(23);
  return canvasTexture(4 * PX, 4 * PX, (ctx, w, h) => {
    ctx.fillStyle = "#8d867c";
    ctx.fillRect(0, 0, w, h);
    const courseH = 0.4 * PX;
    for (let y = 0, row = 0; y < h; y += courseH, row++) {
      let x = row % 2 === 0 ? 0 : -0.3 * PX;
      while (x < w) {
        const sw = (0.6 + Math.floor(rand() * 3) * 0.1) * PX;
        const v = 196 + Math.floor(rand() * 14);
        ctx.fillStyle = `rgb(${v},${v - 4},${v - 10})`;
        ctx.fillRect(x + 1, y + 1, sw - 2, courseH - 2);
        x += sw;
      }
    }
    // A band of darker granite every 4 m frames the limestone like a laid plaza.
    ctx.fillStyle = "rgba(60,54,50,0.35)";
    ctx.fillRect(0, 0, w, 0.1 * PX);
    ctx.fillRect(0, 0, 0.1 * PX, h);
    speckle(ctx, w, h, rand, 9000);
  });
}

function speckle(ctx: CanvasRenderingContext2D, w: number, h: number, rand: () => number, n: number): void {
  for (let i = 0; i < n; i++) {
    const a = rand() * 0.12;
    ctx.fillStyle = rand() < 0.5 ? `rgba(0,0,0,${a})` : `rgba(255,255,255,${a})`;
    ctx.fillRect(rand() * w, rand() * h, 2, 2);
  }
}

/** A compass-rose inlay in brass on dark stone, with a transparent surround. */
export function medallionTexture(): CanvasTexture {
  return canvasTexture(512, 512, (ctx, w) => {
    const c = w / 2;
    ctx.translate(c, c);
    ctx.fillStyle = "#2b2724";
    ctx.beginPath();
    ctx.arc(0, 0, c - 2, 0, Math.PI * 2);
    ctx.fill();
    ctx.strokeStyle = "#c9a15e";
    for (const [r, lw] of [
      [c - 10, 6],
      [c - 26, 2],
      [c * 0.42, 2],
    ] as const) {
      ctx.lineWidth = lw;
      ctx.beginPath();
      ctx.arc(0, 0, r, 0, Math.PI * 2);
      ctx.stroke();
    }
    for (let i = 0; i < 16; i++) {
      const long = i % 4 === 0;
      const len = long ? c - 30 : i % 2 === 0 ? c * 0.72 : c * 0.55;
      ctx.save();
      ctx.rotate((i * Math.PI) / 8);
      ctx.fillStyle = i % 2 === 0 ? "#c9a15e" : "#8a6a3a";
      ctx.beginPath();
      ctx.moveTo(0, -len);
      ctx.lineTo(long ? 18 : 11, 0);
      ctx.lineTo(0, long ? 30 : 18);
      ctx.lineTo(long ? -18 : -11, 0);
      ctx.closePath();
      ctx.fill();
      ctx.restore();
    }
  });
}
