/**
 * The texture of an engraving: the text in the declared font, drawn as a cut in metal on a
 * transparent canvas (a shadowed groove under a bright edge), for a patch on the model's surface.
 */
import { CanvasTexture, SRGBColorSpace } from "three";
import type { EngravingFont } from "../../../shared/personalisation.ts";
import { SANS, SERIF } from "../fonts.ts";

const FAMILIES: Record<EngravingFont, { family: string; weight: number }> = {
  "cormorant-garamond": { family: SERIF, weight: 600 },
  inter: { family: SANS, weight: 500 },
};

export function engravingTexture(
  text: string,
  font: EngravingFont,
  size: { width: number; height: number },
  ink: string,
): CanvasTexture {
  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  const g = canvas.getContext("2d");
  if (g) {
    const { family, weight } = FAMILIES[font];
    // As large as fits: one line, a margin all round.
    let px = size.height * 0.62;
    g.font = `${weight} ${px}px ${family}`;
    const fit = (size.width * 0.86) / Math.max(1, g.measureText(text).width);
    if (fit < 1) px *= fit;
    g.font = `${weight} ${px}px ${family}`;
    g.textAlign = "center";
    g.textBaseline = "middle";
    const x = size.width / 2;
    const y = size.height / 2;
    g.fillStyle = "rgba(0,0,0,0.55)";
    g.fillText(text, x + px * 0.03, y + px * 0.04);
    g.fillStyle = ink;
    g.fillText(text, x, y);
  }
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.anisotropy = 4;
  return texture;
}
