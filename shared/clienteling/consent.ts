/**
 * A shopper's consent to a relationship with a maison: per brand, per purpose and per channel, each
 * change recorded with its time and where it was made. A client is in a brand's book while at least
 * one purpose is granted on at least one channel; withdrawing everything takes them out of it.
 */
import { z } from "zod";

export const CONSENT_PURPOSES = ["appointments", "new_pieces", "events"] as const;
export const ConsentPurpose = z.enum(CONSENT_PURPOSES);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;

export const CONSENT_CHANNELS = ["in_app", "email"] as const;
export const ConsentChannel = z.enum(CONSENT_CHANNELS);
export type ConsentChannel = z.infer<typeof ConsentChannel>;

/** Where the shopper made the change (for the history they and the maison can read). */
export const ConsentSource = z.enum(["boutique", "viewer", "appointment", "event", "wallet"]);
export type ConsentSource = z.infer<typeof ConsentSource>;

/** One cell of the consent matrix. */
export const ConsentGrant = z
  .object({ purpose: ConsentPurpose, channel: ConsentChannel, granted: z.boolean() })
  .strict();
export type ConsentGrant = z.infer<typeof ConsentGrant>;

/** What a shopper sends to change consent with one brand (only the cells that change). */
export const SetConsentBody = z
  .object({
    source: ConsentSource,
    changes: z
      .array(ConsentGrant)
      .min(1)
      .max(CONSENT_PURPOSES.length * CONSENT_CHANNELS.length),
  })
  .strict()
  .refine((b) => new Set(b.changes.map((c) => `${c.purpose}/${c.channel}`)).size === b.changes.length, {
    message: "Each purpose and channel may appear once",
    path: ["changes"],
  });
export type SetConsentBody = z.infer<typeof SetConsentBody>;

/** The full matrix for one brand: every purpose × channel, false where never granted. */
export const ConsentMatrix = z.object({
  appointments: z.object({ in_app: z.boolean(), email: z.boolean() }),
  new_pieces: z.object({ in_app: z.boolean(), email: z.boolean() }),
  events: z.object({ in_app: z.boolean(), email: z.boolean() }),
});
export type ConsentMatrix = z.infer<typeof ConsentMatrix>;

/** One recorded change. */
export const ConsentChange = z.object({
  brandId: z.string(),
  purpose: ConsentPurpose,
  channel: ConsentChannel,
  granted: z.boolean(),
  source: ConsentSource,
  at: z.iso.datetime(),
});
export type ConsentChange = z.infer<typeof ConsentChange>;

/** A shopper's relationship with one brand, as the shopper sees it in the wallet. */
export const BrandConsent = z.object({
  brandId: z.string(),
  brandName: z.string(),
  consent: ConsentMatrix,
  inBook: z.boolean(),
  updatedAt: z.iso.datetime().nullable(),
});
export type BrandConsent = z.infer<typeof BrandConsent>;

/** An empty matrix (nothing granted). */
export function emptyConsentMatrix(): ConsentMatrix {
  return {
    appointments: { in_app: false, email: false },
    new_pieces: { in_app: false, email: false },
    events: { in_app: false, email: false },
  };
}

/** Whether any cell of the matrix is granted (the client is then in the brand's book). */
export function anyConsentGranted(matrix: ConsentMatrix): boolean {
  return CONSENT_PURPOSES.some((p) => CONSENT_CHANNELS.some((c) => matrix[p][c]));
}
