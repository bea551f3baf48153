/**
 * Turns an advisor's outreach content into the subject and body the client reads: the brand's
 * template for the occasion (or the default one) in the client's language, its merge fields filled
 * from the database, never from the advisor's word (a product or drop must be the brand's own).
 */
import { and, eq } from "drizzle-orm";
import type { ConsentPurpose } from "../../../shared/clienteling/consent.ts";
import type { OutreachContent } from "../../../shared/clienteling/outreach.ts";
import type { ClientPreferences } from "../../../shared/clienteling/preferences.ts";
import { OCCASION_PURPOSES, renderTemplate } from "../../../shared/clienteling/templates.ts";
import type { Locale } from "../../../shared/constants.ts";
import { type DbLike, drizzleOf } from "../../db/database.ts";
import { drops, products } from "../../db/schema.ts";
import { DomainError } from "../../errors.ts";
import { templateFor } from "../settings.ts";
import { formatInstantFor, textFor } from "./formatting.ts";

export type ComposedMessage = { subject: string; body: string; language: Locale; occasion: string | null };

export type ComposeContext = {
  brandId: string;
  brandName: string;
  clientName: string;
  advisorName: string;
  preferences: ClientPreferences;
  purpose: ConsentPurpose;
};

async function occasionValues(
  database: DbLike,
  content: Exclude<OutreachContent, { occasion: null }>,
  ctx: ComposeContext,
): Promise<Record<string, string>> {
  const db = drizzleOf(database);
  const { language, timeZone } = ctx.preferences;
  if (content.occasion === "wishlist_piece_new" || content.occasion === "wishlist_piece_available") {
    const [product] = await db
      .select({ name: products.name })
      .from(products)
      .where(and(eq(products.id, content.productId), eq(products.brandId, ctx.brandId)));
    if (!product) throw DomainError.notFound("product", content.productId);
    return { productName: textFor(product.name, language) };
  }
  if (content.occasion === "drop_suggestion") {
    const [drop] = await db
      .select({ title: drops.title, publicStartsAt: drops.publicStartsAt, productName: products.name })
      .from(drops)
      .innerJoin(products, eq(products.id, drops.productId))
      .where(and(eq(drops.id, content.dropId), eq(drops.brandId, ctx.brandId)));
    if (!drop) throw DomainError.notFound("drop", content.dropId);
    return {
      productName: textFor(drop.productName, language),
      dropTitle: textFor(drop.title, language),
      dropStartsAt: formatInstantFor(drop.publicStartsAt, timeZone, language),
    };
  }
  if (content.occasion === "event_invitation") {
    return {
      eventTitle: content.eventTitle,
      eventStartsAt: formatInstantFor(new Date(content.eventStartsAt), timeZone, language),
    };
  }
  return {};
}

/**
 * The message for the client, in their language.
 * @throws DomainError validation_failed (purpose not allowed for the occasion, or the brand's template
 * refers to a field that cannot be filled: `unknown_merge_field` / `missing_merge_field`), not_found
 * (product or drop not of this brand).
 */
export async function composeOutreach(
  database: DbLike,
  content: OutreachContent,
  ctx: ComposeContext,
): Promise<ComposedMessage> {
  const language = ctx.preferences.language;
  if (content.occasion === null)
    return { subject: content.subject, body: content.body, language, occasion: null };
  if (!OCCASION_PURPOSES[content.occasion].includes(ctx.purpose)) {
    throw new DomainError(
      "validation_failed",
      `A ${content.occasion} message goes under ${OCCASION_PURPOSES[content.occasion].join(" or ")}.`,
      {
        reason: "purpose_not_allowed",
        allowed: OCCASION_PURPOSES[content.occasion],
      },
    );
  }
  const values: Record<string, string> = {
    clientName: ctx.clientName,
    advisorName: ctx.advisorName,
    brandName: ctx.brandName,
    ...(await occasionValues(database, content, ctx)),
  };
  const template = await templateFor(database, ctx.brandId, content.occasion);
  const rendered = renderTemplate(content.occasion, template, language, values);
  if (!rendered.ok) {
    const first = rendered.problems[0];
    throw new DomainError("validation_failed", first?.message ?? "The template cannot be filled.", {
      reason: first?.code,
      problems: rendered.problems,
    });
  }
  const body = content.note ? `${rendered.rendered.body}\n\n${content.note}` : rendered.rendered.body;
  return {
    subject: rendered.rendered.subject,
    body,
    language: rendered.rendered.language,
    occasion: content.occasion,
  };
}
