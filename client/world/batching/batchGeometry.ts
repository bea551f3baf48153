import { BufferAttribute, BufferGeometry, type Mesh, MeshStandardMaterial } from "three";
import type { BatchableMaterial } from "./batchKey.ts";

/** Per-vertex emissive radiance (colour × intensity) the batch material reads instead of its uniform. */
export const EMISSIVE_ATTRIBUTE = "batchEmissive";

/**
 * A copy of the mesh's geometry in its own space with exactly the attributes every batch holds
 * (position, normal, uv, colour, emissive) and an index: BatchedMesh needs them all alike. The
 * material's colours become vertex colours, so meshes that differ only by colour share one draw.
 */
export function batchGeometry(mesh: Mesh): BufferGeometry {
  const source = mesh.geometry;
  const material = mesh.material as BatchableMaterial;
  const position = source.getAttribute("position");
  const count = position.count;
  const out = new BufferGeometry();
  out.setAttribute("position", position.clone());
  out.setAttribute("normal", source.getAttribute("normal").clone());
  const uv = source.getAttribute("uv");
  out.setAttribute(
    "uv",
    uv && uv.itemSize === 2 ? uv.clone() : new BufferAttribute(new Float32Array(count * 2), 2),
  );
  const colors = new Float32Array(count * 3);
  const emissive = new Float32Array(count * 3);
  const c = material.color;
  const e =
    material instanceof MeshStandardMaterial
      ? material.emissive.clone().multiplyScalar(material.emissiveIntensity)
      : null;
  for (let i = 0; i < count; i++) {
    colors.set([c.r, c.g, c.b], i * 3);
    if (e) emissive.set([e.r, e.g, e.b], i * 3);
  }
  out.setAttribute("color", new BufferAttribute(colors, 3));
  out.setAttribute(EMISSIVE_ATTRIBUTE, new BufferAttribute(emissive, 3));
  const index = source.getIndex();
  if (index) out.setIndex(index.clone());
  else out.setIndex([...Array(count).keys()]);
  return out;
}
