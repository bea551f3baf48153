/**
 * The raffle draw, reproducible by anyone: the seed's SHA-256 is published when entries open, the
 * seed after the draw, and `recomputeDraw(seed, entryIds, stock)` gives the winners again.
 *
 * Algorithm (stable contract, do not change for existing drops):
 * 1. sort the entry ids (plain code-unit order);
 * 2. Fisher–Yates from the last index down: for i = n-1 … 1, j = u64(HMAC-SHA256(key = seed as UTF-8,
 *    message = "vitrine-draw:" + i)[0..8], big-endian) mod (i + 1), swap positions i and j;
 * 3. the winners are the first `stock` ids of the shuffled list.
 * The modulo bias is below 2^-40 for any realistic number of entries.
 */
import { createHash, createHmac, randomBytes } from "node:crypto";

/** A fresh secret seed (64 hex characters). */
export function newDrawSeed(): string {
  return randomBytes(32).toString("hex");
}

/** The commitment published before entries open: SHA-256 (hex) of the seed's UTF-8 text. */
export function commitToSeed(seed: string): string {
  return createHash("sha256").update(seed, "utf8").digest("hex");
}

/** The winning entry ids, in draw order. Pure: same inputs, same winners, on any machine. */
export function recomputeDraw(seed: string, entryIds: readonly string[], stock: number): string[] {
  const order = [...entryIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = order.length - 1; i >= 1; i--) {
    const digest = createHmac("sha256", Buffer.from(seed, "utf8")).update(`vitrine-draw:${i}`).digest();
    const j = Number(digest.readBigUInt64BE(0) % BigInt(i + 1));
    const a = order[i] as string;
    order[i] = order[j] as string;
    order[j] = a;
  }
  return order.slice(0, Math.max(0, stock));
}
