/** Joining a room as whoever the session cookie says (or a guest): the default admission. */
import { type AuthContext, ServerError } from "@colyseus/core";
import type { z } from "zod";
import type { SessionUser } from "../../../shared/auth.ts";
import { summarizeIssues } from "../../../shared/errors.ts";
import { roomContext } from "../context.ts";
import { checkGuestRoomCreation } from "./guestRoomCap.ts";

/** What such a room knows of a client (`client.auth`). */
export type SessionAuth = { user: SessionUser | null };

/**
 * Checks the join options against the room's schema (a page of another protocol version is refused
 * with the schema's message), resolves the session and caps the rooms a guest creates. For a room's `static onAuth`.
 */
export async function joinBySession(
  roomName: string,
  joinOptions: z.ZodType,
  options: unknown,
  context: AuthContext,
): Promise<SessionAuth> {
  const parsed = joinOptions.safeParse(options ?? {});
  if (!parsed.success) throw new ServerError(400, summarizeIssues(parsed.error));
  const user = await roomContext().resolveSession(context.headers.get("cookie") ?? undefined);
  await checkGuestRoomCreation(roomName, context, user !== null);
  return { user };
}
