/**
 * The three rules of outreach, decided from plain values so they can be tested alone:
 * 1. consent for the purpose on every channel asked (only the client can lift this one);
 * 2. the frequency cap: at most `capMessages` counted messages per client and brand in any window
 *    of `capWindowDays`, whichever advisor sent them;
 * 3. quiet hours in the client's own time zone.
 * When a message is refused, `allowedAt` is the first instant at which every time-bound rule passes
 * (the cap's window has moved past the oldest counted message, and that instant is outside quiet
 * hours), so "try again at" is never a time that would be refused again.
 */
import type { ConsentChannel, ConsentMatrix, ConsentPurpose } from "../../../shared/clienteling/consent.ts";
import type { OutreachRefusal, OutreachRule } from "../../../shared/clienteling/outreach.ts";
import type { QuietHours } from "../../../shared/clienteling/preferences.ts";
import { firstMomentOutsideQuietHours, quietPeriodAt } from "../../../shared/clienteling/quietHours.ts";

export type OutreachFacts = {
  now: Date;
  consent: ConsentMatrix;
  purpose: ConsentPurpose;
  channels: readonly ConsentChannel[];
  timeZone: string;
  quietHours: QuietHours;
  capMessages: number;
  capWindowDays: number;
  /** When the counted messages of this brand to this client were sent (any order, any age). */
  countedSentAt: readonly Date[];
};

const MESSAGES: Record<OutreachRule, string> = {
  consent_missing: "The client has not agreed to hear from you about this, on this channel.",
  frequency_cap: "The client has already heard from your maison as often as your limit allows.",
  quiet_hours: "It is within the client's quiet hours where they are.",
};

/** When the cap frees a place, or null when it has one now. */
export function capFreesAt(
  facts: Pick<OutreachFacts, "now" | "capMessages" | "capWindowDays" | "countedSentAt">,
): Date | null {
  const windowMs = facts.capWindowDays * 86_400_000;
  const inWindow = facts.countedSentAt
    .filter((at) => at.getTime() > facts.now.getTime() - windowMs)
    .map((at) => at.getTime())
    .sort((a, b) => a - b);
  if (inWindow.length < facts.capMessages) return null;
  // The oldest message that must leave the window for one place to open.
  const leaving = inWindow[inWindow.length - facts.capMessages] as number;
  return new Date(leaving + windowMs);
}

/** Null when the message may go now; otherwise the refusal with its rule and `allowedAt`. */
export function decideOutreach(facts: OutreachFacts): OutreachRefusal | null {
  const missingChannels = facts.channels.filter((channel) => !facts.consent[facts.purpose][channel]);
  const freesAt = capFreesAt(facts);
  const quiet = quietPeriodAt(facts.now, facts.timeZone, facts.quietHours);
  const blockedBy: OutreachRule[] = [
    ...(missingChannels.length > 0 ? ["consent_missing" as const] : []),
    ...(freesAt ? ["frequency_cap" as const] : []),
    ...(quiet ? ["quiet_hours" as const] : []),
  ];
  const rule = blockedBy[0];
  if (rule === undefined) return null;
  const timeBound = freesAt ?? facts.now;
  const allowedAt =
    rule === "consent_missing"
      ? null
      : firstMomentOutsideQuietHours(timeBound, facts.timeZone, facts.quietHours);
  return {
    outcome: "refused",
    rule,
    allowedAt: allowedAt?.toISOString() ?? null,
    message: MESSAGES[rule],
    details: { blockedBy, missingChannels },
  };
}
