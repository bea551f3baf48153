import { type Material, Mesh, type Object3D } from "three";
import type { GLTF } from "three/examples/jsm/loaders/GLTFLoader.js";
import { z } from "zod";

/**
 * KHR_materials_variants, read by hand: three's GLTFLoader does not implement it, but it keeps
 * unknown extensions in `userData.gltfExtensions` (the root's variant names, each primitive's
 * mappings) and its parser can build any material of the file on demand.
 */
const EXTENSION = "KHR_materials_variants";

const RootVariants = z.object({ variants: z.array(z.object({ name: z.string() })) });
const PrimitiveMappings = z.object({
  mappings: z.array(z.object({ material: z.number().int().nonnegative(), variants: z.array(z.number()) })),
});

function extensionOf(userData: Record<string, unknown>): unknown {
  const extensions = userData.gltfExtensions;
  return typeof extensions === "object" && extensions !== null
    ? (extensions as Record<string, unknown>)[EXTENSION]
    : undefined;
}

/** The variant names a parsed glTF declares, in file order (empty without the extension). */
export function variantNames(gltf: Pick<GLTF, "userData">): string[] {
  const parsed = RootVariants.safeParse(extensionOf(gltf.userData));
  return parsed.success ? parsed.data.variants.map((v) => v.name) : [];
}

/** The material index a mesh shows for a variant, or null when it keeps its default material. */
export function mappedMaterial(mesh: Pick<Object3D, "userData">, variant: number): number | null {
  const parsed = PrimitiveMappings.safeParse(extensionOf(mesh.userData));
  if (!parsed.success) return null;
  return parsed.data.mappings.find((m) => m.variants.includes(variant))?.material ?? null;
}

type VariantParser = Pick<GLTF["parser"], "getDependency" | "assignFinalMaterial">;

/**
 * Shows a variant (by index) on every mesh under `root`, or the file's default materials when
 * `variant` is null. `defaults` remembers each mesh's default material across calls.
 */
export async function applyVariant(
  root: Object3D,
  parser: VariantParser,
  variant: number | null,
  defaults: WeakMap<Mesh, Material | Material[]>,
): Promise<void> {
  const meshes: Mesh[] = [];
  root.traverse((o) => {
    if (o instanceof Mesh) meshes.push(o);
  });
  await Promise.all(
    meshes.map(async (mesh) => {
      if (!defaults.has(mesh)) defaults.set(mesh, mesh.material);
      const index = variant === null ? null : mappedMaterial(mesh, variant);
      if (index === null) {
        mesh.material = defaults.get(mesh) ?? mesh.material;
        return;
      }
      mesh.material = (await parser.getDependency("material", index)) as Material;
      // Vertex colours, skinning and flat shading need the loader's final touch on the material.
      parser.assignFinalMaterial(mesh);
    }),
  );
}
