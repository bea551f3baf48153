import { type BufferGeometry, type Material, Matrix4, type Object3D, SkinnedMesh } from "three";
import { mergeGeometries } from "three/examples/jsm/utils/BufferGeometryUtils.js";

const EPSILON = 1e-4;

function sameMatrix(a: Matrix4, b: Matrix4): boolean {
  for (let i = 0; i < 16; i++)
    if (Math.abs((a.elements[i] ?? 0) - (b.elements[i] ?? 0)) > EPSILON) return false;
  return true;
}

/**
 * The matrix that carries `mesh`'s bind-space vertices into the reference's skin space, so that
 * they skin the same with the reference's inverse bind matrices: one matrix for every joint, or
 * null when the two skins disagree joint by joint (then the meshes cannot share a skeleton).
 */
function intoReference(mesh: SkinnedMesh, reference: SkinnedMesh): Matrix4 | null {
  const ref = reference.skeleton;
  const own = mesh.skeleton;
  if (own.bones.length !== ref.bones.length) return null;
  let found: Matrix4 | null = null;
  for (let j = 0; j < ref.bones.length; j++) {
    if (own.bones[j] !== ref.bones[j]) return null;
    const refInverse = ref.boneInverses[j];
    const ownInverse = own.boneInverses[j];
    if (!refInverse || !ownInverse) return null;
    // refInverse · M = ownInverse · bindMatrix, for every joint.
    const m = refInverse.clone().invert().multiply(ownInverse).multiply(mesh.bindMatrix);
    if (!found) found = m;
    else if (!sameMatrix(found, m)) return null;
  }
  return found;
}

function plain(mesh: SkinnedMesh): boolean {
  return (
    !Array.isArray(mesh.material) &&
    Object.keys(mesh.geometry.morphAttributes).length === 0 &&
    mesh.geometry.hasAttribute("skinIndex") &&
    mesh.geometry.hasAttribute("skinWeight")
  );
}

/**
 * Merges the skinned meshes under `root` that share a material and a skeleton's bones into one
 * skinned mesh each: one draw per material instead of one per part (the host's two hands, each in
 * two materials, become two draws). The skinned result is the same: every vertex is carried into
 * the first mesh's skin space, and meshes whose skins disagree are left alone. Runs once on a
 * freshly loaded model (before an AnimationMixer binds to it); a second run finds nothing to merge.
 * Returns how many meshes were merged away.
 */
export function mergeSkinnedMeshes(root: Object3D): number {
  const groups = new Map<Material, SkinnedMesh[]>();
  root.updateMatrixWorld(true);
  root.traverse((o) => {
    if (!(o instanceof SkinnedMesh) || !plain(o)) return;
    const material = o.material as Material;
    const list = groups.get(material) ?? [];
    list.push(o);
    groups.set(material, list);
  });
  let removed = 0;
  for (const [material, meshes] of groups) {
    const reference = meshes[0];
    if (!reference || meshes.length < 2) continue;
    const geometries: BufferGeometry[] = [];
    const parts: SkinnedMesh[] = [];
    for (const mesh of meshes) {
      const m = intoReference(mesh, reference);
      if (!m) continue;
      const g = mesh.geometry.clone();
      g.applyMatrix4(m);
      geometries.push(g);
      parts.push(mesh);
    }
    if (parts.length < 2) continue;
    const merged = mergeGeometries(geometries, false);
    for (const g of geometries) g.dispose();
    if (!merged) continue;
    const mesh = new SkinnedMesh(merged, material);
    mesh.name = parts.map((p) => p.name).join("+");
    mesh.frustumCulled = reference.frustumCulled;
    mesh.castShadow = reference.castShadow;
    mesh.receiveShadow = reference.receiveShadow;
    mesh.renderOrder = reference.renderOrder;
    reference.parent?.add(mesh);
    // Vertices are already in the reference's skin space: bind with the identity.
    mesh.bind(reference.skeleton, new Matrix4());
    for (const p of parts) {
      p.removeFromParent();
      p.geometry.dispose();
    }
    removed += parts.length - 1;
  }
  return removed;
}
