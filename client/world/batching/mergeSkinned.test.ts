import assert from "node:assert/strict";
import { test } from "node:test";
import {
  Bone,
  BoxGeometry,
  Group,
  Matrix4,
  MeshStandardMaterial,
  Skeleton,
  SkinnedMesh,
  Uint16BufferAttribute,
  Vector3,
} from "three";
import { mergeSkinnedMeshes } from "./mergeSkinned.ts";

/** A two-bone arm: the root at the origin, the elbow one metre up. */
function arm(): { root: Bone; elbow: Bone } {
  const root = new Bone();
  const elbow = new Bone();
  elbow.position.y = 1;
  root.add(elbow);
  return { root, elbow };
}

/** Every vertex of every skinned mesh under `root`, skinned and in world space, sorted. */
function skinnedWorld(root: Group): string[] {
  root.updateMatrixWorld(true);
  const out: string[] = [];
  root.traverse((o) => {
    if (!(o instanceof SkinnedMesh)) return;
    o.skeleton.update();
    const p = o.geometry.getAttribute("position");
    const v = new Vector3();
    for (let i = 0; i < p.count; i++) {
      o.getVertexPosition(i, v);
      v.applyMatrix4(o.matrixWorld);
      out.push(`${v.x.toFixed(3)},${v.y.toFixed(3)},${v.z.toFixed(3)}`);
    }
  });
  return out.sort();
}

function rig(secondBind: Matrix4) {
  const root = new Group();
  const { root: b0, elbow } = arm();
  root.add(b0);
  root.updateMatrixWorld(true);
  const gold = new MeshStandardMaterial();
  const pearl = new MeshStandardMaterial();
  const inverses = [b0.matrixWorld.clone().invert(), elbow.matrixWorld.clone().invert()];
  const make = (bone: number, offset: Vector3, material: MeshStandardMaterial, bind: Matrix4) => {
    const g = new BoxGeometry(0.2, 0.2, 0.2);
    g.translate(offset.x, offset.y, offset.z);
    const n = g.getAttribute("position").count;
    const index = new Uint16BufferAttribute(new Uint16Array(n * 4), 4);
    const weight = new Uint16BufferAttribute(new Uint16Array(n * 4), 4);
    weight.normalized = true;
    for (let i = 0; i < n; i++) {
      index.setX(i, bone);
      weight.setX(i, 65535);
    }
    g.setAttribute("skinIndex", index);
    g.setAttribute("skinWeight", weight);
    const mesh = new SkinnedMesh(g, material);
    root.add(mesh);
    // Each mesh has a skeleton of its own over the same bones and inverse bind matrices (as
    // GLTFLoader builds them), and its own bind matrix (its node's place).
    mesh.bind(
      new Skeleton(
        [b0, elbow],
        inverses.map((inv) => inv.clone()),
      ),
      bind,
    );
    return mesh;
  };
  make(0, new Vector3(0.5, 0, 0), gold, new Matrix4());
  make(1, new Vector3(-0.5, 1, 0), gold, secondBind);
  make(1, new Vector3(0, 1.2, 0), pearl, new Matrix4());
  return { root, elbow };
}

test("skinned parts sharing a material and bones merge into one mesh that skins the same", () => {
  const { root, elbow } = rig(new Matrix4().makeTranslation(0, 0.5, 0.25));
  elbow.rotation.z = 0.7;
  const before = skinnedWorld(root);
  const removed = mergeSkinnedMeshes(root);
  assert.equal(removed, 1, "the two gold parts became one");
  const meshes: SkinnedMesh[] = [];
  root.traverse((o) => {
    if (o instanceof SkinnedMesh) meshes.push(o);
  });
  assert.equal(meshes.length, 2, "one mesh per material");
  assert.deepEqual(skinnedWorld(root), before, "every vertex lands where it did");
  elbow.rotation.z = -1.1;
  const moved = skinnedWorld(root);
  assert.notDeepEqual(moved, before, "the merged mesh still follows its bones");
  assert.equal(mergeSkinnedMeshes(root), 0, "a second run finds nothing to merge");
});

test("meshes whose skins disagree joint by joint are left alone", () => {
  const { root } = rig(new Matrix4());
  const meshes: SkinnedMesh[] = [];
  root.traverse((o) => {
    if (o instanceof SkinnedMesh) meshes.push(o);
  });
  const second = meshes[1];
  assert.ok(second);
  second.skeleton.boneInverses[1]?.multiply(new Matrix4().makeRotationZ(0.3));
  assert.equal(mergeSkinnedMeshes(root), 0);
});
