/** Bodies of the host's HTTP answers (server/http/hostRoutes.ts), for both sides and the tests. */
import { z } from "zod";
import { LocalizedText } from "../catalog.ts";
import { BrandHostLines, HostScript } from "./script.ts";

/** `GET /api/host` (public): what the hover card shows. */
export const HostInfo = z.object({
  name: z.string(),
  biography: LocalizedText,
  /** Same-origin URL of the host's model. */
  model: z.string(),
});
export type HostInfo = z.infer<typeof HostInfo>;

/** `GET` and `PUT /api/host/script` (admins). */
export const HostScriptAnswer = z.object({
  script: HostScript,
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type HostScriptAnswer = z.infer<typeof HostScriptAnswer>;

/** `GET` and `PUT /api/brands/:brandId/host-lines` (the brand's owners and merchandisers; admins). */
export const BrandHostLinesAnswer = z.object({
  brandId: z.string(),
  lines: BrandHostLines,
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type BrandHostLinesAnswer = z.infer<typeof BrandHostLinesAnswer>;

/** One reported chat line, as moderators read it. */
export const ChatReportView = z.object({
  id: z.string(),
  reporterName: z.string(),
  authorName: z.string(),
  authorId: z.string().nullable(),
  messageId: z.string(),
  /** The line as the server sent it (filtered), copied from its own buffer. */
  message: z.string(),
  channel: z.string(),
  roomId: z.string(),
  reason: z.string().nullable(),
  status: z.enum(["open", "dismissed", "actioned"]),
  createdAt: z.iso.datetime(),
});
export type ChatReportView = z.infer<typeof ChatReportView>;

/** `GET /api/moderation/chat-reports` (admins): open reports, newest first. */
export const ChatReportList = z.object({ reports: z.array(ChatReportView) });
export type ChatReportList = z.infer<typeof ChatReportList>;
