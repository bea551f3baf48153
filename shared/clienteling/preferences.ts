/**
 * What a client tells every maison about themselves once: time zone, language and quiet hours (when
 * no maison may write to them, in their own time zone). Times of day are "HH:MM" in that zone.
 */
import { IANAZone } from "luxon";
import { z } from "zod";
import { LOCALES } from "../constants.ts";

/** "HH:MM", 00:00 to 24:00 (24:00 only as the end of a range). */
export const TimeOfDay = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Give a time of day as HH:MM, e.g. 09:30");
export type TimeOfDay = z.infer<typeof TimeOfDay>;

/** Minutes since midnight of a valid "HH:MM". */
export function minutesOfDay(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** An IANA time zone name that this runtime knows, such as Europe/Paris or America/New_York. */
export const TimeZoneName = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => IANAZone.isValidZone(zone), { message: "Give an IANA time zone such as Europe/Paris" });

/**
 * Quiet hours: from `start` to `end` in the client's zone, wrapping past midnight when end ≤ start
 * (21:00–09:00). `start` equal to `end` means no quiet hours.
 */
export const QuietHours = z.object({ start: TimeOfDay, end: TimeOfDay }).strict();
export type QuietHours = z.infer<typeof QuietHours>;

export const DEFAULT_QUIET_HOURS: QuietHours = { start: "21:00", end: "09:00" };

export const ClientLanguage = z.enum(LOCALES);

export const ClientPreferences = z.object({
  timeZone: TimeZoneName,
  language: ClientLanguage,
  quietHours: QuietHours,
});
export type ClientPreferences = z.infer<typeof ClientPreferences>;

/** Any subset of the preferences. */
export const UpdatePreferencesBody = ClientPreferences.partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: "Send at least one preference to change" });
export type UpdatePreferencesBody = z.infer<typeof UpdatePreferencesBody>;

/** Before a client says otherwise: UTC, English, 21:00–09:00. */
export const DEFAULT_PREFERENCES: ClientPreferences = {
  timeZone: "UTC",
  language: "en",
  quietHours: DEFAULT_QUIET_HOURS,
};
