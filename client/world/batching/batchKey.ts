import {
  type Material,
  Mesh,
  MeshBasicMaterial,
  MeshPhysicalMaterial,
  MeshStandardMaterial,
  type Object3D,
  type Texture,
} from "three";

/** Set `userData.noBatch` on an object whose meshes animate their own material. */
export const NO_BATCH = "noBatch";

/**
 * Set `userData.batchLevels` on an object whose children are levels of detail that it shows one at
 * a time (a LOD): their meshes are batched all the same, and each instance is drawn only while its
 * level is shown (`levelOf`, Batched.tsx).
 */
export const BATCH_LEVELS = "batchLevels";

/** The level of detail `object` belongs to under `root` (a child of a `batchLevels` object), or null. */
export function levelOf(object: Object3D, root: Object3D): Object3D | null {
  for (let o: Object3D | null = object; o && o !== root; o = o.parent) {
    if (o.parent?.userData[BATCH_LEVELS]) return o;
  }
  return null;
}

export type BatchableMaterial = MeshStandardMaterial | MeshBasicMaterial;

const DEFAULT_ON_BEFORE_COMPILE = new MeshBasicMaterial().onBeforeCompile;

const tex = (t: Texture | null | undefined) => (t ? t.uuid : "-");
const num = (n: number | undefined) => (n === undefined ? "-" : n.toFixed(4));

/**
 * What must be equal for two materials to share one draw: everything but the base and emissive
 * colours, roughness and metalness, which the batch carries per vertex (batchGeometry.ts). Null when the material cannot be batched (shaders,
 * materials already patched by someone else).
 */
export function batchKey(material: Material, renderOrder: number): string | null {
  if (material.onBeforeCompile !== DEFAULT_ON_BEFORE_COMPILE) return null;
  const common = [
    material.type,
    material.side,
    material.transparent,
    num(material.opacity),
    material.depthWrite,
    material.depthTest,
    material.blending,
    num(material.alphaTest),
    material.polygonOffset,
    num(material.polygonOffsetFactor),
    material.toneMapped,
    renderOrder,
  ];
  if (material instanceof MeshPhysicalMaterial) {
    const m = material;
    common.push(
      num(m.clearcoat),
      num(m.clearcoatRoughness),
      num(m.transmission),
      num(m.thickness),
      num(m.ior),
      num(m.sheen),
      num(m.sheenRoughness),
      m.sheenColor.getHexString(),
      m.attenuationColor.getHexString(),
      num(m.attenuationDistance),
      num(m.specularIntensity),
      num(m.dispersion),
      num(m.iridescence),
      num(m.anisotropy),
    );
  }
  if (material instanceof MeshStandardMaterial) {
    const m = material;
    return [
      ...common,
      num(m.envMapIntensity),
      m.flatShading,
      m.fog,
      m.wireframe,
      tex(m.map),
      tex(m.emissiveMap),
      tex(m.alphaMap),
      tex(m.normalMap),
      tex(m.roughnessMap),
      tex(m.metalnessMap),
      tex(m.aoMap),
      tex(m.bumpMap),
      tex(m.envMap),
      tex(m.lightMap),
      m.normalMap ? m.normalScale.x.toFixed(3) : "-",
    ].join("|");
  }
  if (material instanceof MeshBasicMaterial) {
    const m = material;
    return [...common, m.fog, m.wireframe, tex(m.map), tex(m.alphaMap), tex(m.envMap), tex(m.lightMap)].join(
      "|",
    );
  }
  return null;
}

/**
 * Whether any ancestor (or the object) is hidden or opted out of batching. A hidden level of detail
 * does not count: its meshes are batched, drawn while it is shown.
 */
function excluded(object: Object3D, root: Object3D, taken: ReadonlySet<Object3D>): boolean {
  for (let o: Object3D | null = object; o && o !== root.parent; o = o.parent) {
    const level = o.parent?.userData[BATCH_LEVELS] === true;
    if ((!o.visible && !taken.has(o) && !level) || o.userData[NO_BATCH]) return true;
  }
  return false;
}

/** Has R3F event handlers: such a mesh must stay a raycast target of its own. */
function interactive(object: Object3D): boolean {
  const r3f = (object as unknown as { __r3f?: { eventCount?: number } }).__r3f;
  return (r3f?.eventCount ?? 0) > 0;
}

/**
 * The plain meshes under `root` that a batch may take over: one material, no skin, no morphs, no
 * instancing. `taken` are those a batch already hides (they count as visible).
 */
export function batchableMeshes(root: Object3D, taken: ReadonlySet<Object3D> = new Set()): Mesh[] {
  const found: Mesh[] = [];
  root.traverse((o) => {
    if (!(o instanceof Mesh) || o.constructor !== Mesh) return;
    if (Array.isArray(o.material) || Object.keys(o.geometry.morphAttributes).length > 0) return;
    if (!o.geometry.hasAttribute("position") || !o.geometry.hasAttribute("normal")) return;
    const range = o.geometry.drawRange;
    if (range.start !== 0 || range.count !== Number.POSITIVE_INFINITY) return;
    if (interactive(o) || excluded(o, root, taken)) return;
    if (batchKey(o.material, o.renderOrder) === null) return;
    found.push(o);
  });
  return found;
}
