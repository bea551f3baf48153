import assert from "node:assert/strict";
import { test } from "node:test";
import { Document, NodeIO } from "@gltf-transform/core";
import { KHRMaterialsVariants } from "@gltf-transform/extensions";
import { type Material, Mesh, MeshStandardMaterial } from "three";
import { GLTFLoader } from "three/examples/jsm/loaders/GLTFLoader.js";
import { applyVariant, mappedMaterial, variantNames } from "./materialsVariants.ts";

/** A one-triangle .glb whose primitive is gold by default, with "Silver" and "Rose" variants. */
async function variantGlb(): Promise<Uint8Array> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const position = doc
    .createAccessor()
    .setType("VEC3")
    .setArray(new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0]))
    .setBuffer(buffer);
  const material = (name: string, r: number) => doc.createMaterial(name).setBaseColorFactor([r, 0.5, 0.2, 1]);
  const gold = material("gold", 1);
  const silver = material("silver", 0.8);
  const rose = material("rose", 0.9);
  const prim = doc.createPrimitive().setAttribute("POSITION", position).setMaterial(gold);
  doc.createScene().addChild(doc.createNode("piece").setMesh(doc.createMesh().addPrimitive(prim)));
  const ext = doc.createExtension(KHRMaterialsVariants);
  const silverVariant = ext.createVariant("Silver");
  const roseVariant = ext.createVariant("Rose");
  prim.setExtension(
    "KHR_materials_variants",
    ext
      .createMappingList()
      .addMapping(ext.createMapping().setMaterial(silver).addVariant(silverVariant))
      .addMapping(ext.createMapping().setMaterial(rose).addVariant(roseVariant)),
  );
  return new NodeIO().registerExtensions([KHRMaterialsVariants]).writeBinary(doc);
}

function firstMesh(root: { traverse(cb: (o: unknown) => void): void }): Mesh {
  let found: Mesh | null = null;
  root.traverse((o) => {
    if (!found && o instanceof Mesh) found = o;
  });
  assert.ok(found, "the scene has a mesh");
  return found;
}

test("variants of a glTF parsed by three are listed and applied, and the default comes back", async () => {
  const bytes = await variantGlb();
  const gltf = await new GLTFLoader().parseAsync(bytes.slice().buffer, "");
  assert.deepEqual(variantNames(gltf), ["Silver", "Rose"]);

  const mesh = firstMesh(gltf.scene);
  assert.equal(mappedMaterial(mesh, 0), 1, "Silver maps to material 1");
  assert.equal(mappedMaterial(mesh, 1), 2, "Rose maps to material 2");
  assert.equal(mappedMaterial(mesh, 5), null, "an unknown variant keeps the default");

  const name = () => (mesh.material as Material).name;
  const defaults = new WeakMap<Mesh, Material | Material[]>();
  assert.equal(name(), "gold");
  await applyVariant(gltf.scene, gltf.parser, 1, defaults);
  assert.equal(name(), "rose");
  assert.ok(mesh.material instanceof MeshStandardMaterial);
  await applyVariant(gltf.scene, gltf.parser, 0, defaults);
  assert.equal(name(), "silver");
  await applyVariant(gltf.scene, gltf.parser, null, defaults);
  assert.equal(name(), "gold", "null shows the file's default material again");
});

test("a model without the extension, or with a malformed one, has no variants", () => {
  assert.deepEqual(variantNames({ userData: {} }), []);
  assert.deepEqual(
    variantNames({ userData: { gltfExtensions: { KHR_materials_variants: { variants: "x" } } } }),
    [],
  );
  assert.equal(
    mappedMaterial({ userData: { gltfExtensions: { KHR_materials_variants: { mappings: [{}] } } } }, 0),
    null,
  );
});
