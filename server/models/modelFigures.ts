/** Measures of a glTF document: the figures shown before and after optimization. */
import { type Document, ImageUtils, type mat4, type Node, type Primitive } from "@gltf-transform/core";
import type { BoundingBox, ModelFigures, TextureFigure, Vec3 } from "../../shared/models.ts";

const TRIANGLES = 4;
const TRIANGLE_STRIP = 5;
const TRIANGLE_FAN = 6;

/** Triangles one primitive draws (points and lines draw none). */
export function primitiveTriangles(primitive: Primitive): number {
  const indices = primitive.getIndices();
  const count = indices ? indices.getCount() : (primitive.getAttribute("POSITION")?.getCount() ?? 0);
  switch (primitive.getMode()) {
    case TRIANGLES:
      return Math.floor(count / 3);
    case TRIANGLE_STRIP:
    case TRIANGLE_FAN:
      return Math.max(0, count - 2);
    default:
      return 0;
  }
}

/** Every node of the default scene (or of all scenes when none is default), depth first. */
export function sceneNodes(document: Document): Node[] {
  const root = document.getRoot();
  const defaultScene = root.getDefaultScene();
  const scenes = defaultScene ? [defaultScene] : root.listScenes();
  const nodes: Node[] = [];
  const visit = (node: Node) => {
    nodes.push(node);
    for (const child of node.listChildren()) visit(child);
  };
  for (const scene of scenes) for (const node of scene.listChildren()) visit(node);
  return nodes;
}

/** Rounds to 4 decimals: bounds are for people, not for maths. */
const round = (v: number) => Math.round(v * 10_000) / 10_000;
const vec = (v: ArrayLike<number>): Vec3 => [round(v[0] ?? 0), round(v[1] ?? 0), round(v[2] ?? 0)];

/**
 * The matrix that places a mesh's vertices in the world. For a skinned mesh the node's own transform
 * is ignored by renderers: vertices follow the joints, so the first joint's world matrix times its
 * inverse bind matrix stands for the rest pose (quantization scales live in those matrices too).
 */
function meshWorldMatrix(node: Node): mat4 {
  const skin = node.getSkin();
  const joint = skin?.listJoints()[0];
  const inverseBind = skin?.getInverseBindMatrices();
  if (!skin || !joint) return node.getWorldMatrix();
  const ibm = inverseBind ? (inverseBind.getElement(0, new Array<number>(16)) as unknown as mat4) : IDENTITY;
  return multiply(joint.getWorldMatrix(), ibm);
}

const IDENTITY: mat4 = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];

/** a × b for column-major 4×4 matrices. */
function multiply(a: mat4, b: mat4): mat4 {
  const out = new Array<number>(16).fill(0);
  for (let col = 0; col < 4; col++) {
    for (let row = 0; row < 4; row++) {
      let sum = 0;
      for (let k = 0; k < 4; k++) sum += (a[k * 4 + row] as number) * (b[col * 4 + k] as number);
      out[col * 4 + row] = sum;
    }
  }
  return out as mat4;
}

/** Bounds of the default scene in the file's units, skins in their rest pose; zeros without geometry. */
export function sceneBounds(document: Document): BoundingBox {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  const local: number[] = [0, 0, 0];
  for (const node of sceneNodes(document)) {
    const mesh = node.getMesh();
    if (!mesh) continue;
    const m = meshWorldMatrix(node);
    for (const primitive of mesh.listPrimitives()) {
      const position = primitive.getAttribute("POSITION");
      if (!position) continue;
      for (let i = 0, n = position.getCount(); i < n; i++) {
        position.getElement(i, local);
        const [x, y, z] = local as [number, number, number];
        const w = [
          m[0] * x + m[4] * y + m[8] * z + m[12],
          m[1] * x + m[5] * y + m[9] * z + m[13],
          m[2] * x + m[6] * y + m[10] * z + m[14],
        ];
        for (let axis = 0; axis < 3; axis++) {
          min[axis] = Math.min(min[axis] as number, w[axis] as number);
          max[axis] = Math.max(max[axis] as number, w[axis] as number);
        }
      }
    }
  }
  if (!min.every(Number.isFinite) || !max.every(Number.isFinite)) {
    return { min: [0, 0, 0], max: [0, 0, 0], size: [0, 0, 0] };
  }
  const [x0, y0, z0] = min as [number, number, number];
  const [x1, y1, z1] = max as [number, number, number];
  return { min: vec(min), max: vec(max), size: vec([x1 - x0, y1 - y0, z1 - z0]) };
}

/** Size, bytes and estimated GPU memory of each texture of the document. */
export function textureFigures(document: Document): { textures: TextureFigure[]; memoryBytes: number } {
  let memoryBytes = 0;
  const textures = document
    .getRoot()
    .listTextures()
    .map((texture, index) => {
      const image = texture.getImage() ?? new Uint8Array(0);
      const mimeType = texture.getMimeType() || ImageUtils.getMimeType(image) || "unknown";
      const size = image.byteLength > 0 ? safe(() => ImageUtils.getSize(image, mimeType)) : null;
      memoryBytes +=
        (image.byteLength > 0 ? safe(() => ImageUtils.getVRAMByteLength(image, mimeType)) : 0) ?? 0;
      return {
        name: texture.getName() || texture.getURI() || `texture ${index}`,
        width: size?.[0] ?? 0,
        height: size?.[1] ?? 0,
        mimeType,
        bytes: image.byteLength,
      };
    });
  // KTX2 estimates can be fractional (block-compressed mip levels).
  return { textures, memoryBytes: Math.round(memoryBytes) };
}

/** Image headers come from uploads: a broken one must not throw out of the figures. */
function safe<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** All figures of a document whose serialized size is `bytes`. */
export function modelFigures(document: Document, bytes: number): ModelFigures {
  let triangles = 0;
  let drawCalls = 0;
  for (const node of sceneNodes(document)) {
    const mesh = node.getMesh();
    if (!mesh) continue;
    for (const primitive of mesh.listPrimitives()) {
      triangles += primitiveTriangles(primitive);
      drawCalls += 1;
    }
  }
  const { textures, memoryBytes } = textureFigures(document);
  return {
    bytes,
    triangles,
    drawCalls,
    materials: document.getRoot().listMaterials().length,
    textures,
    textureMemoryBytes: memoryBytes,
    boundingBox: sceneBounds(document),
  };
}
