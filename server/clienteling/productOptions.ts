/**
 * The personalisation a product offers. The brand's owners and merchandisers set it; it is checked
 * against the product's model (its surfaces and material variants) before it is stored, and every
 * choice a shopper makes is later validated with `personalisationChoiceSchema` of these options.
 */
import { eq } from "drizzle-orm";
import type { ProductModel } from "../../shared/catalog.ts";
import { describeIssues } from "../../shared/errors.ts";
import {
  type PersonalisationChoice,
  ProductPersonalisation,
  personalisationChoiceSchema,
  personalisationProblems,
} from "../../shared/personalisation.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { productPersonalisation, products } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";
import { requireStaff } from "./staff.ts";

/** Reads the material names of a glTF product's model, when the caller can (null: not checked). */
export type MaterialNamesOf = (model: ProductModel) => Promise<string[] | null>;

/** What a product offers (no options when it was never set). */
export async function getProductPersonalisation(
  database: DbLike,
  productId: string,
): Promise<ProductPersonalisation> {
  const [row] = await drizzleOf(database)
    .select({ options: productPersonalisation.options })
    .from(productPersonalisation)
    .where(eq(productPersonalisation.productId, productId));
  return row?.options ?? { options: [] };
}

/**
 * Validates declared options against a product (schema, then its model) and stores them, without
 * checking who asks (the seed and `setProductPersonalisation` call it).
 * @throws DomainError not_found (product), validation_failed (`issues` or `problems`).
 */
export async function storeProductPersonalisation(
  database: DbLike,
  input: { productId: string; options: unknown; updatedBy: string | null; materialNamesOf?: MaterialNamesOf },
  clock: Clock,
): Promise<ProductPersonalisation> {
  const db = drizzleOf(database);
  const [product] = await db.select().from(products).where(eq(products.id, input.productId));
  if (!product) throw DomainError.notFound("product", input.productId);
  const parsed = ProductPersonalisation.safeParse(input.options);
  if (!parsed.success) {
    throw new DomainError("validation_failed", "These personalisation options are not valid.", {
      issues: describeIssues(parsed.error),
    });
  }
  const materials =
    product.model.kind === "gltf" && input.materialNamesOf
      ? await input.materialNamesOf(product.model)
      : null;
  const problems = personalisationProblems(parsed.data, product.model, materials);
  if (problems.length > 0) {
    throw new DomainError(
      "validation_failed",
      problems[0]?.message ?? "The options do not fit this product.",
      {
        reason: problems[0]?.code,
        problems,
      },
    );
  }
  const values = {
    options: parsed.data,
    brandId: product.brandId,
    updatedBy: input.updatedBy,
    updatedAt: clock.now(),
  };
  await db
    .insert(productPersonalisation)
    .values({ productId: product.id, ...values })
    .onConflictDoUpdate({ target: productPersonalisation.productId, set: values });
  return parsed.data;
}

/**
 * An owner or merchandiser of the product's brand sets its personalisation options.
 * @throws DomainError forbidden, not_found, validation_failed.
 */
export async function setProductPersonalisation(
  database: DbLike,
  request: {
    actorId: string;
    productId: string;
    options: unknown;
    materialNamesOf?: MaterialNamesOf;
    /** The brand the caller acts for: a product of another brand is not found. */
    brandId?: string;
  },
  clock: Clock,
): Promise<ProductPersonalisation> {
  const [product] = await drizzleOf(database)
    .select({ brandId: products.brandId })
    .from(products)
    .where(eq(products.id, request.productId));
  if (!product || (request.brandId !== undefined && product.brandId !== request.brandId))
    throw DomainError.notFound("product", request.productId);
  await requireStaff(database, request.actorId, product.brandId, ["owner", "merchandiser"]);
  return storeProductPersonalisation(database, { ...request, updatedBy: request.actorId }, clock);
}

/**
 * A shopper's choice for a product, validated by the same schema the client uses; null stays null
 * (no personalisation) unless an option is required.
 * @throws DomainError validation_failed with `issues` (each with its path).
 */
export async function validatePersonalisationChoice(
  database: DbLike,
  productId: string,
  choice: unknown,
): Promise<PersonalisationChoice | null> {
  const { options } = await getProductPersonalisation(database, productId);
  if ((choice === undefined || choice === null) && !options.some((o) => o.required)) return null;
  const parsed = personalisationChoiceSchema(options).safeParse(choice ?? {});
  if (!parsed.success) {
    throw new DomainError("validation_failed", "This personalisation is not possible for the piece.", {
      reason: "invalid_personalisation",
      issues: describeIssues(parsed.error),
    });
  }
  return Object.keys(parsed.data).length > 0 ? (parsed.data as PersonalisationChoice) : null;
}
