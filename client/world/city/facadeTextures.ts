import type { CanvasTexture } from "three";
import { canvasTexture, seededRandom } from "../util/canvasTexture.ts";

/** Pixels per metre of the city canvases; one tile is 12 m wide (four 3 m bays). */
const PX = 64;
export const CITY_TILE_WIDTH = 12;
const STOREY = 3;

export type LitTextures = { map: CanvasTexture; emissiveMap: CanvasTexture };

/** Paints the same windows twice: once as stone and glass, once as the light behind the glass. */
function litPair(
  width: number,
  height: number,
  seed: number,
  paint: (ctx: CanvasRenderingContext2D, glow: CanvasRenderingContext2D, rand: () => number) => void,
): LitTextures {
  let glowCtx: CanvasRenderingContext2D | null = null;
  const emissiveMap = canvasTexture(width, height, (ctx, w, h) => {
    ctx.fillStyle = "#000";
    ctx.fillRect(0, 0, w, h);
    glowCtx = ctx;
  });
  const map = canvasTexture(width, height, (ctx) => {
    if (glowCtx) paint(ctx, glowCtx, seededRandom(seed));
  });
  emissiveMap.needsUpdate = true;
  return { map, emissiveMap };
}

function litWindow(
  glow: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  rand: () => number,
) {
  const g = glow.createLinearGradient(0, y, 0, y + h);
  const warm = rand() < 0.75 ? "255,196,128" : "255,226,180";
  g.addColorStop(0, `rgba(${warm},0.55)`);
  g.addColorStop(1, `rgba(${warm},1)`);
  glow.fillStyle = g;
  glow.fillRect(x, y, w, h);
  // Curtains half drawn.
  glow.fillStyle = "rgba(60,30,10,0.55)";
  glow.fillRect(x, y, w * (0.15 + rand() * 0.2), h);
  glow.fillRect(x + w * (0.8 - rand() * 0.2), y, w, h);
}

/**
 * Haussmann-style upper storeys (three, 9 m): cream stone, string courses, tall windows with iron
 * balconies on the lowest and top floors, about a third of them lit.
 */
export function upperFloorsTextures(): LitTextures {
  const w = CITY_TILE_WIDTH * PX;
  const h = 3 * STOREY * PX;
  return litPair(w, h, 7, (ctx, glow, rand) => {
    ctx.fillStyle = "#d9cfbd";
    ctx.fillRect(0, 0, w, h);
    for (let s = 0; s < 3; s++) {
      const top = s * STOREY * PX;
      ctx.fillStyle = "rgba(90,80,64,0.35)";
      ctx.fillRect(0, top + STOREY * PX - 6, w, 4);
      for (let b = 0; b < 4; b++) {
        const x = (b * 3 + 0.85) * PX;
        const y = top + 0.55 * PX;
        const ww = 1.3 * PX;
        const wh = 2.1 * PX;
        ctx.fillStyle = "#8f8472";
        ctx.fillRect(x - 8, y - 8, ww + 16, wh + 12);
        ctx.fillStyle = "#1c1e28";
        ctx.fillRect(x, y, ww, wh);
        const lit = rand() < 0.36;
        if (lit) {
          ctx.fillStyle = "#a77a4c";
          ctx.fillRect(x, y, ww, wh);
          litWindow(glow, x, y, ww, wh, rand);
        }
        ctx.fillStyle = "#3a352e";
        ctx.fillRect(x + ww / 2 - 2, y, 4, wh);
        ctx.fillRect(x, y + wh * 0.62, ww, 3);
        if (s === 0 || s === 2 || rand() < 0.3) {
          // Wrought-iron railing across the lower part of the window.
          ctx.fillStyle = "#17181a";
          const ry = y + wh - 0.55 * PX;
          ctx.fillRect(x - 10, ry, ww + 20, 4);
          for (let k = 0; k < 9; k++) ctx.fillRect(x - 8 + (k * (ww + 16)) / 8, ry, 2, 0.55 * PX);
        }
      }
    }
  });
}

/** Slate mansard roof with lit dormers, 12 m by 4 m. */
export function mansardTextures(): LitTextures {
  const w = CITY_TILE_WIDTH * PX;
  const h = 4 * PX;
  return litPair(w, h, 13, (ctx, glow, rand) => {
    ctx.fillStyle = "#3b4150";
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = "rgba(0,0,0,0.18)";
    for (let y = 0; y < h; y += 10) ctx.fillRect(0, y, w, 2);
    for (let b = 0; b < 4; b++) {
      const x = (b * 3 + 1.05) * PX;
      const y = 1.2 * PX;
      ctx.fillStyle = "#cfc5b2";
      ctx.fillRect(x - 10, y - 16, 0.9 * PX + 20, 1.5 * PX + 16);
      ctx.fillStyle = "#1c1e28";
      ctx.fillRect(x, y, 0.9 * PX, 1.4 * PX);
      if (rand() < 0.4) litWindow(glow, x, y, 0.9 * PX, 1.4 * PX, rand);
    }
  });
}

/** Ground floors that are not boutiques: a rusticated arcade, dimly lit, 12 m by 9 m. */
export function arcadeBaseTextures(): LitTextures {
  const w = CITY_TILE_WIDTH * PX;
  const h = 9 * PX;
  return litPair(w, h, 17, (ctx, glow, rand) => {
    ctx.fillStyle = "#a49a8a";
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = "rgba(40,34,28,0.45)";
    for (let y = 0; y < h; y += 0.5 * PX) ctx.fillRect(0, y, w, 3);
    for (let b = 0; b < 3; b++) {
      const cx = (b * 4 + 2) * PX;
      const r = 1.3 * PX;
      const bottom = h;
      const spring = h - 4.2 * PX;
      ctx.fillStyle = "#15161c";
      ctx.beginPath();
      ctx.moveTo(cx - r, bottom);
      ctx.lineTo(cx - r, spring);
      ctx.arc(cx, spring, r, Math.PI, 0);
      ctx.lineTo(cx + r, bottom);
      ctx.fill();
      // A dimly lit shop front at the back of each arch, and a lantern under its crown.
      const lit = rand() < 0.7;
      const fx = cx - r * 0.78;
      const fw = r * 1.56;
      const fy = spring - 0.2 * PX;
      const fh = bottom - 0.35 * PX - fy;
      ctx.fillStyle = lit ? "#6b5238" : "#2a2622";
      ctx.fillRect(fx, fy, fw, fh);
      ctx.fillStyle = "#15161c";
      ctx.fillRect(cx - 2, fy, 4, fh);
      if (lit) {
        const g = glow.createLinearGradient(0, fy, 0, fy + fh);
        g.addColorStop(0, "rgba(255,205,150,0.75)");
        g.addColorStop(1, "rgba(255,190,130,0.35)");
        glow.fillStyle = g;
        glow.fillRect(fx, fy, fw, fh);
        glow.fillStyle = "#000";
        glow.fillRect(cx - 2, fy, 4, fh);
      }
      glow.fillStyle = "rgba(255,210,150,1)";
      glow.beginPath();
      glow.arc(cx, spring - r * 0.55, 6, 0, Math.PI * 2);
      glow.fill();
    }
  });
}
