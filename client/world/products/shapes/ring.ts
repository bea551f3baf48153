import { CylinderGeometry, Group, SphereGeometry, TorusGeometry } from "three";
import type { ProductMaterials } from "./productMaterials.ts";
import type { ShapeColors } from "./shapeTypes.ts";
import { lathe, part } from "./shapeUtils.ts";

/**
 * A solitaire standing in a velvet cushion: torus band and setting (primary metal), a brilliant-cut
 * stone (secondary; lathe with 8 facets) and a pavé halo (accent).
 */
export function buildRing(c: ShapeColors, m: ProductMaterials): Group {
  const g = new Group();
  const cushion = new SphereGeometry(0.5, 40, 20);
  cushion.scale(1, 0.38, 0.75);
  g.add(part(cushion, m.velvet("#2a2530"), 0, 0.19, 0));
  const band = new TorusGeometry(0.27, 0.042, 20, 72);
  g.add(part(band, m.metal(c.primary, 0.12), 0, 0.62, 0));
  const setting = new CylinderGeometry(0.055, 0.03, 0.08, 12);
  g.add(part(setting, m.metal(c.primary, 0.12), 0, 0.93, 0));
  const gem = lathe(
    [
      [0, -0.085],
      [0.115, 0.035],
      [0.118, 0.045],
      [0.075, 0.095],
      [0, 0.095],
    ],
    8,
  );
  g.add(part(gem, m.gem(c.secondary), 0, 1.02, 0));
  // A pavé halo round the stone, in the accent colour.
  const halo = new TorusGeometry(0.128, 0.014, 8, 40);
  halo.rotateX(Math.PI / 2);
  g.add(part(halo, m.metal(c.accent, 0.08), 0, 1.06, 0));
  return g;
}
