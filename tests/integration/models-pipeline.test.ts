/**
 * Every real model goes through the real HTTP upload of a running server: accepted, figures
 * recorded, the optimized file and its level of detail valid glTF (0 validator errors), the
 * optimized file no larger than the original and the LOD smaller, blobs served with the right headers.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { Document, NodeIO } from "@gltf-transform/core";
import { ALL_EXTENSIONS, KHRMaterialsVariants } from "@gltf-transform/extensions";
import { zipSync } from "fflate";
import { validateBytes } from "gltf-validator";
import { gltfIO } from "../../server/models/gltfIO.ts";
import { ModelList, UploadedModel, UploadProgress } from "../../shared/models.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import {
  cookieFor,
  DEMO,
  jsonRequest,
  REAL_MODELS,
  readModel,
  type UploadPart,
  uploadModel,
} from "./models-fixtures.ts";

const BRAND = DEMO.merchandiser.brandId;

async function validatorErrors(bytes: Uint8Array): Promise<number> {
  const report = await validateBytes(bytes, { format: "glb", maxIssues: 10, writeTimestamp: false });
  return report.issues.numErrors;
}

/** Fetches a blob and checks the headers every blob answer must carry. */
async function fetchBlob(base: string, url: string, sha256: string): Promise<Uint8Array> {
  const response = await fetch(`${base}${url}`);
  assert.equal(response.status, 200, url);
  assert.equal(response.headers.get("content-type"), "model/gltf-binary");
  assert.equal(response.headers.get("cache-control"), "public, max-age=31536000, immutable");
  assert.equal(response.headers.get("x-content-type-options"), "nosniff");
  const bytes = new Uint8Array(await response.arrayBuffer());
  assert.equal(
    createHash("sha256").update(bytes).digest("hex"),
    sha256,
    "a blob's name is the sha256 of its bytes",
  );
  return bytes;
}

