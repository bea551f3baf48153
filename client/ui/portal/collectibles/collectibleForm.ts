import { CollectibleCreate, type CollectibleObtainedBy } from "../../../../shared/collectibles.ts";
import { describeIssues } from "../../../../shared/errors.ts";
import type { FieldErrors, LocalizedValues } from "../productForm.ts";

/** What the create form holds while someone types (strings, as inputs give them). */
export type CollectibleFormValues = {
  modelId: string;
  name: LocalizedValues;
  story: LocalizedValues;
  editionSize: string;
  obtainedBy: CollectibleObtainedBy;
  sourceId: string;
};

export const blankLocalized = (): LocalizedValues => ({ en: "", fr: "", de: "", "zh-CN": "" });

export function blankCollectibleForm(): CollectibleFormValues {
  return {
    modelId: "",
    name: blankLocalized(),
    story: blankLocalized(),
    editionSize: "250",
    obtainedBy: "manual",
    sourceId: "",
  };
}

function localized(values: LocalizedValues): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v.trim().length > 0)
      .map(([k, v]) => [k, v.trim()]),
  );
}

/**
 * The request body for the form, checked by the shared schema (the server checks it again), or
 * the problems keyed by field path ("name.en", "editionSize", "sourceId").
 */
export function collectibleBody(
  form: CollectibleFormValues,
): { ok: true; body: CollectibleCreate } | { ok: false; errors: FieldErrors } {
  const candidate = {
    modelId: form.modelId,
    name: localized(form.name),
    story: localized(form.story),
    editionSize: Number(form.editionSize),
    obtainedBy: form.obtainedBy,
    ...(form.sourceId.trim() ? { sourceId: form.sourceId.trim() } : {}),
  };
  const parsed = CollectibleCreate.safeParse(candidate);
  if (parsed.success) return { ok: true, body: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of describeIssues(parsed.error)) errors[issue.path] ??= issue.message;
  return { ok: false, errors };
}

/** Splits pasted emails (commas, spaces, new lines), without duplicates. */
export function parseEmails(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}
