/**
 * The `avenue` room's protocol: join options and every message in both directions. Walking is the
 * walkable rooms' (shared/walking/intents.ts); chat and the host are the avenue's own
 * (shared/host/chatMessages.ts).
 */
import { z } from "zod";
import {
  ChatLine,
  ChatMessageType,
  ChatRefused,
  ChatReported,
  ChatReportRequest,
  ChatSend,
  HostFollow,
  HostHandoff,
} from "../host/chatMessages.ts";
import { RoomErrors } from "../protocol/roomErrors.ts";
import { defineRoomProtocol, messageTypes, protocolVersionOption } from "../protocol/roomProtocol.ts";
import { WalkIntents } from "../walking/intents.ts";

/** Name of the room type, as defined on the server. */
export const AVENUE_ROOM = "avenue";

/** Options a client passes when it joins the avenue. Identity never comes from here. */
export const AvenueJoinOptions = z
  .object({ protocol: protocolVersionOption("This page is out of date: reload it to join the avenue.") })
  .strip();
export type AvenueJoinOptions = z.infer<typeof AvenueJoinOptions>;

export const AvenueProtocol = defineRoomProtocol({
  room: AVENUE_ROOM,
  join: AvenueJoinOptions,
  client: {
    ...WalkIntents,
    [ChatMessageType.chat]: ChatSend,
    [ChatMessageType.chatReport]: ChatReportRequest,
    [ChatMessageType.hostFollow]: HostFollow,
  },
  server: {
    ...RoomErrors,
    [ChatMessageType.chatLine]: ChatLine,
    [ChatMessageType.chatRefused]: ChatRefused,
    [ChatMessageType.chatReported]: ChatReported,
    [ChatMessageType.hostHandoff]: HostHandoff,
  },
});

/** Server → client message types of the avenue. */
export const AvenueServerMessage = messageTypes(AvenueProtocol.server);
