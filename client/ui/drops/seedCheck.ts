/**
 * Checks a raffle's revealed seed against the commitment published when entries opened: the
 * commitment is the SHA-256 (hex) of the seed's UTF-8 text (server/drops/raffle.ts), so anyone can
 * recompute it, here with the browser's own Web Crypto.
 */
export async function seedMatchesCommitment(seed: string, commitment: string): Promise<boolean> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(seed));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  return hex === commitment.toLowerCase();
}
