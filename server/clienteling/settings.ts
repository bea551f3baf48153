/** A brand's clienteling settings and its own wording of the outreach templates (owners change both). */
import { and, eq } from "drizzle-orm";
import { DEFAULT_TEMPLATES } from "../../shared/clienteling/defaultTemplates.ts";
import {
  ClientelingSettings,
  DEFAULT_CLIENTELING_SETTINGS,
  type UpdateClientelingSettingsBody,
} from "../../shared/clienteling/settings.ts";
import {
  type OutreachOccasion,
  type OutreachTemplate,
  templateProblems,
} from "../../shared/clienteling/templates.ts";
import { describeIssues } from "../../shared/errors.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { clientelingSettings, clientelingTemplates } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";
import { requireStaff } from "./staff.ts";

/** The brand's settings, or the defaults when its owners never changed them. */
export async function getClientelingSettings(
  database: DbLike,
  brandId: string,
): Promise<ClientelingSettings> {
  const [row] = await drizzleOf(database)
    .select({ settings: clientelingSettings.settings })
    .from(clientelingSettings)
    .where(eq(clientelingSettings.brandId, brandId));
  return row ? { ...DEFAULT_CLIENTELING_SETTINGS, ...row.settings } : DEFAULT_CLIENTELING_SETTINGS;
}

/**
 * An owner changes some settings; the merged whole is validated again.
 * @throws DomainError forbidden, validation_failed (with `issues`).
 */
export async function updateClientelingSettings(
  database: DbLike,
  request: { actorId: string; brandId: string; patch: UpdateClientelingSettingsBody },
  clock: Clock,
): Promise<ClientelingSettings> {
  const db = drizzleOf(database);
  await requireStaff(db, request.actorId, request.brandId, ["owner"]);
  const merged = ClientelingSettings.safeParse({
    ...(await getClientelingSettings(db, request.brandId)),
    ...request.patch,
  });
  if (!merged.success) {
    throw new DomainError("validation_failed", "These settings are not valid.", {
      issues: describeIssues(merged.error),
    });
  }
  const values = { settings: merged.data, updatedBy: request.actorId, updatedAt: clock.now() };
  await db
    .insert(clientelingSettings)
    .values({ brandId: request.brandId, ...values })
    .onConflictDoUpdate({ target: clientelingSettings.brandId, set: values });
  return merged.data;
}

/** The template the brand uses for an occasion: its own wording, or the default one. */
export async function templateFor(
  database: DbLike,
  brandId: string,
  occasion: OutreachOccasion,
): Promise<OutreachTemplate> {
  const [row] = await drizzleOf(database)
    .select({ template: clientelingTemplates.template })
    .from(clientelingTemplates)
    .where(and(eq(clientelingTemplates.brandId, brandId), eq(clientelingTemplates.occasion, occasion)));
  return row?.template ?? DEFAULT_TEMPLATES[occasion];
}

/**
 * An owner stores the brand's wording of a template (validated by `OutreachTemplate` at the
 * boundary); every merge field must be one of the occasion's.
 * @throws DomainError validation_failed with `problems` (e.g. `unknown_merge_field`, naming the field).
 */
export async function setBrandTemplate(
  database: DbLike,
  request: { actorId: string; brandId: string; occasion: OutreachOccasion; template: OutreachTemplate },
  clock: Clock,
): Promise<OutreachTemplate> {
  const db = drizzleOf(database);
  await requireStaff(db, request.actorId, request.brandId, ["owner"]);
  const problems = templateProblems(request.occasion, request.template);
  if (problems.length > 0) {
    const first = problems[0];
    throw new DomainError("validation_failed", first?.message ?? "The template is not valid.", {
      reason: first?.code,
      problems,
    });
  }
  const values = { template: request.template, updatedBy: request.actorId, updatedAt: clock.now() };
  await db
    .insert(clientelingTemplates)
    .values({ brandId: request.brandId, occasion: request.occasion, ...values })
    .onConflictDoUpdate({
      target: [clientelingTemplates.brandId, clientelingTemplates.occasion],
      set: values,
    });
  return request.template;
}
