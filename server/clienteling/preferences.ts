/** A client's time zone, language and quiet hours: one row per account, defaults until they set them. */
import { eq, inArray } from "drizzle-orm";
import {
  type ClientPreferences,
  DEFAULT_PREFERENCES,
  type UpdatePreferencesBody,
} from "../../shared/clienteling/preferences.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { clientPreferences } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";

type Row = typeof clientPreferences.$inferSelect;

function toPreferences(row: Row | undefined): ClientPreferences {
  if (!row) return DEFAULT_PREFERENCES;
  return {
    timeZone: row.timeZone,
    language: row.language as ClientPreferences["language"],
    quietHours: { start: row.quietStart, end: row.quietEnd },
  };
}

/** The client's preferences (the defaults when they never set any). */
export async function getPreferences(database: DbLike, userId: string): Promise<ClientPreferences> {
  const [row] = await drizzleOf(database)
    .select()
    .from(clientPreferences)
    .where(eq(clientPreferences.userId, userId));
  return toPreferences(row);
}

/** Preferences of several clients at once, by id (defaults for those without a row). */
export async function preferencesOf(
  database: DbLike,
  userIds: string[],
): Promise<Map<string, ClientPreferences>> {
  const rows = userIds.length
    ? await drizzleOf(database)
        .select()
        .from(clientPreferences)
        .where(inArray(clientPreferences.userId, userIds))
    : [];
  const map = new Map(userIds.map((id) => [id, DEFAULT_PREFERENCES]));
  for (const row of rows) map.set(row.userId, toPreferences(row));
  return map;
}

/** Changes some preferences (validated by `UpdatePreferencesBody` at the boundary). */
export async function updatePreferences(
  database: DbLike,
  userId: string,
  body: UpdatePreferencesBody,
  clock: Clock,
): Promise<ClientPreferences> {
  const db = drizzleOf(database);
  const merged = { ...(await getPreferences(db, userId)), ...body };
  const values = {
    timeZone: merged.timeZone,
    language: merged.language,
    quietStart: merged.quietHours.start,
    quietEnd: merged.quietHours.end,
    updatedAt: clock.now(),
  };
  await db
    .insert(clientPreferences)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: clientPreferences.userId, set: values });
  return merged;
}
