/** Reads the container of a binary glTF (GLB 2.0): header, JSON chunk, optional BIN chunk. */

const GLB_MAGIC = 0x46546c67; // "glTF"
const CHUNK_JSON = 0x4e4f534a; // "JSON"
const CHUNK_BIN = 0x004e4942; // "BIN\0"

export type GlbParse =
  | { ok: true; json: Uint8Array; bin: Uint8Array | undefined }
  | { ok: false; reason: string; expected: number | string | null; measured: number | string | null };

/** Splits a GLB into its chunks, saying precisely what is wrong with a broken or truncated one. */
export function parseGlb(bytes: Uint8Array): GlbParse {
  if (bytes.byteLength < 20) {
    return {
      ok: false,
      reason: "The file is too short to be a GLB",
      expected: ">= 20 bytes",
      measured: bytes.byteLength,
    };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== GLB_MAGIC) {
    return {
      ok: false,
      reason: "The file is named .glb but is not a binary glTF",
      expected: "glTF",
      measured: JSON.stringify(String.fromCharCode(...bytes.subarray(0, 4))),
    };
  }
  const version = view.getUint32(4, true);
  if (version !== 2)
    return { ok: false, reason: "Only glTF 2.0 is supported", expected: 2, measured: version };
  const length = view.getUint32(8, true);
  if (length !== bytes.byteLength) {
    const reason =
      length > bytes.byteLength
        ? "The GLB is truncated: it is shorter than its header says"
        : "The GLB is longer than its header says";
    return { ok: false, reason, expected: length, measured: bytes.byteLength };
  }
  const jsonLength = view.getUint32(12, true);
  if (view.getUint32(16, true) !== CHUNK_JSON || 20 + jsonLength > length) {
    return {
      ok: false,
      reason: "The GLB's first chunk is not a complete JSON chunk",
      expected: "JSON chunk",
      measured: null,
    };
  }
  const json = bytes.subarray(20, 20 + jsonLength);
  const binStart = 20 + jsonLength;
  if (binStart + 8 > length) return { ok: true, json, bin: undefined };
  const binLength = view.getUint32(binStart, true);
  if (view.getUint32(binStart + 4, true) !== CHUNK_BIN || binStart + 8 + binLength > length) {
    return {
      ok: false,
      reason: "The GLB's binary chunk is broken or truncated",
      expected: binLength,
      measured: length - binStart - 8,
    };
  }
  return { ok: true, json, bin: bytes.subarray(binStart + 8, binStart + 8 + binLength) };
}

const SIGNATURES: Array<[string, number[]]> = [
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["a zip archive", [0x50, 0x4b, 0x03, 0x04]],
  ["a PDF document", [0x25, 0x50, 0x44, 0x46]],
  ["a GLB", [0x67, 0x6c, 0x54, 0x46]],
];

/** What the bytes look like, for error messages ("it looks like a PNG image"). */
export function describeBytes(bytes: Uint8Array): string {
  const found = SIGNATURES.find(([, sig]) => sig.every((b, i) => bytes[i] === b));
  if (found) return `it looks like ${found[0]}`;
  const head = bytes.subarray(0, 64);
  const printable = head.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127));
  return printable && head.byteLength > 0
    ? "it looks like text"
    : `${bytes.byteLength} bytes of unknown content`;
}
