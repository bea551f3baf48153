import { z } from "zod";

/**
 * The reader's comfort settings, remembered in this browser per person (the signed-in account, or
 * the guest): how much moves, how the avenue is drawn, how large and how contrasted the text is.
 * Pure: the store (`comfortStore.ts`) persists and applies them.
 */
export const ComfortSettings = z.object({
  /** "system" follows `prefers-reduced-motion`; "reduce" and "full" override it. */
  motion: z.enum(["system", "reduce", "full"]).default("system"),
  /** "auto" draws the 3D avenue when the browser can; "list" is the 2D Vitrine. */
  view: z.enum(["auto", "list"]).default("auto"),
  /** Walk by clicking a spot (or choosing a boutique) instead of holding keys. */
  clickToMove: z.boolean().default(false),
  highContrast: z.boolean().default(false),
  largeText: z.boolean().default(false),
});
export type ComfortSettings = z.infer<typeof ComfortSettings>;

export const DEFAULT_COMFORT: ComfortSettings = ComfortSettings.parse({});

/** What was saved, or the defaults when nothing (or something unreadable) was. */
export function readComfort(saved: string | null): ComfortSettings {
  if (!saved) return DEFAULT_COMFORT;
  try {
    const parsed = ComfortSettings.safeParse(JSON.parse(saved));
    return parsed.success ? parsed.data : DEFAULT_COMFORT;
  } catch {
    return DEFAULT_COMFORT;
  }
}

/** Whether motion is calmed: the reader's choice, else the system's. */
export function motionReduced(settings: ComfortSettings, systemPrefersReduced: boolean): boolean {
  if (settings.motion === "reduce") return true;
  if (settings.motion === "full") return false;
  return systemPrefersReduced;
}

/** Whether the page shows the 2D Vitrine: chosen, or the only view this browser can draw. */
export function showsList(settings: ComfortSettings, webgl: boolean): boolean {
  return !webgl || settings.view === "list";
}

/** Storage key of one person's settings ("guest" before signing in). */
export function comfortKey(userId: string | null): string {
  return `vitrine.comfort.${userId ?? "guest"}`;
}
