/**
 * Pure timing rules of the drop page, on server time: which moment the countdown counts towards in
 * each phase, and how a countdown splits into days, hours, minutes and seconds. Every client runs
 * the same rules on the same server clock, so every page shows the same second.
 */
import { type DropPhase, type DropView, dropPhaseAt } from "../../../shared/drops.ts";

/** What the countdown is counting towards; `null` once the drop has ended. */
export type CountdownTarget = {
  /** i18n key suffix under `drops.countdown.` */
  label: "announce" | "earlyAccess" | "public" | "entriesClose" | "ends";
  at: number;
} | null;

/** The drop's phase at a server instant (the shared rule the server uses too). */
export function phaseAt(drop: DropView, serverNowMs: number): DropPhase {
  return dropPhaseAt(
    {
      announceAt: new Date(drop.announceAt),
      earlyAccessStartsAt: new Date(drop.earlyAccessStartsAt),
      publicStartsAt: new Date(drop.publicStartsAt),
      endsAt: new Date(drop.endsAt),
    },
    new Date(serverNowMs),
  );
}

/** Every moment at which the drop's phase or its countdown target changes. */
export function dropInstants(drop: DropView): number[] {
  return [drop.announceAt, drop.earlyAccessStartsAt, drop.publicStartsAt, drop.entriesCloseAt, drop.endsAt]
    .filter((at): at is string => typeof at === "string")
    .map(Date.parse);
}

/** The next moment that matters in this phase. A raffle counts down to its entry deadline once open. */
export function countdownTarget(drop: DropView, phase: DropPhase): CountdownTarget {
  switch (phase) {
    case "scheduled":
      return { label: "announce", at: Date.parse(drop.announceAt) };
    case "announced":
      return { label: "earlyAccess", at: Date.parse(drop.earlyAccessStartsAt) };
    case "early_access":
    case "public": {
      const closes = drop.entriesCloseAt ? Date.parse(drop.entriesCloseAt) : null;
      if (drop.mode === "raffle" && closes !== null && !drop.drawnAt) {
        const publicAt = Date.parse(drop.publicStartsAt);
        if (phase === "early_access" && publicAt < closes) return { label: "public", at: publicAt };
        return { label: "entriesClose", at: closes };
      }
      return phase === "early_access"
        ? { label: "public", at: Date.parse(drop.publicStartsAt) }
        : { label: "ends", at: Date.parse(drop.endsAt) };
    }
    case "ended":
      return null;
  }
}

/**
 * Whole seconds left until `targetMs`, rounded up (so "0" shows only once the moment has come) and
 * never negative.
 */
export function secondsUntil(targetMs: number, serverNowMs: number): number {
  return Math.max(0, Math.ceil((targetMs - serverNowMs) / 1000));
}

export type CountdownParts = { days: number; hours: number; minutes: number; seconds: number };

/** Splits whole seconds into days, hours, minutes and seconds. */
export function splitSeconds(total: number): CountdownParts {
  const s = Math.max(0, Math.floor(total));
  return {
    days: Math.floor(s / 86_400),
    hours: Math.floor((s % 86_400) / 3600),
    minutes: Math.floor((s % 3600) / 60),
    seconds: s % 60,
  };
}

/** `2d 03:04:05`, `03:04:05` or `04:05`: digits only, so it reads the same in every language. */
export function formatCountdown(total: number): string {
  const { days, hours, minutes, seconds } = splitSeconds(total);
  const two = (n: number) => String(n).padStart(2, "0");
  const clock =
    hours > 0 || days > 0
      ? `${two(hours)}:${two(minutes)}:${two(seconds)}`
      : `${two(minutes)}:${two(seconds)}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}
