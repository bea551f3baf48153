/**
 * The salon's window onto the avenue at dusk, painted once on a canvas: a violet-to-amber sky,
 * the roofline of the facades opposite, and their lit windows. No image is fetched.
 */
import { CanvasTexture, SRGBColorSpace } from "three";

export function createDuskWindowTexture(): CanvasTexture {
  const w = 1024;
  const h = 512;
  const canvas = document.createElement("canvas");
  canvas.width = w;
  canvas.height = h;
  const g = canvas.getContext("2d");
  if (g) {
    const sky = g.createLinearGradient(0, 0, 0, h);
    sky.addColorStop(0, "#1c1733");
    sky.addColorStop(0.45, "#5b3a5e");
    sky.addColorStop(0.72, "#c9785a");
    sky.addColorStop(1, "#f0b070");
    g.fillStyle = sky;
    g.fillRect(0, 0, w, h);
    // The facades across the avenue: a roofline of stepped blocks, each with its lit windows.
    let x = 0;
    let seed = 7;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    while (x < w) {
      const bw = 90 + rand() * 120;
      const top = h * (0.38 + rand() * 0.2);
      g.fillStyle = "#171220";
      g.fillRect(x, top, bw + 1, h - top);
      for (let wy = top + 18; wy < h - 20; wy += 34) {
        for (let wx = x + 12; wx < x + bw - 18; wx += 26) {
          if (rand() < 0.45) continue;
          g.fillStyle = rand() < 0.5 ? "rgba(255,200,120,0.85)" : "rgba(255,226,170,0.65)";
          g.fillRect(wx, wy, 10, 16);
        }
      }
      x += bw;
    }
    // A warm haze of street lamps along the bottom.
    const haze = g.createLinearGradient(0, h * 0.8, 0, h);
    haze.addColorStop(0, "rgba(255,190,110,0)");
    haze.addColorStop(1, "rgba(255,190,110,0.45)");
    g.fillStyle = haze;
    g.fillRect(0, h * 0.8, w, h * 0.2);
  }
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}
