/** What the drop room does with a message that fails its schema. */
import { type Client, CloseCode } from "@colyseus/core";
import type { z } from "zod";
import { MAX_INVALID_MESSAGES } from "../../../shared/constants.ts";
import { DropServerMessageType } from "../../../shared/dropRoom.ts";
import { describeIssues, ErrorCode, summarizeIssues } from "../../../shared/errors.ts";

/**
 * Answers a bad payload with a named reason (RoomErrorMessage); a client that keeps sending them is
 * disconnected, and the room carries on. `strikes` counts per session id.
 */
export function rejectInvalid(client: Client, error: z.ZodError, strikes: Map<string, number>): void {
  const count = (strikes.get(client.sessionId) ?? 0) + 1;
  strikes.set(client.sessionId, count);
  client.send(DropServerMessageType.error, {
    code: ErrorCode.invalidMessage,
    message: `Message refused: ${summarizeIssues(error)}`,
    details: describeIssues(error),
  });
  if (count >= MAX_INVALID_MESSAGES) client.leave(CloseCode.WITH_ERROR, "too many invalid messages");
}
