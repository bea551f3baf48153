import { type CanvasTexture, Color, MeshPhysicalMaterial, MeshStandardMaterial } from "three";
import type { Brand } from "../../../../shared/catalog.ts";
import { canvasTexture, seededRandom } from "../../util/canvasTexture.ts";

let ashlar: CanvasTexture | null = null;
let panels: CanvasTexture | null = null;

/** Greyscale dressed-stone courses (0.5 m high) for 4 m of wall; multiplied by the brand's wall colour. */
function ashlarTexture(): CanvasTexture {
  ashlar ??= canvasTexture(512, 512, (ctx, w, h) => {
    const rand = seededRandom(3);
    const course = h / 8;
    for (let r = 0; r < 8; r++) {
      let x = r % 2 === 0 ? 0 : -w / 8;
      while (x < w) {
        const bw = (w / 8) * (1.5 + Math.floor(rand() * 2) * 0.5);
        const v = 232 + Math.floor(rand() * 20);
        ctx.fillStyle = `rgb(${v},${v},${v})`;
        ctx.fillRect(x, r * course, bw, course);
        ctx.fillStyle = "rgba(0,0,0,0.28)";
        ctx.fillRect(x, r * course, 2, course);
        x += bw;
      }
      ctx.fillStyle = "rgba(0,0,0,0.32)";
      ctx.fillRect(0, r * course, w, 3);
    }
  });
  ashlar.repeat.set(0.25, 0.25);
  return ashlar;
}

/** Lacquered panels 1.5 m wide and 3 m high with fine shadow gaps, 6 m square per tile. */
function panelTexture(): CanvasTexture {
  panels ??= canvasTexture(512, 512, (ctx, w, h) => {
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, w, h);
    ctx.fillStyle = "rgba(0,0,0,0.55)";
    for (let i = 0; i < 4; i++) ctx.fillRect((i * w) / 4, 0, 2, h);
    for (let j = 0; j < 2; j++) ctx.fillRect(0, (j * h) / 2, w, 2);
  });
  panels.repeat.set(1 / 6, 1 / 6);
  return panels;
}

export type FacadeMaterials = {
  wall: MeshStandardMaterial;
  trim: MeshStandardMaterial;
  /** Dark upper-storey glass with a faint warm glow from within. */
  upperGlass: MeshStandardMaterial;
};

/** The brand's wall and trim materials for its facade style. Caller disposes (textures are shared). */
export function facadeMaterials(brand: Brand): FacadeMaterials {
  const { style, wall, trim, light } = brand.facade;
  const wallMaterial =
    style === "modern"
      ? new MeshPhysicalMaterial({
          color: wall,
          map: panelTexture(),
          roughness: 0.28,
          metalness: 0.1,
          clearcoat: 1,
          clearcoatRoughness: 0.06,
        })
      : style === "glass"
        ? new MeshStandardMaterial({ color: wall, roughness: 0.12, metalness: 0.7 })
        : new MeshStandardMaterial({ color: wall, map: ashlarTexture(), roughness: 0.78 });
  // Trim reads as polished metal (brass, bronze, steel) whatever its hue.
  const trimMaterial = new MeshStandardMaterial({ color: trim, roughness: 0.32, metalness: 0.75 });
  const glow = new Color(light).multiplyScalar(0.12);
  const upperGlass = new MeshStandardMaterial({
    color: "#0f1118",
    roughness: 0.08,
    metalness: 0.6,
    emissive: glow,
    emissiveIntensity: 0.9,
  });
  return { wall: wallMaterial, trim: trimMaterial, upperGlass };
}
