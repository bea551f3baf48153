/**
 * The moderation queue: chat reports with the reported line and the lines said around it, and what
 * a moderator does with one (dismiss it, mute its author for a while, or suspend them). Every
 * decision is audited and closes the report.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import type { ModerationReport, ReportAction, ReportStatus } from "../../shared/admin.ts";
import { ErrorCode } from "../../shared/errors.ts";
import { type DbLike, drizzleOf } from "../db/database.ts";
import { chatReports, users } from "../db/schema.ts";
import type { Clock } from "../drops/clock.ts";
import { DomainError } from "../errors.ts";
import { writeAdminAudit } from "./adminAudit.ts";
import { mutePerson, suspendPerson } from "./people.ts";

const QUEUE_SIZE = 200;

type ReportRow = typeof chatReports.$inferSelect;

async function viewsOf(database: DbLike, rows: ReportRow[], now: Date): Promise<ModerationReport[]> {
  const authorIds = [...new Set(rows.flatMap((r) => (r.authorId ? [r.authorId] : [])))];
  const authors =
    authorIds.length === 0
      ? []
      : await drizzleOf(database)
          .select({ id: users.id, suspendedAt: users.suspendedAt, mutedUntil: users.chatMutedUntil })
          .from(users)
          .where(inArray(users.id, authorIds));
  const standing = new Map(authors.map((a) => [a.id, a]));
  return rows.map((r) => {
    const author = r.authorId ? standing.get(r.authorId) : undefined;
    const muted = author?.mutedUntil && author.mutedUntil > now ? author.mutedUntil.toISOString() : null;
    return {
      id: r.id,
      reporterName: r.reporterName,
      authorId: r.authorId,
      authorName: r.authorName,
      authorSuspended: Boolean(author?.suspendedAt),
      authorMutedUntil: muted,
      message: r.message,
      channel: r.channel,
      roomId: r.roomId,
      reason: r.reason,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
      context: r.context,
    };
  });
}

/** Reports of one status, newest first. */
export async function moderationQueue(
  database: DbLike,
  status: ReportStatus,
  clock: Clock,
): Promise<ModerationReport[]> {
  const rows = await drizzleOf(database)
    .select()
    .from(chatReports)
    .where(eq(chatReports.status, status))
    .orderBy(desc(chatReports.createdAt), chatReports.id)
    .limit(QUEUE_SIZE);
  return viewsOf(database, rows, clock.now());
}

async function openReport(database: DbLike, reportId: string): Promise<ReportRow> {
  const [row] = await drizzleOf(database).select().from(chatReports).where(eq(chatReports.id, reportId));
  if (!row) throw DomainError.notFound("report", reportId);
  if (row.status !== "open")
    throw new DomainError(ErrorCode.conflict, `This report was already ${row.status}.`, {
      reason: "report_closed",
      status: row.status,
    });
  return row;
}

/** Dismisses a report, or mutes or suspends its author (which closes it as actioned). */
export async function actOnReport(
  database: DbLike,
  actorId: string,
  reportId: string,
  action: ReportAction,
  clock: Clock,
): Promise<ModerationReport> {
  const report = await openReport(database, reportId);
  const now = clock.now();
  const about = { reportId, roomId: report.roomId };
  if (action.action === "dismiss") {
    await writeAdminAudit(database, {
      kind: "chat_report_dismissed",
      actorId,
      at: now,
      subjectUserId: report.authorId,
      details: about,
    });
  } else {
    const authorId = report.authorId;
    if (!authorId)
      throw new DomainError(
        ErrorCode.conflict,
        "A guest said this line: there is no account to mute or suspend.",
        {
          reason: "guest_author",
        },
      );
    if (action.action === "mute") {
      await mutePerson(
        database,
        actorId,
        authorId,
        new Date(now.getTime() + action.minutes * 60_000),
        clock,
        about,
      );
    } else {
      await suspendPerson(database, actorId, authorId, action.reason, clock, {
        kind: "chat_author_suspended",
        details: about,
      });
    }
  }
  const status = action.action === "dismiss" ? "dismissed" : "actioned";
  const db = drizzleOf(database);
  const closed = await db
    .update(chatReports)
    .set({ status, resolvedBy: actorId, resolvedAt: now })
    .where(and(eq(chatReports.id, reportId), eq(chatReports.status, "open")))
    .returning();
  // Another moderator closed it meanwhile: their decision stands beside ours in the audit log.
  const [row] =
    closed.length > 0 ? closed : await db.select().from(chatReports).where(eq(chatReports.id, reportId));
  const [view] = await viewsOf(database, [row as ReportRow], now);
  return view as ModerationReport;
}
