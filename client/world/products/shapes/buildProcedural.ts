import type { Group } from "three";
import type { ProceduralShape } from "../../../../shared/catalog.ts";
import { buildHandbag } from "./handbag.ts";
import { buildLipstick } from "./lipstick.ts";
import { buildPerfume } from "./perfume.ts";
import type { ProductMaterials } from "./productMaterials.ts";
import { buildRing } from "./ring.ts";
import type { ShapeColors } from "./shapeTypes.ts";
import { buildVase } from "./vase.ts";
import { buildWatch } from "./watch.ts";

const BUILDERS: Record<ProceduralShape, (c: ShapeColors, m: ProductMaterials) => Group> = {
  ring: buildRing,
  perfume: buildPerfume,
  handbag: buildHandbag,
  watch: buildWatch,
  lipstick: buildLipstick,
  vase: buildVase,
};

/** Builds a procedural product at its natural proportions (normalise it before display). */
export function buildProcedural(
  shape: ProceduralShape,
  colors: ShapeColors,
  materials: ProductMaterials,
): Group {
  return BUILDERS[shape](colors, materials);
}
