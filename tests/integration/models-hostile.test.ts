/**
 * Hostile and broken uploads: each is refused with a reason a merchandiser can act on (code, where,
 * limit, measured), and leaves nothing behind: no blob on disk, no row in the database.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Document, NodeIO } from "@gltf-transform/core";
import { zipSync } from "fflate";
import sharp from "sharp";
import { type ModelProblem, ModelRejectedBody } from "../../shared/models.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import {
  cookieFor,
  DEMO,
  modelRowCounts,
  REAL_MODELS,
  readModel,
  storedFiles,
  type UploadPart,
  uploadModel,
} from "./models-fixtures.ts";

const BRAND = DEMO.merchandiser.brandId;
const LIMITS = { MODEL_UPLOAD_MAX_BYTES: "3000000", MODEL_MAX_TRIANGLES: "5000" };
const encode = (text: string) => new TextEncoder().encode(text);

/** A valid one-triangle glTF JSON (buffer in a data URI), with `patch` applied on top. */
function triangleGltf(patch: (json: Record<string, unknown>) => void = () => {}): Uint8Array {
  const positions = new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0]);
  const json: Record<string, unknown> = {
    asset: { version: "2.0" },
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes: [{ mesh: 0 }],
    meshes: [{ primitives: [{ attributes: { POSITION: 0 } }] }],
    accessors: [
      { bufferView: 0, componentType: 5126, count: 3, type: "VEC3", min: [0, 0, 0], max: [1, 1, 0] },
    ],
    bufferViews: [{ buffer: 0, byteLength: 36 }],
    buffers: [
      {
        byteLength: 36,
        uri: `data:application/octet-stream;base64,${Buffer.from(positions.buffer).toString("base64")}`,
      },
    ],
  };
  patch(json);
  return encode(JSON.stringify(json));
}

/** A GLB with a grid of `quads` × 2 triangles and, optionally, one PNG texture. */
async function gridGlb(quads: number, texture?: Uint8Array): Promise<Uint8Array> {
  const document = new Document();
  const buffer = document.createBuffer();
  const columns = Math.ceil(Math.sqrt(quads));
  const rows = Math.ceil(quads / columns);
  const positions: number[] = [];
  const uvs: number[] = [];
  for (let r = 0; r <= rows; r++) {
    for (let c = 0; c <= columns; c++) {
      positions.push(c / columns, r / rows, 0);
      uvs.push(c / columns, r / rows);
    }
  }
  const indices: number[] = [];
  for (let q = 0; q < quads; q++) {
    const r = Math.floor(q / columns);
    const c = q % columns;
    const a = r * (columns + 1) + c;
    indices.push(a, a + 1, a + columns + 1, a + 1, a + columns + 2, a + columns + 1);
  }
  const material = document.createMaterial("paint");
  if (texture)
    material.setBaseColorTexture(document.createTexture("huge").setImage(texture).setMimeType("image/png"));
  const primitive = document
    .createPrimitive()
    .setMaterial(material)
    .setAttribute(
      "POSITION",
      document.createAccessor().setType("VEC3").setBuffer(buffer).setArray(new Float32Array(positions)),
    )
    .setAttribute(
      "TEXCOORD_0",
      document.createAccessor().setType("VEC2").setBuffer(buffer).setArray(new Float32Array(uvs)),
    )
    .setIndices(document.createAccessor().setBuffer(buffer).setArray(new Uint32Array(indices)));
  document
    .createScene()
    .addChild(document.createNode().setMesh(document.createMesh().addPrimitive(primitive)));
  return new NodeIO().writeBinary(document);
}

