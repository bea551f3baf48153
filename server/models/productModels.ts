/** How an uploaded model appears in the catalog: URLs of its blobs, display height, named variants. */
import type { ProductModel } from "../../shared/catalog.ts";
import { ErrorCode } from "../../shared/errors.ts";
import type { UploadedModel, VariantLabel } from "../../shared/models.ts";
import { DomainError } from "../errors.ts";

/**
 * Labels for the model's variants: the brand's where given (each must name a variant of the model),
 * the variant's own name in English otherwise, in the model's order.
 * @throws DomainError validation_failed naming the unknown variants.
 */
export function variantLabelsFor(model: UploadedModel, labels: VariantLabel[] | undefined): VariantLabel[] {
  const given = labels ?? [];
  const unknown = given.filter((l) => !model.variantNames.includes(l.name)).map((l) => l.name);
  if (unknown.length > 0) {
    const known = model.variantNames.length > 0 ? model.variantNames.join(", ") : "none";
    throw new DomainError(
      ErrorCode.validation,
      `The model has no variant named ${unknown.map((n) => `"${n}"`).join(", ")} (its variants: ${known}).`,
      [{ path: "variantLabels", message: `Unknown variant: ${unknown.join(", ")}` }],
    );
  }
  return model.variantNames.map(
    (name) => given.find((l) => l.name === name) ?? { name, label: { en: name } },
  );
}

/** The catalog's view of an uploaded model. */
export function catalogModelOf(
  model: UploadedModel,
  options: { displayHeight: number; credit?: string; variantLabels: VariantLabel[] },
): ProductModel {
  return {
    kind: "gltf",
    url: model.optimized.url,
    bytes: model.optimized.bytes,
    displayHeight: options.displayHeight,
    ...(options.credit ? { credit: options.credit } : {}),
    lodUrl: model.lod.url,
    sha256: model.optimized.sha256,
    ...(options.variantLabels.length > 0 ? { variants: options.variantLabels } : {}),
  };
}
