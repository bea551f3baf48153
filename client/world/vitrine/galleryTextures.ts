import { CanvasTexture, RepeatWrapping, SRGBColorSpace } from "three";

function canvas(width: number, height: number): [HTMLCanvasElement, CanvasRenderingContext2D | null] {
  const c = document.createElement("canvas");
  c.width = width;
  c.height = height;
  return [c, c.getContext("2d")];
}

function texture(c: HTMLCanvasElement, repeatX = 1, repeatY = 1): CanvasTexture {
  const t = new CanvasTexture(c);
  t.colorSpace = SRGBColorSpace;
  t.wrapS = t.wrapT = RepeatWrapping;
  t.repeat.set(repeatX, repeatY);
  t.anisotropy = 4;
  return t;
}

/**
 * Wall panelling: deep aubergine lacquer in tall panels with a thin brass rule between them and a
 * dado line low down, the way a jeweller's salon is dressed. One panel per texture repeat.
 */
export function createWallTexture(repeatX: number): CanvasTexture {
  const [c, ctx] = canvas(256, 512);
  if (ctx) {
    const g = ctx.createLinearGradient(0, 0, 0, 512);
    g.addColorStop(0, "#1c1720");
    g.addColorStop(0.55, "#2a2029");
    g.addColorStop(1, "#17121a");
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, 256, 512);
    // A recessed panel with a soft inner shade.
    ctx.strokeStyle = "rgba(0, 0, 0, 0.45)";
    ctx.lineWidth = 6;
    ctx.strokeRect(22, 40, 212, 330);
    ctx.strokeStyle = "rgba(201, 163, 97, 0.28)";
    ctx.lineWidth = 1.5;
    ctx.strokeRect(26, 44, 204, 322);
    // A wall-washer's warm cone from the cornice down each panel.
    const cone = ctx.createRadialGradient(128, -40, 10, 128, 60, 300);
    cone.addColorStop(0, "rgba(255, 214, 160, 0.34)");
    cone.addColorStop(0.45, "rgba(220, 170, 120, 0.12)");
    cone.addColorStop(1, "rgba(220, 170, 120, 0)");
    ctx.fillStyle = cone;
    ctx.fillRect(0, 0, 256, 512);
    // Brass dado rail and the joint between panels.
    ctx.fillStyle = "rgba(201, 163, 97, 0.55)";
    ctx.fillRect(0, 404, 256, 3);
    ctx.fillStyle = "rgba(201, 163, 97, 0.35)";
    ctx.fillRect(0, 0, 2, 512);
  }
  return texture(c, repeatX, 1);
}

/** The floor: large honed stone tiles, near-black with warm veining, seams barely there. */
export function createFloorTexture(repeatX: number, repeatY: number): CanvasTexture {
  const [c, ctx] = canvas(512, 512);
  if (ctx) {
    ctx.fillStyle = "#221d22";
    ctx.fillRect(0, 0, 512, 512);
    // Deterministic veining (a fixed pseudo-random walk) so every page paints the same stone.
    let seed = 7;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let v = 0; v < 14; v++) {
      ctx.strokeStyle = `rgba(${150 + rand() * 60}, ${120 + rand() * 40}, ${100 + rand() * 30}, ${0.04 + rand() * 0.06})`;
      ctx.lineWidth = 0.6 + rand() * 1.6;
      ctx.beginPath();
      let x = rand() * 512;
      let y = rand() * 512;
      ctx.moveTo(x, y);
      for (let s = 0; s < 12; s++) {
        x += (rand() - 0.3) * 70;
        y += (rand() - 0.5) * 50;
        ctx.lineTo(x, y);
      }
      ctx.stroke();
    }
    ctx.strokeStyle = "rgba(0, 0, 0, 0.55)";
    ctx.lineWidth = 2;
    ctx.strokeRect(1, 1, 510, 510);
  }
  return texture(c, repeatX, repeatY);
}

/** A warm pool of light on the floor under a pedestal: painted, so it costs no light. */
export function createPoolTexture(): CanvasTexture {
  const [c, ctx] = canvas(256, 256);
  if (ctx) {
    const g = ctx.createRadialGradient(128, 128, 0, 128, 128, 128);
    g.addColorStop(0, "rgba(255, 214, 160, 0.55)");
    g.addColorStop(0.35, "rgba(230, 180, 120, 0.22)");
    g.addColorStop(1, "rgba(230, 180, 120, 0)");
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, 256, 256);
  }
  const t = new CanvasTexture(c);
  t.colorSpace = SRGBColorSpace;
  return t;
}

/** The owner's name in gold serif capitals, for the back wall above the pieces (transparent around). */
export function createWallTitleTexture(
  title: string,
  eyebrow: string,
  serif: string,
  sans: string,
): CanvasTexture {
  const [c, ctx] = canvas(2048, 320);
  if (ctx) {
    ctx.textAlign = "center";
    ctx.fillStyle = "#d9b878";
    ctx.globalAlpha = 0.85;
    ctx.letterSpacing = "0.5em";
    ctx.font = `500 40px ${sans}`;
    ctx.fillText(eyebrow.toLocaleUpperCase(), 1024, 86);
    ctx.globalAlpha = 1;
    ctx.letterSpacing = "0.14em";
    let size = 150;
    ctx.font = `500 ${size}px ${serif}`;
    const width = ctx.measureText(title).width;
    if (width > 1900) {
      size = Math.floor((size * 1900) / width);
      ctx.font = `500 ${size}px ${serif}`;
    }
    ctx.fillText(title, 1024, 250);
  }
  const t = new CanvasTexture(c);
  t.colorSpace = SRGBColorSpace;
  t.anisotropy = 8;
  return t;
}
