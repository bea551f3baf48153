import { CanvasTexture, RepeatWrapping, SRGBColorSpace } from "three";

export type CanvasPainter = (ctx: CanvasRenderingContext2D, width: number, height: number) => void;

/** Paints a canvas once and wraps it as a repeating texture (sRGB unless it is a data map such as bump). */
export function canvasTexture(
  width: number,
  height: number,
  paint: CanvasPainter,
  options: { srgb?: boolean; repeatX?: number; repeatY?: number; anisotropy?: number } = {},
): CanvasTexture {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  if (ctx) paint(ctx, width, height);
  const texture = new CanvasTexture(canvas);
  if (options.srgb !== false) texture.colorSpace = SRGBColorSpace;
  texture.wrapS = RepeatWrapping;
  texture.wrapT = RepeatWrapping;
  texture.repeat.set(options.repeatX ?? 1, options.repeatY ?? 1);
  texture.anisotropy = options.anisotropy ?? 8;
  return texture;
}

/** Small deterministic PRNG (mulberry32) so procedural textures look the same on every visit. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A radial glow sprite: white centre fading to transparent, used for halos and light pools. */
export function radialGlowTexture(size = 128, falloff = 2): CanvasTexture {
  return canvasTexture(size, size, (ctx, w, h) => {
    const g = ctx.createRadialGradient(w / 2, h / 2, 0, w / 2, h / 2, w / 2);
    for (let i = 0; i <= 8; i++) {
      const t = i / 8;
      g.addColorStop(t, `rgba(255,255,255,${(1 - t) ** falloff})`);
    }
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, w, h);
  });
}
