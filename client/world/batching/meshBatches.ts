import { BatchedMesh, type Material, type Mesh, type Object3D } from "three";
import { batchGeometry } from "./batchGeometry.ts";
import { type BatchableMaterial, batchKey, levelOf } from "./batchKey.ts";
import { batchMaterial } from "./batchMaterial.ts";

/** One draw per material kind: the BatchedMeshes standing in for many meshes, and which mesh is which instance. */
export type MeshBatches = {
  batches: BatchedMesh[];
  /** `level`: the level of detail the mesh belongs to (batchKey.ts `levelOf`), drawn while it is shown. */
  members: Array<{ batch: BatchedMesh; instance: number; mesh: Mesh; level: Object3D | null }>;
};

/**
 * Groups meshes by what their materials share (batchKey.ts) and builds one BatchedMesh per group,
 * each instance placed at its mesh's world matrix. Meshes sharing a geometry and a colour share
 * one geometry in the batch. The caller adds the batches to the scene (at the origin) and hides
 * the members.
 */
export function buildMeshBatches(meshes: readonly Mesh[], root: Object3D): MeshBatches {
  const groups = new Map<string, Mesh[]>();
  for (const mesh of meshes) {
    const key = batchKey(mesh.material as Material, mesh.renderOrder);
    if (key === null) continue;
    const list = groups.get(key);
    if (list) list.push(mesh);
    else groups.set(key, [mesh]);
  }
  const out: MeshBatches = { batches: [], members: [] };
  for (const list of groups.values()) {
    const first = list[0] as Mesh;
    // Shared geometry and colours: added once, instanced.
    const shapes = new Map<string, ReturnType<typeof batchGeometry>>();
    const shapeOf = list.map((mesh) => {
      const m = mesh.material as BatchableMaterial;
      const lit =
        "emissive" in m
          ? `${m.emissive.getHexString()}${m.emissiveIntensity}|${m.roughness}|${m.metalness}`
          : "";
      const key = `${mesh.geometry.uuid}|${m.color.getHexString()}|${m.vertexColors}|${lit}`;
      if (!shapes.has(key)) shapes.set(key, batchGeometry(mesh));
      return key;
    });
    let vertices = 0;
    let indices = 0;
    for (const g of shapes.values()) {
      vertices += g.getAttribute("position").count;
      indices += g.getIndex()?.count ?? 0;
    }
    const batch = new BatchedMesh(
      list.length,
      vertices,
      indices,
      batchMaterial(first.material as BatchableMaterial),
    );
    batch.renderOrder = first.renderOrder;
    batch.name = `batch:${(first.material as Material).type}`;
    batch.userData.members = list.length;
    const ids = new Map<string, number>();
    for (const [key, geometry] of shapes) {
      ids.set(key, batch.addGeometry(geometry));
      geometry.dispose();
    }
    list.forEach((mesh, i) => {
      const instance = batch.addInstance(ids.get(shapeOf[i] as string) as number);
      mesh.updateWorldMatrix(true, false);
      batch.setMatrixAt(instance, mesh.matrixWorld);
      const level = levelOf(mesh, root);
      if (level) batch.setVisibleAt(instance, level.visible);
      out.members.push({ batch, instance, mesh, level });
    });
    batch.computeBoundingBox();
    batch.computeBoundingSphere();
    out.batches.push(batch);
  }
  return out;
}

/** Frees what buildMeshBatches made (geometry buffers and the cloned materials). */
export function disposeMeshBatches(batches: MeshBatches, from: Object3D): void {
  for (const b of batches.batches) {
    from.remove(b);
    b.dispose();
    (b.material as Material).dispose();
  }
}
