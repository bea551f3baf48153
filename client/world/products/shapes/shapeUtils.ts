import {
  Box3,
  type BufferGeometry,
  Group,
  LatheGeometry,
  type Material,
  Mesh,
  type Object3D,
  Vector2,
  Vector3,
} from "three";

/** A lathe from (radius, y) pairs. */
export function lathe(points: readonly [number, number][], segments = 48): LatheGeometry {
  return new LatheGeometry(
    points.map(([r, y]) => new Vector2(r, y)),
    segments,
  );
}

export function part(geometry: BufferGeometry, material: Material, x = 0, y = 0, z = 0): Mesh {
  const mesh = new Mesh(geometry, material);
  mesh.position.set(x, y, z);
  return mesh;
}

const box = new Box3();
const size = new Vector3();
const centre = new Vector3();

/**
 * Wraps a built product so that it is exactly 1 unit tall, stands on y = 0 and is centred on the
 * y axis: its parent then only scales it to the catalog's displayHeight.
 */
export function normalised(content: Object3D): Group {
  box.setFromObject(content);
  box.getSize(size);
  box.getCenter(centre);
  const s = size.y > 1e-6 ? 1 / size.y : 1;
  content.position.set(-centre.x, -box.min.y, -centre.z);
  const outer = new Group();
  outer.scale.setScalar(s);
  outer.add(content);
  const wrapper = new Group();
  wrapper.add(outer);
  return wrapper;
}

/** Frees every geometry and material under an object built for one product. */
export function disposeDeep(root: Object3D): void {
  root.traverse((o) => {
    if (o instanceof Mesh) {
      o.geometry.dispose();
      const m = o.material as Material | Material[];
      for (const mat of Array.isArray(m) ? m : [m]) mat.dispose();
    }
  });
}