describe("model pipeline over HTTP (every real model)", () => {
  let server: TestServer;
  let cookie: string;

  /** The brand's models before any upload (the demo seed's collectible models). */
  let seededModels = 0;

  before(async () => {
    server = await startTestServer();
    cookie = await cookieFor(server.database, DEMO.merchandiser.email);
    seededModels = ModelList.parse(
      await (await jsonRequest(server.url, "GET", `/api/brands/${BRAND}/models`, cookie)).json(),
    ).models.length;
  });
  after(() => server.stop());

  /** Uploads, expects 201, checks the figures and the served files; returns the model. */
  async function acceptAndCheck(parts: UploadPart[], originalBytes?: number): Promise<UploadedModel> {
    const uploadId = crypto.randomUUID();
    const response = await uploadModel(server.url, BRAND, cookie, parts, { "Upload-Id": uploadId });
    const body = await response.json();
    assert.equal(response.status, 201, JSON.stringify(body).slice(0, 600));
    const model = UploadedModel.parse(body);
    const { before: b, after: a, lodFigures: lod } = model;

    if (originalBytes !== undefined)
      assert.equal(model.original.bytes, originalBytes, "the original is kept as uploaded");
    assert.equal(b.bytes, model.original.bytes);
    assert.equal(a.bytes, model.optimized.bytes);
    assert.ok(b.triangles > 0 && b.drawCalls > 0 && b.materials > 0);
    assert.equal(a.triangles, b.triangles, "the served model keeps every triangle");
    assert.ok(a.bytes <= b.bytes, `optimized ${a.bytes} B must not exceed the original ${b.bytes} B`);
    assert.ok(
      model.lod.bytes < model.optimized.bytes,
      `LOD ${model.lod.bytes} B must be smaller than ${model.optimized.bytes} B`,
    );
    assert.ok(lod.triangles <= a.triangles);
    for (const t of a.textures)
      if (t.mimeType !== "image/ktx2") assert.ok(Math.max(t.width, t.height) <= 2048, `${t.name} resized`);
    // Normalized: standing on y = 0, centred, at the suggested display height.
    assert.ok(Math.abs(a.boundingBox.min[1]) < 0.005, `base at y=0, got ${a.boundingBox.min[1]}`);
    assert.ok(
      Math.abs(a.boundingBox.size[1] - model.suggestedDisplayHeight) <
        0.01 * model.suggestedDisplayHeight + 0.002,
    );
    assert.ok(Math.abs(a.boundingBox.min[0] + a.boundingBox.max[0]) < 0.01, "centred on x");

    const optimized = await fetchBlob(server.url, model.optimized.url, model.optimized.sha256);
    const lodBytes = await fetchBlob(server.url, model.lod.url, model.lod.sha256);
    await fetchBlob(server.url, model.original.url, model.original.sha256);
    assert.equal(await validatorErrors(optimized), 0, "optimized file: 0 validator errors");
    assert.equal(await validatorErrors(lodBytes), 0, "LOD: 0 validator errors");

    const progress = await jsonRequest(server.url, "GET", `/api/brands/${BRAND}/uploads/${uploadId}`, cookie);
    assert.deepEqual(UploadProgress.parse(await progress.json()), {
      stage: "done",
      fraction: 1,
      message: "The model is ready",
      modelId: model.id,
    });
    return model;
  }

  for (const file of REAL_MODELS) {
    test(`${file.name}: accepted, figures recorded, optimized and valid`, async () => {
      const bytes = readModel(file.path);
      const model = await acceptAndCheck(
        [{ name: file.name, bytes, type: "model/gltf-binary" }],
        bytes.byteLength,
      );
      assert.equal(model.fileName, file.name);
      if (file.name === "RobotExpressive.glb") {
        assert.ok(
          model.warnings.some((w) => w.code === "ACCESSOR_WEIGHTS_NON_NORMALIZED"),
          "the repaired validator errors are reported as warnings",
        );
      }
      if (file.name === "AlarmClock01.glb") {
        assert.equal(model.before.textures.length, 5);
        assert.equal(model.after.textures.length, 4, "the duplicated normal map is stored once");
        assert.ok(model.after.textureMemoryBytes < model.before.textureMemoryBytes / 4);
      }
    });
  }

  test("a .gltf with its .bin and textures as separate files, and the same as one zip", async () => {
    const io = await gltfIO();
    const clock = await io.read(REAL_MODELS[0]?.path as string);
    const { json, resources } = await io.writeJSON(clock, { format: "GLTF" as never, basename: "clock" });
    const gltf = new TextEncoder().encode(JSON.stringify(json));
    const parts = [
      { name: "clock.gltf", bytes: gltf },
      ...Object.entries(resources).map(([name, bytes]) => ({ name, bytes })),
    ];
    assert.ok(parts.length >= 3, "a JSON, a .bin and images");
    const separate = await acceptAndCheck(parts);
    assert.equal(separate.fileName, "clock.gltf");
    assert.equal(separate.before.triangles, 1970);

    // Two .bin files (a GLB holds one buffer: the pipeline gathers them).
    const split = await io.read(REAL_MODELS[0]?.path as string);
    const second = split.createBuffer("second").setURI("second.bin");
    split
      .getRoot()
      .listAccessors()
      .slice(0, 2)
      .forEach((a) => {
        a.setBuffer(second);
      });
    const twoBins = await io.writeJSON(split, { format: "GLTF" as never, basename: "split" });
    assert.equal(twoBins.json.buffers?.length, 2);
    const splitParts = [
      { name: "split.gltf", bytes: new TextEncoder().encode(JSON.stringify(twoBins.json)) },
      ...Object.entries(twoBins.resources).map(([name, bytes]) => ({ name, bytes })),
    ];
    assert.equal((await acceptAndCheck(splitParts)).before.triangles, 1970);

    const zip = zipSync(Object.fromEntries(parts.map((p) => [`clock/${p.name}`, p.bytes])));
    const zipped = await acceptAndCheck([{ name: "clock.zip", bytes: zip, type: "application/zip" }]);
    assert.equal(zipped.optimized.sha256, separate.optimized.sha256, "same model, same optimized bytes");
  });

  test("KHR_materials_variants survive optimization and are named", async () => {
    const document = new Document();
    const buffer = document.createBuffer();
    const variants = document.createExtension(KHRMaterialsVariants);
    const gold = document.createMaterial("gold").setBaseColorFactor([1, 0.8, 0.3, 1]).setMetallicFactor(1);
    const silver = document
      .createMaterial("silver")
      .setBaseColorFactor([0.9, 0.9, 0.9, 1])
      .setMetallicFactor(1);
    const position = document
      .createAccessor()
      .setType("VEC3")
      .setBuffer(buffer)
      .setArray(new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0]));
    const indices = document
      .createAccessor()
      .setBuffer(buffer)
      .setArray(new Uint16Array([0, 1, 2, 2, 1, 3]));
    const primitive = document
      .createPrimitive()
      .setAttribute("POSITION", position)
      .setIndices(indices)
      .setMaterial(gold);
    const mapping = variants.createMapping().setMaterial(silver).addVariant(variants.createVariant("Silver"));
    primitive.setExtension("KHR_materials_variants", variants.createMappingList().addMapping(mapping));
    variants.createVariant("Gold");
    document
      .createScene()
      .addChild(document.createNode().setMesh(document.createMesh().addPrimitive(primitive)));
    const bytes = await new NodeIO().registerExtensions(ALL_EXTENSIONS).writeBinary(document);

    const response = await uploadModel(server.url, BRAND, cookie, [{ name: "variants.glb", bytes }]);
    const model = UploadedModel.parse(await response.json());
    assert.equal(response.status, 201);
    assert.deepEqual(model.variantNames, ["Silver", "Gold"]);
    const optimized = await fetchBlob(server.url, model.optimized.url, model.optimized.sha256);
    const reread = await (await gltfIO()).readBinary(optimized);
    const kept = reread
      .getRoot()
      .listExtensionsUsed()
      .find((e) => e.extensionName === "KHR_materials_variants") as KHRMaterialsVariants | undefined;
    assert.deepEqual(
      kept?.listVariants().map((v) => v.getName()),
      ["Silver", "Gold"],
    );
  });

  test("the brand's models are listed, newest first, and readable one by one", async () => {
    const list = ModelList.parse(
      await (await jsonRequest(server.url, "GET", `/api/brands/${BRAND}/models`, cookie)).json(),
    );
    assert.equal(
      list.models.length,
      seededModels + REAL_MODELS.length + 4,
      "the seed's, 7 real models, 3 .gltf variants, 1 with variants",
    );
    const first = list.models[0] as UploadedModel;
    assert.equal(first.fileName, "variants.glb");
    const one = await jsonRequest(server.url, "GET", `/api/brands/${BRAND}/models/${first.id}`, cookie);
    assert.deepEqual(UploadedModel.parse(await one.json()), first);
    const missing = await jsonRequest(server.url, "GET", `/api/brands/${BRAND}/models/nope`, cookie);
    assert.equal(missing.status, 404);
  });

  test("blob answers: 304 on a matching ETag, 404 for unknown or malformed names", async () => {
    const [model] = ModelList.parse(
      await (await jsonRequest(server.url, "GET", `/api/brands/${BRAND}/models`, cookie)).json(),
    ).models;
    assert.ok(model);
    const etag = (await fetch(`${server.url}${model.lod.url}`)).headers.get("etag");
    assert.equal(etag, `"${model.lod.sha256}"`);
    assert.equal(
      (await fetch(`${server.url}${model.lod.url}`, { headers: { "if-none-match": etag as string } })).status,
      304,
    );
    assert.equal((await fetch(`${server.url}/blobs/${"0".repeat(64)}.glb`)).status, 404);
    assert.equal((await fetch(`${server.url}/blobs/..%2F..%2Fpackage.json`)).status, 404);
    assert.equal((await fetch(`${server.url}/blobs/${model.lod.sha256}`)).status, 404);
  });

  test("GET /api/models/limits answers the configured limits", async () => {
    const limits = (await (await fetch(`${server.url}/api/models/limits`)).json()) as Record<string, unknown>;
    assert.equal(limits.maxUploadBytes, 50_000_000);
    assert.equal(limits.maxTextureEdge, 4096);
    assert.ok((limits.acceptedExtensions as string[]).includes(".zip"));
  });
});
