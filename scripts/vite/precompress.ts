/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible build file, with the slowest, best
 * settings (brotli 11, gzip 9): the server hands them to clients that accept them
 * (server/http/precompressed.ts) instead of compressing the same bytes on every request. A twin
 * that would not save at least a tenth is not written: the plain file is then the answer.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { Plugin } from "vite";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Source maps are left out: only devtools fetch them, and brotli 11 on megabytes of map is slow. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|wasm|txt|xml|ttf|otf)$/i;
const MIN_BYTES = 1024;
const MAX_RATIO = 0.9;

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".")) yield* filesUnder(full);
    } else if (COMPRESSIBLE.test(entry.name)) yield full;
  }
}

export type PrecompressedFile = { file: string; bytes: number; br: number | null; gzip: number | null };

/** Compresses every eligible file under `dir`; returns what it wrote (null: twin not worth it). */
export async function precompressFolder(dir: string): Promise<PrecompressedFile[]> {
  const jobs: Promise<PrecompressedFile>[] = [];
  for await (const file of filesUnder(dir)) {
    jobs.push(
      (async () => {
        const bytes = await fs.readFile(file);
        if (bytes.length < MIN_BYTES) return { file, bytes: bytes.length, br: null, gzip: null };
        const [br, gz] = await Promise.all([
          brotli(bytes, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
          gzip(bytes, { level: zlib.constants.Z_BEST_COMPRESSION }),
        ]);
        const keep = async (twin: Buffer, suffix: string) => {
          if (twin.length > bytes.length * MAX_RATIO) return null;
          await fs.writeFile(file + suffix, twin);
          return twin.length;
        };
        return { file, bytes: bytes.length, br: await keep(br, ".br"), gzip: await keep(gz, ".gz") };
      })(),
    );
  }
  return Promise.all(jobs);
}

/** The Vite plugin: runs once the bundle is on disk. */
export function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "vitrine:precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      const written = await precompressFolder(outDir);
      const twins = written.filter((f) => f.br !== null || f.gzip !== null).length;
      this.info(`precompressed ${twins} of ${written.length} files (brotli 11, gzip 9)`);
    },
  };
}
