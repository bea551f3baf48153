/** The portal's drop form as typed, and the body it sends (checked by the shared schema first). */
import type { z } from "zod";
import type { DropMode } from "../../../../shared/drops.ts";
import { ScheduleDropBody } from "../../../../shared/drops.ts";
import { anyWritten, blankLocalized, writtenLanguages } from "../localizedValues.ts";
import type { FieldErrors, LocalizedValues } from "../productForm.ts";

export type DropFormValues = {
  productId: string;
  title: LocalizedValues;
  description: LocalizedValues;
  mode: DropMode;
  stock: string;
  perAccountLimit: string;
  earlyAccessPassTypeIds: string[];
  /** `datetime-local` values, in the browser's zone. */
  announceAt: string;
  earlyAccessStartsAt: string;
  publicStartsAt: string;
  endsAt: string;
  entriesCloseAt: string;
};

const HOUR = 3_600_000;

/** A `datetime-local` value `hours` from `now`, in the browser's zone, to the minute. */
export function localInput(now: Date, hours: number): string {
  const d = new Date(now.getTime() + hours * HOUR);
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A new drop: announced in an hour, early access the next day, public an hour later, a week long. */
export function blankDropForm(now: Date, productId: string): DropFormValues {
  return {
    productId,
    title: blankLocalized(),
    description: blankLocalized(),
    mode: "fcfs",
    stock: "10",
    perAccountLimit: "1",
    earlyAccessPassTypeIds: [],
    announceAt: localInput(now, 1),
    earlyAccessStartsAt: localInput(now, 24),
    publicStartsAt: localInput(now, 25),
    endsAt: localInput(now, 24 * 8),
    entriesCloseAt: localInput(now, 26),
  };
}

/** A `datetime-local` value as an ISO instant, or what was typed (the schema then names it). */
function instant(local: string): string {
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
}

/**
 * The request body, checked by the shared schema (the server checks it again), or the problems keyed
 * by field path ("title.en", "endsAt").
 */
export function dropBody(
  v: DropFormValues,
): { ok: true; body: z.input<typeof ScheduleDropBody> } | { ok: false; errors: FieldErrors } {
  const body: z.input<typeof ScheduleDropBody> = {
    productId: v.productId,
    title: writtenLanguages(v.title),
    ...(anyWritten(v.description) ? { description: writtenLanguages(v.description) } : {}),
    mode: v.mode,
    stock: Number(v.stock),
    perAccountLimit: v.mode === "raffle" ? 1 : Number(v.perAccountLimit),
    earlyAccessPassTypeIds: v.earlyAccessPassTypeIds,
    announceAt: instant(v.announceAt),
    earlyAccessStartsAt: instant(v.earlyAccessStartsAt),
    publicStartsAt: instant(v.publicStartsAt),
    endsAt: instant(v.endsAt),
    ...(v.mode === "raffle" ? { entriesCloseAt: instant(v.entriesCloseAt) } : {}),
  };
  const checked = ScheduleDropBody.safeParse(body);
  if (checked.success) return { ok: true, body };
  const errors: FieldErrors = {};
  for (const issue of checked.error.issues) errors[issue.path.join(".")] ??= issue.message;
  return { ok: false, errors };
}
