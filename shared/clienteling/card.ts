/**
 * The client book and the client card: what a maison's advisors may know about a client who chose a
 * relationship with it, and never anything of another maison. Every read of a card by staff leaves
 * an entry in the client's access log, which the client can read.
 */
import { DateTime } from "luxon";
import { z } from "zod";
import { LocalizedText } from "../catalog.ts";
import { ConsentMatrix } from "./consent.ts";
import { QuietHours } from "./preferences.ts";

export const ImportantDate = z
  .object({
    kind: z.enum(["birthday", "anniversary", "other"]),
    label: z.string().trim().min(1).max(80).optional(),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    year: z.number().int().min(1900).max(2200).optional(),
  })
  .strict()
  // 29 February is a real birthday: a leap year stands in when no year is given.
  .refine((d) => DateTime.fromObject({ year: d.year ?? 2000, month: d.month, day: d.day }).isValid, {
    message: "This day does not exist in that month",
    path: ["day"],
  });
export type ImportantDate = z.infer<typeof ImportantDate>;

const Size = z.string().trim().min(1).max(20);
export const ClientSizes = z
  .object({
    ring: Size,
    wrist: Size,
    bracelet: Size,
    clothing: Size,
    shoe: Size,
    other: z.string().trim().min(1).max(200),
  })
  .partial()
  .strict();
export type ClientSizes = z.infer<typeof ClientSizes>;

/** What staff may change on a card. */
export const UpdateClientCardBody = z
  .object({
    notes: z.string().max(5000),
    importantDates: z.array(ImportantDate).max(20),
    sizes: ClientSizes,
  })
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: "Send at least one field to change" });
export type UpdateClientCardBody = z.infer<typeof UpdateClientCardBody>;

const Person = z.object({ id: z.string(), name: z.string() });

/** One line of a brand's client book. */
export const ClientBookEntry = z.object({
  clientId: z.string(),
  name: z.string(),
  language: z.string(),
  timeZone: z.string(),
  preferredAdvisor: Person.nullable(),
  consent: ConsentMatrix,
  inBookSince: z.iso.datetime(),
  nextAppointmentAt: z.iso.datetime().nullable(),
});
export type ClientBookEntry = z.infer<typeof ClientBookEntry>;

/** One of the brand's events the client took part in (from the events domain, when it is there). */
export const CardEvent = z.object({
  eventId: z.string(),
  title: z.string(),
  startsAt: z.iso.datetime(),
  role: z.enum(["invited", "registered", "attended"]),
});
export type CardEvent = z.infer<typeof CardEvent>;

export const ClientCard = z.object({
  brandId: z.string(),
  clientId: z.string(),
  name: z.string(),
  language: z.string(),
  timeZone: z.string(),
  quietHours: QuietHours,
  consent: ConsentMatrix,
  preferredAdvisor: Person.nullable(),
  notes: z.string(),
  importantDates: z.array(ImportantDate),
  sizes: ClientSizes,
  /** Only the brand's own pieces. */
  wishlist: z.array(z.object({ productId: z.string(), name: LocalizedText, addedAt: z.iso.datetime() })),
  claims: z.array(
    z.object({
      claimId: z.string(),
      dropId: z.string(),
      dropTitle: LocalizedText,
      productId: z.string(),
      status: z.enum(["held", "confirmed", "expired"]),
      at: z.iso.datetime(),
    }),
  ),
  drawEntries: z.array(z.object({ dropId: z.string(), dropTitle: LocalizedText, at: z.iso.datetime() })),
  collectibles: z.array(
    z.object({
      collectibleId: z.string(),
      name: LocalizedText,
      edition: z.number().int(),
      editionSize: z.number().int(),
      grantedAt: z.iso.datetime(),
    }),
  ),
  passes: z.array(
    z.object({
      passId: z.string(),
      programme: LocalizedText,
      tier: z.string(),
      validUntil: z.iso.datetime(),
      active: z.boolean(),
    }),
  ),
  appointments: z.array(
    z.object({ id: z.string(), startsAt: z.iso.datetime(), status: z.string(), advisorName: z.string() }),
  ),
  /** `available: false` when this server has no events domain yet. */
  events: z.object({ available: z.boolean(), items: z.array(CardEvent) }),
});
export type ClientCard = z.infer<typeof ClientCard>;

/** The parts of a card a read returns (recorded in the access log as what was read). */
export const CARD_SECTIONS = [
  "profile",
  "consent",
  "notes",
  "important_dates",
  "sizes",
  "wishlist",
  "drops",
  "collectibles",
  "passes",
  "appointments",
  "events",
] as const;

export const AccessAction = z.enum([
  "card_read",
  "card_updated",
  "advisor_assigned",
  "selection_list_read",
  "messages_read",
]);
export type AccessAction = z.infer<typeof AccessAction>;

/** One entry of a client's access log: who, for which brand, when, what. */
export const AccessLogEntry = z.object({
  at: z.iso.datetime(),
  brandId: z.string(),
  brandName: z.string(),
  staffId: z.string().nullable(),
  staffName: z.string(),
  staffRole: z.string(),
  action: AccessAction,
  sections: z.array(z.string()),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;
