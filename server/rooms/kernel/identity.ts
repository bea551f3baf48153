import type { SessionUser } from "../../../shared/auth.ts";

/** Who an avatar belongs to, decided by the server from the session, never from a payload. */
export type AvatarIdentity = {
  userId: string | null;
  name: string;
  kind: "guest" | "shopper" | "staff" | "admin";
};

const ADJECTIVES = [
  "Amber",
  "Ivory",
  "Onyx",
  "Sable",
  "Pearl",
  "Velvet",
  "Cobalt",
  "Saffron",
  "Opal",
  "Jade",
];
const NOUNS = ["Flâneur", "Visitor", "Stroller", "Guest", "Wanderer", "Passer"];

/** A readable name for a guest, stable for a session id. */
export function guestName(sessionId: string): string {
  let h = 0;
  for (const ch of sessionId) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const adjective = ADJECTIVES[h % ADJECTIVES.length] ?? "Amber";
  const noun = NOUNS[(h >>> 8) % NOUNS.length] ?? "Guest";
  return `${adjective} ${noun} ${(h >>> 16) % 100}`;
}

/** Guests get a generated name: free-text names wait for the moderation tools of the chat. */
export function identityFor(user: SessionUser | null, sessionId: string): AvatarIdentity {
  if (!user) return { userId: null, name: guestName(sessionId), kind: "guest" };
  const kind = user.role === "admin" ? "admin" : user.brandRoles.length > 0 ? "staff" : "shopper";
  return { userId: user.id, name: user.displayName, kind };
}

/** Outfit palette index (0–7) so each person keeps their look across visits. */
export function lookFor(key: string): number {
  let h = 7;
  for (const ch of key) h = (h * 33 + ch.charCodeAt(0)) >>> 0;
  return h % 8;
}
