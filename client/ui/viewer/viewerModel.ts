import { type Material, Mesh, type Object3D, type Texture, type WebGLRenderer } from "three";
import type { GLTF } from "three/examples/jsm/loaders/GLTFLoader.js";
import { fetchWithRetries } from "../../world/products/fetchWithProgress.ts";
import { gltfLoader } from "../../world/products/modelLoader.ts";
import { applyVariant, variantNames } from "./materialsVariants.ts";

/** A model parsed for the viewer alone: its own materials, so switching a variant never touches the avenue. */
export type ViewerModel = {
  /** The parsed scene, in the file's own units (the stage fits it to the view). */
  root: Object3D;
  variants: string[];
  triangles: number;
  /** Shows a variant by index, or the default materials (null). */
  selectVariant(variant: number | null): Promise<void>;
  dispose(): void;
};

/**
 * Downloads (from the browser's cache when the avenue already showed it: blobs are immutable) and
 * parses a .glb with the avenue's loader and decoders, keeping the parser so that the materials of
 * KHR_materials_variants can be built when the shopper picks one.
 */
export async function loadViewerModel(
  url: string,
  gl: WebGLRenderer,
  onBytes: (received: number) => void,
): Promise<ViewerModel> {
  const buffer = await fetchWithRetries(url, onBytes);
  const base = url.slice(0, url.lastIndexOf("/") + 1);
  const gltf: GLTF = await gltfLoader(gl).parseAsync(buffer, base);
  const scene = gltf.scene;
  let triangles = 0;
  scene.traverse((o) => {
    if (!(o instanceof Mesh)) return;
    const g = o.geometry;
    triangles += (g.index ? g.index.count : (g.attributes.position?.count ?? 0)) / 3;
  });

  const defaults = new WeakMap<Mesh, Material | Material[]>();
  // Every material ever shown, so that closing the viewer frees the variants' materials too.
  const shown = new Set<Material>();
  const remember = () => scene.traverse((o) => o instanceof Mesh && collect(o.material, shown));
  remember();
  return {
    root: scene,
    variants: variantNames(gltf),
    triangles: Math.round(triangles),
    selectVariant: async (variant) => {
      await applyVariant(scene, gltf.parser, variant, defaults);
      remember();
    },
    dispose: () => disposeModel(scene, shown),
  };
}

function collect(material: Material | Material[], into: Set<Material>): void {
  for (const m of Array.isArray(material) ? material : [material]) into.add(m);
}

/** Frees the geometries, materials and textures of a parsed model (the viewer owns them alone). */
function disposeModel(root: Object3D, materials: Set<Material>): void {
  const textures = new Set<Texture>();
  root.traverse((o) => {
    if (o instanceof Mesh) o.geometry.dispose();
  });
  for (const m of materials) {
    for (const value of Object.values(m)) if ((value as Texture | null)?.isTexture) textures.add(value);
    m.dispose();
  }
  for (const t of textures) t.dispose();
}
