/**
 * Content-addressed storage of model files: a blob's name is the sha256 of its bytes, so a file is
 * written once however many models share it, and can be cached forever. The interface is small so
 * that an S3 (or other object store) implementation can replace the file one.
 */
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import type { BlobRef } from "../../shared/models.ts";

export type StoredBlob = { ref: BlobRef; created: boolean };

export type BlobStore = {
  /** Stores bytes under their sha256; `created` is false when they were already there. */
  put(bytes: Uint8Array): Promise<StoredBlob>;
  /** The blob's bytes as a stream with their length, or null when absent. */
  open(sha256: string): Promise<{ stream: Readable; bytes: number } | null>;
  /** Removes a blob (used to undo the blobs of an upload whose database write failed). */
  remove(sha256: string): Promise<void>;
};

export const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/** Hex sha256 of the bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The public URL of a blob; a path that fits ProductModel's URL rule. */
export function blobUrl(sha256: string): string {
  return `/blobs/${sha256}.glb`;
}

/**
 * Blobs as files in `${dataDir}/blobs/<sha256>`. Each is written to `${dataDir}/blobs-tmp` first and
 * renamed into place, so a reader never sees half a file and a crash leaves no partial blob.
 */
export function createFileBlobStore(dataDir: string): BlobStore {
  const dir = path.join(dataDir, "blobs");
  const tmpDir = path.join(dataDir, "blobs-tmp");
  const fileOf = (sha256: string) => {
    if (!SHA256_PATTERN.test(sha256)) throw new Error(`Not a sha256: ${sha256.slice(0, 80)}`);
    return path.join(dir, sha256);
  };
  let ready: Promise<unknown> | undefined;
  const ensureDirs = () => {
    ready ??= Promise.all([fs.mkdir(dir, { recursive: true }), fs.mkdir(tmpDir, { recursive: true })]);
    return ready;
  };

  return {
    async put(bytes) {
      await ensureDirs();
      const sha256 = sha256Hex(bytes);
      const ref = { sha256, url: blobUrl(sha256), bytes: bytes.byteLength };
      const target = fileOf(sha256);
      if (await exists(target)) return { ref, created: false };
      const tmp = path.join(tmpDir, `${sha256}.${randomUUID()}`);
      try {
        await fs.writeFile(tmp, bytes, { flag: "wx" });
        await fs.rename(tmp, target);
      } catch (error) {
        await fs.rm(tmp, { force: true });
        throw error;
      }
      return { ref, created: true };
    },
    async open(sha256) {
      if (!SHA256_PATTERN.test(sha256)) return null;
      try {
        const stat = await fs.stat(fileOf(sha256));
        return { stream: createReadStream(fileOf(sha256)), bytes: stat.size };
      } catch {
        return null;
      }
    },
    async remove(sha256) {
      await fs.rm(fileOf(sha256), { force: true });
    },
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
