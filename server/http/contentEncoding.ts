/**
 * Which content coding a client gets, from its Accept-Encoding (RFC 9110 §12.5.3): the codings we
 * can produce, in our order of preference, weighed by the client's q-values. Brotli first (about a
 * fifth smaller than gzip on our scripts), then gzip, then the bytes as they are.
 */
export type ContentCoding = "br" | "gzip" | "identity";

/** Codings we produce, best first; a tie in the client's q-values goes to the earlier one. */
export const PREFERRED_CODINGS: readonly ContentCoding[] = ["br", "gzip", "identity"];

type Weights = { byCoding: Map<string, number>; star: number | undefined };

function parseAcceptEncoding(header: string): Weights {
  const byCoding = new Map<string, number>();
  let star: number | undefined;
  for (const part of header.split(",")) {
    const [rawName, ...params] = part.trim().split(";");
    const name = rawName?.trim().toLowerCase();
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split("=");
      if (key?.trim().toLowerCase() !== "q") continue;
      const parsed = Number(value?.trim());
      // A malformed weight is ignored rather than trusted: the coding keeps q=1, as most servers do.
      if (Number.isFinite(parsed) && parsed >= 0 && parsed <= 1) q = parsed;
    }
    // x-gzip is gzip's old alias (RFC 9110 §8.4.1.3).
    const coding = name === "x-gzip" ? "gzip" : name;
    if (coding === "*") star = q;
    else byCoding.set(coding, Math.max(q, byCoding.get(coding) ?? 0));
  }
  return { byCoding, star };
}

function weightOf(weights: Weights, coding: ContentCoding): number {
  const explicit = weights.byCoding.get(coding);
  if (explicit !== undefined) return explicit;
  if (weights.star !== undefined) return weights.star;
  // identity is acceptable unless refused explicitly (or by "*;q=0"); the others only when named.
  return coding === "identity" ? 1 : 0;
}

/**
 * The coding to answer with among `available` (identity is always possible unless the client refuses
 * it), or null when the client accepts none of them (answer 406, or identity anyway as most servers
 * do). No header at all means the client asked for nothing special: identity.
 */
export function chooseContentCoding(
  acceptEncoding: string | undefined,
  available: readonly ContentCoding[] = PREFERRED_CODINGS,
): ContentCoding | null {
  if (acceptEncoding === undefined) return "identity";
  const weights = parseAcceptEncoding(acceptEncoding);
  let best: ContentCoding | null = null;
  let bestQ = 0;
  for (const coding of PREFERRED_CODINGS) {
    if (coding === "identity" || !available.includes(coding)) continue;
    const q = weightOf(weights, coding);
    if (q > bestQ) {
      best = coding;
      bestQ = q;
    }
  }
  if (best) return best;
  // identity has no weight of its own to compete with (RFC 9110 §12.5.3): it is the fallback,
  // acceptable unless "identity;q=0", or "*;q=0" with no entry for identity, refuses it.
  return weightOf(weights, "identity") > 0 ? "identity" : null;
}

/** Adds `Accept-Encoding` to a response's Vary header once, keeping what is there. */
export function varyOnAcceptEncoding(current: string | number | string[] | undefined): string {
  const existing = (Array.isArray(current) ? current.join(",") : String(current ?? ""))
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  if (existing.some((v) => v === "*" || v.toLowerCase() === "accept-encoding")) return existing.join(", ");
  return [...existing, "Accept-Encoding"].join(", ");
}
