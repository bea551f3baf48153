/** Drops as the host knows them, and when one opens next. */

/** A drop as the host knows it (from the database's schedule). Times in epoch ms. */
export type DropFact = {
  dropId: string;
  title: string;
  brandId: string;
  productId: string;
  earlyAccessStartsAt: number;
  publicStartsAt: number;
  endsAt: number;
};

/** The next opening of a drop after `now` (early access, then public), or null. */
export function nextOpening(drop: DropFact, nowMs: number): { at: number; early: boolean } | null {
  if (drop.endsAt <= nowMs) return null;
  if (drop.earlyAccessStartsAt > nowMs && drop.earlyAccessStartsAt < drop.publicStartsAt) {
    return { at: drop.earlyAccessStartsAt, early: true };
  }
  if (drop.publicStartsAt > nowMs) return { at: drop.publicStartsAt, early: false };
  return null;
}
