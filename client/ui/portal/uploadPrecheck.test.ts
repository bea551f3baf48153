import assert from "node:assert/strict";
import { test } from "node:test";
import type { ModelLimits } from "../../../shared/models.ts";
import { precheckUpload } from "./uploadPrecheck.ts";

const limits: ModelLimits = {
  maxUploadBytes: 1000,
  maxTriangles: 1,
  maxTextureEdge: 1,
  maxMaterials: 1,
  maxDrawCalls: 1,
  maxTextureMemoryBytes: 1,
  optimizedTextureEdge: 1,
  acceptedExtensions: [".glb", ".gltf", ".bin", ".png", ".zip"],
};
const codes = (files: { name: string; size: number }[]) => precheckUpload(files, limits).map((p) => p.code);

test("one .glb, one .zip, or a .gltf with its resources pass", () => {
  assert.deepEqual(codes([{ name: "Clock.glb", size: 10 }]), []);
  assert.deepEqual(codes([{ name: "Clock.ZIP", size: 10 }]), []);
  assert.deepEqual(
    codes([
      { name: "clock.gltf", size: 10 },
      { name: "clock.bin", size: 10 },
      { name: "dial.png", size: 10 },
    ]),
    [],
  );
});

test("nothing, other file types, no model, two models, or too many bytes are refused before sending", () => {
  assert.deepEqual(codes([]), ["empty_upload"]);
  assert.deepEqual(codes([{ name: "empty.glb", size: 0 }]), ["empty_upload"]);
  assert.deepEqual(codes([{ name: "clock.fbx", size: 10 }]), ["unsupported_file"]);
  assert.deepEqual(codes([{ name: "dial.png", size: 10 }]), ["not_a_model"]);
  assert.deepEqual(
    codes([
      { name: "a.glb", size: 10 },
      { name: "b.glb", size: 10 },
    ]),
    ["too_many_files"],
  );
  const big = precheckUpload([{ name: "a.glb", size: 1001 }], limits);
  assert.deepEqual(
    big.map((p) => [p.code, p.limit, p.measured]),
    [["too_large", 1000, 1001]],
  );
});
