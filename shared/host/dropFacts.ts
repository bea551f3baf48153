/** Drops as the host knows them, and when one opens next. */
import type { LocalizedText } from "../catalog.ts";

/** A drop as the host knows it (from the database's schedule). Times in epoch ms. */
export type DropFact = {
  dropId: string;
  /** Per language: the host says it in each reader's language. */
  title: LocalizedText;
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
