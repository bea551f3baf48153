/** A brand's clienteling settings (its owners change them), with defaults for a brand that never did. */
import { z } from "zod";

export const ClientelingSettings = z
  .object({
    /** Length of an appointment slot, in minutes. */
    slotMinutes: z.number().int().min(15).max(180),
    /** How far ahead a shopper may book, in days… */
    bookingHorizonDays: z.number().int().min(1).max(180),
    /** …and a holder of an active pass of one of the brand's programmes. */
    passHolderHorizonDays: z.number().int().min(1).max(365),
    /** The earliest a slot can be booked, in minutes from now. */
    minNoticeMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60),
    /** Upcoming appointments one client may hold with the brand at once. */
    maxUpcomingPerClient: z.number().int().min(1).max(10),
    /** Frequency cap: at most `capMessages` outreach messages per client per `capWindowDays`. */
    capMessages: z.number().int().min(1).max(50),
    capWindowDays: z.number().int().min(1).max(90),
  })
  .strict()
  .refine((s) => s.passHolderHorizonDays >= s.bookingHorizonDays, {
    message: "Pass holders must be able to book at least as far ahead as everyone",
    path: ["passHolderHorizonDays"],
  });
export type ClientelingSettings = z.infer<typeof ClientelingSettings>;

export const DEFAULT_CLIENTELING_SETTINGS: ClientelingSettings = {
  slotMinutes: 30,
  bookingHorizonDays: 14,
  passHolderHorizonDays: 60,
  minNoticeMinutes: 60,
  maxUpcomingPerClient: 2,
  capMessages: 2,
  capWindowDays: 14,
};

/** Any subset of the settings (checked again as a whole once merged). */
export const UpdateClientelingSettingsBody = z
  .object({
    slotMinutes: z.number().int(),
    bookingHorizonDays: z.number().int(),
    passHolderHorizonDays: z.number().int(),
    minNoticeMinutes: z.number().int(),
    maxUpcomingPerClient: z.number().int(),
    capMessages: z.number().int(),
    capWindowDays: z.number().int(),
  })
  .partial()
  .strict();
export type UpdateClientelingSettingsBody = z.infer<typeof UpdateClientelingSettingsBody>;
