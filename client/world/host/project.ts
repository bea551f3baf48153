import type { Camera } from "three";
import { Vector3 } from "three";

const v = new Vector3();

/**
 * Projects a world point to CSS pixels of a canvas of `width` × `height`; null when it is behind
 * the camera or farther than `maxDistance`. Writes into `out` (no allocation per frame).
 */
export function projectToScreen(
  camera: Camera,
  x: number,
  y: number,
  z: number,
  width: number,
  height: number,
  maxDistance: number,
  out: { x: number; y: number; distance: number },
): boolean {
  v.set(x, y, z);
  out.distance = v.distanceTo(camera.position);
  if (out.distance > maxDistance) return false;
  v.applyMatrix4(camera.matrixWorldInverse);
  if (v.z > -0.2) return false;
  v.applyMatrix4(camera.projectionMatrix);
  out.x = (v.x * 0.5 + 0.5) * width;
  out.y = (-v.y * 0.5 + 0.5) * height;
  return out.x > -200 && out.x < width + 200 && out.y > -200 && out.y < height + 200;
}

/** Puts a DOM element at a projected point, anchored by its bottom centre. */
export function placeElement(el: HTMLElement, x: number, y: number): void {
  el.style.transform = `translate3d(${x.toFixed(1)}px, ${y.toFixed(1)}px, 0) translate(-50%, -100%)`;
}
