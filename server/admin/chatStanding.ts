/**
 * Whether a person may chat right now: a suspended or muted account's lines are refused. Read from
 * the account on every line (one indexed lookup; the chat allows a few lines per person per ten
 * seconds), so a moderator's decision applies to the next line in every room and process.
 */
import { eq } from "drizzle-orm";
import type { ChatRefused } from "../../shared/host/chatMessages.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { users } from "../db/schema.ts";

export async function chatRefusalFor(
  database: DbLike,
  userId: string,
  now: Date,
): Promise<ChatRefused | null> {
  const [row] = await drizzleOf(database)
    .select({ suspendedAt: users.suspendedAt, mutedUntil: users.chatMutedUntil })
    .from(users)
    .where(eq(users.id, userId));
  // An account deleted since joining cannot speak either.
  if (!row || row.suspendedAt)
    return { code: "suspended", message: "Your account is suspended: your lines are not sent." };
  if (row.mutedUntil && row.mutedUntil > now)
    return {
      code: "muted_by_moderator",
      message: "A moderator has muted you for now.",
      retryAfterMs: row.mutedUntil.getTime() - now.getTime(),
    };
  return null;
}
