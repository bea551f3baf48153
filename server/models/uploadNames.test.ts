import assert from "node:assert/strict";
import { test } from "node:test";
import { checkEntryName, checkResourceUri, normalizeRelativePath } from "./uploadNames.ts";

test("plain relative names pass; path tricks are refused", () => {
  for (const ok of ["clock.glb", "textures/wood.png", "a/./b.bin", "my model (2).gltf"])
    assert.equal(checkEntryName(ok), null, ok);
  for (const bad of [
    "../x.png",
    "a/../../x.png",
    "/etc/passwd",
    "C:/x.glb",
    "c:x.glb",
    "a\\b.png",
    "a\u0000.png",
    "",
    "x".repeat(300),
  ]) {
    assert.equal(checkEntryName(bad)?.code, "unsafe_path", JSON.stringify(bad));
  }
});

test("resource URIs: data is fine, relative resolves, schemes and climbs are refused (also %-encoded)", () => {
  assert.deepEqual(checkResourceUri("data:application/octet-stream;base64,AAAA", "w"), { kind: "data" });
  assert.deepEqual(checkResourceUri("tex/wood%20dark.png", "w"), {
    kind: "relative",
    path: "tex/wood dark.png",
  });
  assert.deepEqual(checkResourceUri("./mesh.bin?v=2", "w"), { kind: "relative", path: "mesh.bin" });
  const refused = (uri: string) => {
    const check = checkResourceUri(uri, "/buffers/0");
    return check.kind === "refused" ? check.problem.code : null;
  };
  assert.equal(refused("http://evil.example/x.bin"), "external_uri");
  assert.equal(refused("HTTPS://evil.example/x.bin"), "external_uri");
  assert.equal(refused("file:///etc/passwd"), "external_uri");
  assert.equal(refused("//evil.example/x.bin"), "external_uri");
  assert.equal(refused("../secret.bin"), "unsafe_path");
  assert.equal(refused("%2E%2E/secret.bin"), "unsafe_path");
  assert.equal(refused("/abs/x.bin"), "unsafe_path");
  assert.equal(refused("%E0%A4%A"), "unsafe_path");
});

test("normalizeRelativePath drops empty and '.' segments", () => {
  assert.equal(normalizeRelativePath("./a//b/./c.png"), "a/b/c.png");
});
