/** The portal's pass programme form as typed, and the body it sends (checked by the shared schema). */
import type { z } from "zod";
import { CreatePassTypeBody } from "../../../../shared/passes.ts";
import { blankLocalized, writtenLanguages } from "../localizedValues.ts";
import type { FieldErrors, LocalizedValues } from "../productForm.ts";
import { localInput } from "./dropForm.ts";

export type PassFormValues = {
  name: LocalizedValues;
  tier: string;
  /** `datetime-local` values, in the browser's zone. */
  validFrom: string;
  validUntil: string;
  earlyAccessLeadMinutes: string;
  inviteOnlyEvents: boolean;
  /** Blank: the drop's own per-account limit. */
  perDropClaimLimit: string;
};

/** A new programme: valid from now for a year, an hour's early access. */
export function blankPassForm(now: Date): PassFormValues {
  return {
    name: blankLocalized(),
    tier: "",
    validFrom: localInput(now, 0),
    validUntil: localInput(now, 24 * 365),
    earlyAccessLeadMinutes: "60",
    inviteOnlyEvents: false,
    perDropClaimLimit: "",
  };
}

const instant = (local: string) => {
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
};

/** The request body for the brand's programme, or the problems keyed by field path ("name.en"). */
export function passBody(
  brandId: string,
  v: PassFormValues,
): { ok: true; body: z.input<typeof CreatePassTypeBody> } | { ok: false; errors: FieldErrors } {
  const body: z.input<typeof CreatePassTypeBody> = {
    brandId,
    name: writtenLanguages(v.name),
    tier: v.tier.trim(),
    validFrom: instant(v.validFrom),
    validUntil: instant(v.validUntil),
    entitlements: {
      earlyAccessLeadMinutes: Number(v.earlyAccessLeadMinutes),
      inviteOnlyEvents: v.inviteOnlyEvents,
      perDropClaimLimit: v.perDropClaimLimit.trim() === "" ? null : Number(v.perDropClaimLimit),
      passOnlyCollectibleIds: [],
    },
  };
  const checked = CreatePassTypeBody.safeParse(body);
  if (checked.success) return { ok: true, body };
  const errors: FieldErrors = {};
  for (const issue of checked.error.issues) errors[issue.path.join(".")] ??= issue.message;
  return { ok: false, errors };
}
