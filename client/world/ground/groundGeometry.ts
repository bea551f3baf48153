import { BoxGeometry, type BufferGeometry, PlaneGeometry } from "three";

/** A horizontal rectangle at height y whose UVs are world metres divided by `tile`. */
export function worldPlane(
  x0: number,
  x1: number,
  z0: number,
  z1: number,
  y: number,
  tile: number,
): BufferGeometry {
  const g = new PlaneGeometry(x1 - x0, z1 - z0);
  g.rotateX(-Math.PI / 2);
  g.translate((x0 + x1) / 2, y, (z0 + z1) / 2);
  const pos = g.getAttribute("position");
  const uv = g.getAttribute("uv");
  for (let i = 0; i < pos.count; i++) uv.setXY(i, pos.getX(i) / tile, -pos.getZ(i) / tile);
  return g;
}

/** An axis-aligned box given by its extents. */
export function boxBetween(
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  z0: number,
  z1: number,
): BufferGeometry {
  const g = new BoxGeometry(x1 - x0, y1 - y0, z1 - z0);
  g.translate((x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2);
  return g;
}
