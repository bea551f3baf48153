/** Where the last click-to-walk landed and when, read by ClickMarker each frame. */
export const clickMarker = { x: 0, z: 0, at: -1 };

export function showClickMarker(x: number, z: number): void {
  clickMarker.x = x;
  clickMarker.z = z;
  clickMarker.at = performance.now();
}
