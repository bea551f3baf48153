/**
 * Selection lists: pieces (with their variant and personalisation) an advisor gathers for a client,
 * during or after an appointment. The client keeps every list; a brand sees only its own. One item
 * can be handed over to the drop's claim (a limited piece) or to the brand's order webhook.
 */
import { z } from "zod";
import { LocalizedText, Money } from "../catalog.ts";
import { ClaimAnswer } from "../drops.ts";
import { PersonalisationChoice } from "../personalisation.ts";

const Id = z.string().min(1).max(100);

export const CreateSelectionListBody = z
  .object({
    clientId: Id,
    title: z.string().trim().min(1).max(120),
    appointmentId: Id.optional(),
  })
  .strict();
export type CreateSelectionListBody = z.infer<typeof CreateSelectionListBody>;

/** The personalisation is checked on the server against the product's options (same schema). */
export const AddSelectionItemBody = z
  .object({
    productId: Id,
    /** A material variant of the product's model, or null for its default materials. */
    variant: z.string().min(1).max(200).nullable().default(null),
    personalisation: z.unknown().optional(),
    note: z.string().trim().min(1).max(1000).optional(),
  })
  .strict();
export type AddSelectionItemBody = z.infer<typeof AddSelectionItemBody>;

export const HandoverStatus = z.enum(["none", "claim_held", "order_sent"]);
export type HandoverStatus = z.infer<typeof HandoverStatus>;

export const SelectionItem = z.object({
  id: z.string(),
  productId: z.string(),
  productName: LocalizedText,
  price: Money,
  variant: z.string().nullable(),
  personalisation: PersonalisationChoice.nullable(),
  note: z.string().nullable(),
  addedAt: z.iso.datetime(),
  handover: z.object({
    status: HandoverStatus,
    claimId: z.string().nullable(),
    orderDeliveryId: z.string().nullable(),
    at: z.iso.datetime().nullable(),
  }),
});
export type SelectionItem = z.infer<typeof SelectionItem>;

export const SelectionList = z.object({
  id: z.string(),
  brandId: z.string(),
  brandName: z.string(),
  clientId: z.string(),
  advisorId: z.string().nullable(),
  advisorName: z.string().nullable(),
  appointmentId: z.string().nullable(),
  title: z.string(),
  items: z.array(SelectionItem),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SelectionList = z.infer<typeof SelectionList>;

/** The client decides on one item: to the drop's claim, or as an order to the brand. */
export const HandoverBody = z.discriminatedUnion("to", [
  z.object({ to: z.literal("claim"), dropId: Id }).strict(),
  z.object({ to: z.literal("order") }).strict(),
]);
export type HandoverBody = z.infer<typeof HandoverBody>;

/** What a hand-over did: the drop's answer to the claim, or the order queued for the brand. */
export const HandoverAnswer = z.discriminatedUnion("to", [
  z.object({ to: z.literal("claim"), claim: ClaimAnswer, item: SelectionItem }),
  z.object({ to: z.literal("order"), orderDeliveryId: z.string(), item: SelectionItem }),
]);
export type HandoverAnswer = z.infer<typeof HandoverAnswer>;
