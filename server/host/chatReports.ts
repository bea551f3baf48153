/** Reports of chat lines, kept for moderators (chat_reports). */
import { desc, eq } from "drizzle-orm";
import type { ChatReportView } from "../../shared/host/hostApi.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { chatReports } from "../db/schema.ts";
import type { BufferedLine } from "./chatSafety.ts";

export type NewChatReport = {
  reporterId: string | null;
  reporterName: string;
  reason: string | undefined;
  /** The line as the server's buffer holds it. */
  reported: BufferedLine;
  /** The lines around it (with it), oldest first. */
  context: BufferedLine[];
};

export async function storeChatReport(database: DbLike, report: NewChatReport): Promise<string> {
  const id = crypto.randomUUID();
  const { line, authorUserId, roomId } = report.reported;
  await drizzleOf(database)
    .insert(chatReports)
    .values({
      id,
      reporterId: report.reporterId,
      reporterName: report.reporterName,
      authorId: authorUserId,
      authorName: line.from.name,
      messageId: line.id,
      message: line.text,
      channel: line.channel,
      roomId,
      reason: report.reason ?? null,
      context: report.context.map((c) => ({
        id: c.line.id,
        authorName: c.line.from.name,
        text: c.line.text,
        at: c.line.at,
        reported: c.line.id === line.id,
      })),
    });
  return id;
}

/** Open reports, newest first. */
export async function listOpenChatReports(database: DbLike, limit = 200): Promise<ChatReportView[]> {
  const rows = await drizzleOf(database)
    .select()
    .from(chatReports)
    .where(eq(chatReports.status, "open"))
    .orderBy(desc(chatReports.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    reporterName: r.reporterName,
    authorName: r.authorName,
    authorId: r.authorId,
    messageId: r.messageId,
    message: r.message,
    channel: r.channel,
    roomId: r.roomId,
    reason: r.reason,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
  }));
}