describe("hostile and broken uploads are refused and leave nothing behind", () => {
  let server: TestServer;
  let cookie: string;
  let filesBefore: string[];
  /** Model rows after the demo seed (its collectibles' models) and the one accepted upload. */
  let rowsBefore: { models: number; drafts: number };

  before(async () => {
    server = await startTestServer(LIMITS);
    cookie = await cookieFor(server.database, DEMO.merchandiser.email);
    const seededFiles = storedFiles(server.dataDir).length;
    const seededRows = await modelRowCounts(server.database);
    // One accepted model first: refusals must not touch what is already stored.
    const clock = REAL_MODELS[0] as { name: string; path: string };
    const accepted = await uploadModel(server.url, BRAND, cookie, [
      { name: clock.name, bytes: readModel(clock.path) },
    ]);
    assert.equal(accepted.status, 201);
    filesBefore = storedFiles(server.dataDir);
    assert.equal(filesBefore.length, seededFiles + 3);
    rowsBefore = { models: seededRows.models + 1, drafts: seededRows.drafts };
  });
  after(() => server.stop());

  /** Uploads, expects the status and a problem with `code`; checks disk and database are unchanged. */
  async function refused(
    parts: UploadPart[] | null,
    status: number,
    code: ModelProblem["code"],
    init?: RequestInit,
  ): Promise<ModelProblem> {
    const response = parts
      ? await uploadModel(server.url, BRAND, cookie, parts)
      : await fetch(`${server.url}/api/brands/${BRAND}/models`, {
          method: "POST",
          ...init,
          headers: { cookie, ...(init?.headers ?? {}) },
        });
    const body = await response.json();
    assert.equal(response.status, status, JSON.stringify(body));
    const { problems } = ModelRejectedBody.parse(body).error.details;
    const found = problems.find((p) => p.code === code);
    assert.ok(found, `expected a ${code} problem, got ${JSON.stringify(problems)}`);
    assert.ok(found.message.length > 10);
    assert.deepEqual(storedFiles(server.dataDir), filesBefore, "no blob (nor temp file) left behind");
    assert.deepEqual(await modelRowCounts(server.database), rowsBefore, "no row left behind");
    return found;
  }

  test("a truncated GLB", async () => {
    const whole = readModel((REAL_MODELS[0] as { path: string }).path);
    const problem = await refused(
      [{ name: "clock.glb", bytes: whole.subarray(0, 1_000_000) }],
      415,
      "not_a_model",
    );
    assert.match(problem.message, /truncated/);
    assert.equal(problem.limit, whole.byteLength);
    assert.equal(problem.measured, 1_000_000);
  });

  test("invalid JSON in a .gltf", async () => {
    const problem = await refused(
      [{ name: "broken.gltf", bytes: encode('{"asset": {"version": "2.0"}, "nodes": [') }],
      415,
      "not_a_model",
    );
    assert.match(problem.message, /JSON/);
  });

  test("valid JSON that is not valid glTF: the validator's errors, with where", async () => {
    const bytes = triangleGltf((json) => {
      (json.accessors as Array<Record<string, unknown>>)[0] = {
        bufferView: 0,
        componentType: 5126,
        count: 300,
        type: "VEC3",
      };
    });
    const problem = await refused([{ name: "lying.gltf", bytes }], 422, "invalid_gltf");
    assert.match(problem.message, /glTF-Validator/);
    assert.match(problem.where ?? "", /lying\.gltf \/accessors\/0/);
  });

  test("an external http:// URI", async () => {
    const bytes = triangleGltf((json) => {
      (json.buffers as Array<Record<string, unknown>>)[0] = {
        byteLength: 36,
        uri: "http://evil.example/mesh.bin",
      };
    });
    const problem = await refused([{ name: "external.gltf", bytes }], 422, "external_uri");
    assert.equal(problem.where, "external.gltf /buffers/0");
    assert.equal(problem.measured, "http://evil.example/mesh.bin");
  });

  test("a ../ path and an absolute path in resource URIs", async () => {
    const climbing = triangleGltf((json) => {
      json.images = [{ uri: "../../etc/passwd.png" }];
    });
    assert.equal(
      (await refused([{ name: "climb.gltf", bytes: climbing }], 422, "unsafe_path")).where,
      "climb.gltf /images/0",
    );
    const encoded = triangleGltf((json) => {
      json.images = [{ uri: "textures/%2E%2E/%2E%2E/secret.png" }];
    });
    await refused([{ name: "encoded.gltf", bytes: encoded }], 422, "unsafe_path");
    const absolute = triangleGltf((json) => {
      (json.buffers as Array<Record<string, unknown>>)[0] = { byteLength: 36, uri: "/etc/mesh.bin" };
    });
    await refused([{ name: "absolute.gltf", bytes: absolute }], 422, "unsafe_path");
  });

  test("a resource the upload does not hold", async () => {
    const bytes = triangleGltf((json) => {
      (json.buffers as Array<Record<string, unknown>>)[0] = { byteLength: 36, uri: "mesh.bin" };
    });
    const problem = await refused([{ name: "alone.gltf", bytes }], 422, "missing_resource");
    assert.equal(problem.measured, "mesh.bin");
  });

  test("an oversized texture", async () => {
    const png = await sharp({ create: { width: 4100, height: 4, channels: 3, background: "#c8a96e" } })
      .png()
      .toBuffer();
    const problem = await refused(
      [{ name: "wide.glb", bytes: await gridGlb(2, new Uint8Array(png)) }],
      422,
      "texture_too_large",
    );
    assert.equal(problem.where, "huge");
    assert.equal(problem.limit, 4096);
    assert.equal(problem.measured, 4100);
  });

  test("too many triangles", async () => {
    const problem = await refused(
      [{ name: "dense.glb", bytes: await gridGlb(3200) }],
      422,
      "too_many_triangles",
    );
    assert.equal(problem.limit, 5000);
    assert.equal(problem.measured, 6400);
  });

  test("a file that claims to be GLB but is not", async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000000" } })
      .png()
      .toBuffer();
    const problem = await refused(
      [{ name: "model.glb", bytes: new Uint8Array(png), type: "model/gltf-binary" }],
      415,
      "not_a_model",
    );
    assert.match(problem.message, /PNG/);
  });

  test("an empty upload: no file, or an empty file", async () => {
    await refused(null, 422, "empty_upload", { body: new FormData() });
    await refused([{ name: "empty.glb", bytes: new Uint8Array(0) }], 422, "empty_upload");
  });

  test("over the size limit", async () => {
    const big = REAL_MODELS.find((m) => m.name === "AlarmClock01.glb") as { name: string; path: string };
    const problem = await refused([{ name: big.name, bytes: readModel(big.path) }], 413, "too_large");
    assert.equal(problem.limit, 3_000_000);
    // Just over the limit (within the multipart slack): refused while streaming, not from the header.
    const streamed = await refused([{ name: "big.glb", bytes: new Uint8Array(3_100_000) }], 413, "too_large");
    assert.equal(streamed.measured, 3_100_000);
  });

  test("a zip with a path trick", async () => {
    const zip = zipSync({ "model.gltf": triangleGltf(), "../../evil.bin": new Uint8Array([1, 2, 3]) });
    const problem = await refused([{ name: "pack.zip", bytes: zip }], 422, "unsafe_path");
    assert.match(problem.where ?? "", /\.\.\/\.\.\/evil\.bin/);
  });

  test("not multipart at all, an unknown file type, and two models at once", async () => {
    await refused(null, 415, "unsupported_file", {
      body: JSON.stringify({ file: "x" }),
      headers: { "content-type": "application/json" },
    });
    await refused([{ name: "setup.exe", bytes: encode("MZ...") }], 415, "unsupported_file");
    await refused(
      [
        { name: "a.gltf", bytes: triangleGltf() },
        { name: "b.gltf", bytes: triangleGltf() },
      ],
      422,
      "too_many_files",
    );
  });

  test("a data: URI is fine: the same triangle is accepted", async () => {
    const response = await uploadModel(server.url, BRAND, cookie, [
      { name: "triangle.gltf", bytes: triangleGltf() },
    ]);
    assert.equal(response.status, 201, JSON.stringify(await response.clone().json()));
    filesBefore = storedFiles(server.dataDir);
  });
});
