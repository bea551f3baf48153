/**
 * What a browser downloads up front for the avenue, read from the build: the entry script of
 * dist/index.html and every chunk it imports statically (Vite's modulepreloads), each with its
 * gzipped size. The test holds it to the budget; bench/firstload.ts prints it.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/** The avenue's initial JavaScript, gzipped, may not exceed this (issue 15). */
export const INITIAL_JS_BUDGET_GZIP_BYTES = 300 * 1024;

type ManifestChunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] };
/** Sizes of one chunk: as built, gzipped (level 9) and as the build's brotli twin (null: none). */
export type InitialChunk = { file: string; bytes: number; gzipBytes: number; brotliBytes: number | null };

export function readManifest(dist: string): Record<string, ManifestChunk> {
  const file = path.join(dist, ".vite", "manifest.json");
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: build the client first (npm run build; npm test does it).`);
  }
  return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, ManifestChunk>;
}

/** The entry and everything it imports statically, entry first, each file once. */
export function initialChunkFiles(dist: string): string[] {
  const manifest = readManifest(dist);
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  if (!entry) throw new Error("the build manifest names no entry");
  const files: string[] = [];
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.includes(chunk.file)) return;
    files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entry[0]);
  return files;
}

/** The scripts dist/index.html makes the browser fetch before anything runs. */
export function scriptsInIndexHtml(dist: string): string[] {
  const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
  const found = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+)"/g),
  ];
  return found.map((m) => m[1] ?? "");
}

export function initialChunks(dist: string): InitialChunk[] {
  return initialChunkFiles(dist).map((file) => {
    const bytes = fs.readFileSync(path.join(dist, file));
    return {
      file,
      bytes: bytes.length,
      gzipBytes: zlib.gzipSync(bytes, { level: 9 }).length,
      brotliBytes: fs.existsSync(path.join(dist, `${file}.br`))
        ? fs.statSync(path.join(dist, `${file}.br`)).size
        : null,
    };
  });
}
