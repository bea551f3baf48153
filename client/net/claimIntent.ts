/**
 * One Idempotency-Key per intent to claim: created when the person presses "claim", reused for every
 * retry of that intent (a lost answer, a reload mid-request), forgotten once the server has answered.
 * Kept in sessionStorage so a reload of the tab retries the same intent instead of claiming twice.
 */

const PREFIX = "vitrine.claimIntent";

function storageKey(dropId: string, userId: string): string {
  return `${PREFIX}:${userId}:${dropId}`;
}

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // storage can be disabled; the key then lives as long as the page
  }
}

const inMemory = new Map<string, string>();

/** A fresh key the server accepts (letters, digits, dashes; 8–100 characters). */
function newKey(): string {
  return `claim-${crypto.randomUUID()}`;
}

/** The key of the pending intent to claim on this drop, or a new one if none is pending. */
export function claimIntentKey(dropId: string, userId: string): string {
  const name = storageKey(dropId, userId);
  const existing = storage()?.getItem(name) ?? inMemory.get(name);
  if (existing) return existing;
  const key = newKey();
  inMemory.set(name, key);
  storage()?.setItem(name, key);
  return key;
}

/** The server answered the intent (held or refused): the next press is a new intent. */
export function settleClaimIntent(dropId: string, userId: string): void {
  const name = storageKey(dropId, userId);
  inMemory.delete(name);
  storage()?.removeItem(name);
}
