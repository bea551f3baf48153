import type { CanvasTexture } from "three";
import { canvasTexture } from "../util/canvasTexture.ts";

let wash: CanvasTexture | null = null;
let doors: { map: CanvasTexture; glow: CanvasTexture } | null = null;

/** Light washing down a vitrine's walls from a hidden ceiling track: bright top, soft pools below. */
export function windowWashTexture(): CanvasTexture {
  wash ??= canvasTexture(256, 256, (ctx, w, h) => {
    const g = ctx.createLinearGradient(0, 0, 0, h);
    g.addColorStop(0, "#ffffff");
    g.addColorStop(0.12, "#b8b8b8");
    g.addColorStop(0.6, "#5a5a5a");
    g.addColorStop(1, "#2e2e2e");
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, w, h);
    for (const x of [0.25, 0.75]) {
      const r = ctx.createRadialGradient(x * w, 0.1 * h, 0, x * w, 0.35 * h, 0.45 * h);
      r.addColorStop(0, "rgba(255,255,255,0.55)");
      r.addColorStop(1, "rgba(255,255,255,0)");
      ctx.fillStyle = r;
      ctx.fillRect(0, 0, w, h);
    }
  });
  return wash;
}

/**
 * A pair of glazed doors in brass frames: `map` holds the frames and tinted glass, `glow` is white
 * where light comes through the glass.
 */
export function doorTextures(): { map: CanvasTexture; glow: CanvasTexture } {
  if (doors) return doors;
  const paint = (ctx: CanvasRenderingContext2D, w: number, h: number, glow: boolean) => {
    ctx.fillStyle = glow ? "#000" : "#b08d52";
    ctx.fillRect(0, 0, w, h);
    for (const x0 of [0.06, 0.53]) {
      const g = ctx.createLinearGradient(0, 0, 0, h);
      g.addColorStop(0, glow ? "#ffffff" : "#f3e3c3");
      g.addColorStop(1, glow ? "#9a9a9a" : "#c9b38a");
      ctx.fillStyle = g;
      ctx.fillRect(x0 * w, 0.05 * h, 0.41 * w, 0.9 * h);
      if (!glow) {
        ctx.fillStyle = "#8a6a34";
        const hx = x0 < 0.5 ? (x0 + 0.37) * w : (x0 + 0.03) * w;
        ctx.fillRect(hx, 0.35 * h, 0.02 * w, 0.3 * h);
      }
    }
  };
  doors = {
    map: canvasTexture(128, 256, (ctx, w, h) => paint(ctx, w, h, false)),
    glow: canvasTexture(128, 256, (ctx, w, h) => paint(ctx, w, h, true)),
  };
  return doors;
}

let streaks: CanvasTexture | null = null;

/** Diagonal sheen on shop glass: an alpha map, mostly clear with two soft reflective bands. */
export function glassSheenTexture(): CanvasTexture {
  streaks ??= canvasTexture(
    256,
    256,
    (ctx, w, h) => {
      ctx.fillStyle = "#262626";
      ctx.fillRect(0, 0, w, h);
      ctx.translate(w / 2, h / 2);
      ctx.rotate(-0.6);
      for (const [x, bw, a] of [
        [-0.25, 0.22, 0.55],
        [0.12, 0.07, 0.4],
      ] as const) {
        const g = ctx.createLinearGradient(x * w, 0, (x + bw) * w, 0);
        g.addColorStop(0, "rgba(255,255,255,0)");
        g.addColorStop(0.5, `rgba(255,255,255,${a})`);
        g.addColorStop(1, "rgba(255,255,255,0)");
        ctx.fillStyle = g;
        ctx.fillRect(x * w, -h, bw * w, 2 * h);
      }
    },
    { srgb: false },
  );
  return streaks;
}
