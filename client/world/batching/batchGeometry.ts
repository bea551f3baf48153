import {
  BufferAttribute,
  BufferGeometry,
  type InterleavedBufferAttribute,
  type Mesh,
  MeshStandardMaterial,
} from "three";
import type { BatchableMaterial } from "./batchKey.ts";

/** Per-vertex emissive radiance (colour × intensity) the batch material reads instead of its uniform. */
export const EMISSIVE_ATTRIBUTE = "batchEmissive";
/** Per-vertex roughness and metalness (x, y), so lit materials that differ only by them share a draw. */
export const SURFACE_ATTRIBUTE = "batchSurface";

/**
 * A plain Float32 copy of an attribute: quantized (normalized integers, KHR_mesh_quantization) or
 * interleaved sources become the one layout every member of a batch shares, so a float mesh and a
 * quantized one never meet in a batch whose buffer is typed after the first.
 */
function floatCopy(attribute: BufferAttribute | InterleavedBufferAttribute): BufferAttribute {
  const { count, itemSize } = attribute;
  const out = new Float32Array(count * itemSize);
  for (let i = 0; i < count; i++)
    for (let c = 0; c < itemSize; c++) out[i * itemSize + c] = attribute.getComponent(i, c);
  return new BufferAttribute(out, itemSize);
}

/**
 * A copy of the mesh's geometry in its own space with exactly the attributes every batch holds
 * (position, normal, uv, colour, emissive, surface) and an index: BatchedMesh needs them all alike.
 * The material's colours (times the mesh's own vertex colours, if it uses them), roughness and
 * metalness become vertex attributes, so meshes that differ only by those share one draw.
 */
export function batchGeometry(mesh: Mesh): BufferGeometry {
  const source = mesh.geometry;
  const material = mesh.material as BatchableMaterial;
  const position = source.getAttribute("position");
  const count = position.count;
  const out = new BufferGeometry();
  out.setAttribute("position", floatCopy(position));
  out.setAttribute("normal", floatCopy(source.getAttribute("normal")));
  const uv = source.getAttribute("uv");
  out.setAttribute(
    "uv",
    uv && uv.itemSize === 2 ? floatCopy(uv) : new BufferAttribute(new Float32Array(count * 2), 2),
  );
  const colors = new Float32Array(count * 3);
  const emissive = new Float32Array(count * 3);
  const surface = new Float32Array(count * 2);
  const c = material.color;
  const own = material.vertexColors ? source.getAttribute("color") : undefined;
  const lit = material instanceof MeshStandardMaterial ? material : null;
  const e = lit ? lit.emissive.clone().multiplyScalar(lit.emissiveIntensity) : null;
  for (let i = 0; i < count; i++) {
    if (own) colors.set([c.r * own.getX(i), c.g * own.getY(i), c.b * own.getZ(i)], i * 3);
    else colors.set([c.r, c.g, c.b], i * 3);
    if (e) emissive.set([e.r, e.g, e.b], i * 3);
    if (lit) surface.set([lit.roughness, lit.metalness], i * 2);
  }
  out.setAttribute("color", new BufferAttribute(colors, 3));
  out.setAttribute(EMISSIVE_ATTRIBUTE, new BufferAttribute(emissive, 3));
  out.setAttribute(SURFACE_ATTRIBUTE, new BufferAttribute(surface, 2));
  const index = source.getIndex();
  if (index) out.setIndex(index.clone());
  else out.setIndex([...Array(count).keys()]);
  return out;
}
