import { type InstancedMesh, Matrix4, Quaternion, Vector3 } from "three";

export type InstanceTransform = { x: number; y: number; z: number; rotationY?: number; scale?: number };

const m = new Matrix4();
const q = new Quaternion();
const p = new Vector3();
const s = new Vector3();
const up = new Vector3(0, 1, 0);

/** Writes static transforms into an InstancedMesh once (props, pedestals) and fixes its bounds. */
export function placeInstances(mesh: InstancedMesh, transforms: readonly InstanceTransform[]): void {
  transforms.forEach((t, i) => {
    q.setFromAxisAngle(up, t.rotationY ?? 0);
    p.set(t.x, t.y, t.z);
    s.setScalar(t.scale ?? 1);
    mesh.setMatrixAt(i, m.compose(p, q, s));
  });
  mesh.count = transforms.length;
  mesh.instanceMatrix.needsUpdate = true;
  mesh.computeBoundingSphere();
  mesh.computeBoundingBox();
}
