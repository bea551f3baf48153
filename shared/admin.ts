/**
 * The admin console's views and bodies (issue 13, item 3): brands and their staff, people,
 * programmes, the moderation queue, events and drops across brands, and the audit log. Declared
 * once, used by the endpoints (shared/api/admin.ts), the server (server/admin/) and the console
 * (client/ui/admin/).
 */
import { z } from "zod";
import { BrandRole, GlobalRole } from "./auth.ts";
import { Brand, LocalizedText } from "./catalog.ts";
import { lineOfText } from "./text.ts";

const Iso = z.iso.datetime({ offset: true });

/** A brand as the console lists it: the catalog's brand, its place, its staff count. */
export const AdminBrand = Brand.extend({
  position: z.number().int(),
  staffCount: z.number().int().nonnegative(),
  createdAt: Iso,
});
export type AdminBrand = z.infer<typeof AdminBrand>;
export const AdminBrandList = z.object({ brands: z.array(AdminBrand) });

/** A new brand: its slug, name, tagline and façade (it takes the next place on the avenue). */
/** A brand's name as the console takes it: one line (the catalog's own schema predates the text guard). */
const BrandName = lineOfText(1, 60);

export const CreateBrandBody = Brand.extend({ name: BrandName }).strict();
export type CreateBrandBody = z.infer<typeof CreateBrandBody>;

/** What an edit changes: any of name, tagline and façade, at least one. */
export const EditBrandBody = z
  .object({
    name: BrandName.optional(),
    tagline: LocalizedText.optional(),
    facade: Brand.shape.facade.optional(),
  })
  .strict()
  .refine((b) => b.name !== undefined || b.tagline !== undefined || b.facade !== undefined, {
    message: "Change at least one of name, tagline and facade",
  });
export type EditBrandBody = z.infer<typeof EditBrandBody>;

export const BrandStaffMember = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: BrandRole,
});
export type BrandStaffMember = z.infer<typeof BrandStaffMember>;
export const BrandStaffList = z.object({ brandId: z.string(), staff: z.array(BrandStaffMember) });
export type BrandStaffList = z.infer<typeof BrandStaffList>;

/** Gives a person (by email) a role in the brand, or changes the role they hold. */
export const SetStaffBody = z
  .object({
    email: z
      .email()
      .max(254)
      .transform((e) => e.toLowerCase()),
    role: BrandRole,
  })
  .strict();
export type SetStaffBody = z.infer<typeof SetStaffBody>;

/** A person as the console shows them. */
export const AdminPerson = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: GlobalRole,
  createdAt: Iso,
  suspendedAt: Iso.nullable(),
  suspendedReason: z.string().nullable(),
  chatMutedUntil: Iso.nullable(),
  brandRoles: z.array(z.object({ brandId: z.string(), role: BrandRole })),
  /** Sessions that have not expired. */
  activeSessions: z.number().int().nonnegative(),
});
export type AdminPerson = z.infer<typeof AdminPerson>;
export const AdminPeopleList = z.object({ people: z.array(AdminPerson) });
export type AdminPeopleList = z.infer<typeof AdminPeopleList>;

/** `?q=` part of an email or a name (case-insensitive); absent: the newest accounts. */
export const PeopleQuery = z.object({ q: lineOfText(1, 100).optional() });

export const SetRoleBody = z.object({ role: GlobalRole }).strict();
export type SetRoleBody = z.infer<typeof SetRoleBody>;

/** Why an admin suspends someone: kept on the account and in the audit log. */
export const SuspendReason = lineOfText(3, 300, "Say why, in a few words");
export const SuspendBody = z.object({ reason: SuspendReason }).strict();
export type SuspendBody = z.infer<typeof SuspendBody>;

/** Sessions ended by an action. */
export const SessionsEnded = z.object({ ended: z.number().int().nonnegative() });

/** A line said around a reported one. */
export const ReportContextLine = z.object({
  id: z.string(),
  authorName: z.string(),
  text: z.string(),
  /** Epoch ms. */
  at: z.number(),
  reported: z.boolean(),
});
export type ReportContextLine = z.infer<typeof ReportContextLine>;

export const ReportStatus = z.enum(["open", "dismissed", "actioned"]);
export type ReportStatus = z.infer<typeof ReportStatus>;

/** A report in the moderation queue: the line, its context, who said it and who reported it. */
export const ModerationReport = z.object({
  id: z.string(),
  reporterName: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string(),
  /** The author's standing now, so the queue shows who is already muted or suspended. */
  authorSuspended: z.boolean(),
  authorMutedUntil: Iso.nullable(),
  message: z.string(),
  channel: z.string(),
  roomId: z.string(),
  reason: z.string().nullable(),
  status: ReportStatus,
  createdAt: Iso,
  resolvedAt: Iso.nullable(),
  context: z.array(ReportContextLine),
});
export type ModerationReport = z.infer<typeof ModerationReport>;
export const ModerationQueue = z.object({ reports: z.array(ModerationReport) });
export type ModerationQueue = z.infer<typeof ModerationQueue>;
export const ModerationQuery = z.object({ status: ReportStatus.default("open") });

/** Longest chat mute a moderator may give: a week. */
export const MUTE_MAX_MINUTES = 7 * 24 * 60;

/** What a moderator does with a report. */
export const ReportAction = z.discriminatedUnion("action", [
  z.object({ action: z.literal("dismiss") }).strict(),
  z.object({ action: z.literal("mute"), minutes: z.number().int().min(1).max(MUTE_MAX_MINUTES) }).strict(),
  z.object({ action: z.literal("suspend"), reason: SuspendReason }).strict(),
]);
export type ReportAction = z.infer<typeof ReportAction>;

/** A pass programme across brands. */
export const AdminProgramme = z.object({
  id: z.string(),
  brandId: z.string().nullable(),
  brandName: z.string().nullable(),
  name: LocalizedText,
  tier: z.string(),
  validFrom: Iso,
  validUntil: Iso,
  activePasses: z.number().int().nonnegative(),
});
export type AdminProgramme = z.infer<typeof AdminProgramme>;
export const AdminProgrammeList = z.object({ programmes: z.array(AdminProgramme) });

export const AdminEventStatus = z.enum(["upcoming", "live", "ended", "cancelled"]);
export type AdminEventStatus = z.infer<typeof AdminEventStatus>;
export const AdminEvent = z.object({
  id: z.string(),
  brandId: z.string().nullable(),
  brandName: z.string().nullable(),
  title: LocalizedText,
  kind: z.enum(["open", "invite"]),
  startsAt: Iso,
  endsAt: Iso,
  status: AdminEventStatus,
});
export type AdminEvent = z.infer<typeof AdminEvent>;
export const AdminEventList = z.object({ events: z.array(AdminEvent) });

export const AdminDropStatus = z.enum(["announced", "early_access", "open", "sold_out", "ended"]);
export type AdminDropStatus = z.infer<typeof AdminDropStatus>;
export const AdminDrop = z.object({
  id: z.string(),
  brandId: z.string(),
  brandName: z.string(),
  title: LocalizedText,
  mode: z.enum(["fcfs", "raffle"]),
  stock: z.number().int(),
  remaining: z.number().int(),
  publicStartsAt: Iso,
  endsAt: Iso,
  status: AdminDropStatus,
});
export type AdminDrop = z.infer<typeof AdminDrop>;
export const AdminDropList = z.object({ drops: z.array(AdminDrop) });

/** The audit kinds the console writes. */
export const ADMIN_AUDIT_KINDS = [
  "brand_created",
  "brand_edited",
  "brand_staff_set",
  "brand_staff_removed",
  "role_changed",
  "person_suspended",
  "person_unsuspended",
  "sessions_ended",
  "chat_report_dismissed",
  "chat_author_muted",
  "chat_author_suspended",
] as const;
export type AdminAuditKind = (typeof ADMIN_AUDIT_KINDS)[number];

/**
 * Every kind of row in `audit_events`: the console's, then the drops', passes', collectibles' and
 * events' domains. `audit_events.kind` is typed with it (server/db/schema/drops.ts), so a write of
 * another kind does not compile; the console labels each one in every language.
 */
export const AUDIT_KINDS = [
  ...ADMIN_AUDIT_KINDS,
  "drop_scheduled",
  "entry",
  "draw",
  "hold",
  "claim_refused",
  "confirmation",
  "expiry",
  "pass_type_created",
  "pass_granted",
  "pass_revoked",
  "collectible_created",
  "collectible_granted",
  "event_scheduled",
  "event_updated",
  "event_cancelled",
  "event_guest_list_built",
  "event_rsvp",
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** Audit log filters; `before` pages back from a row's `seq`. */
export const AuditQuery = z
  .object({
    /** The actor's user id or email. */
    actor: lineOfText(1, 254).optional(),
    /** The kind of action, exactly (`person_suspended`). */
    action: z
      .enum(AUDIT_KINDS, { error: "Not an audit action: see AUDIT_KINDS (shared/admin.ts)" })
      .optional(),
    /**
     * The brand a row is about: named in its details, or owning its drop, pass, event or
     * collectible.
     */
    brand: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9_-]+$/, "A brand id is letters, digits, dashes and underscores")
      .optional(),
    /** An id the row is about: a person, a drop, a pass, a claim, a brand, a report or an event. */
    target: lineOfText(1, 100).optional(),
    from: Iso.optional(),
    to: Iso.optional(),
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, {
    message: "`from` must come before `to`",
    path: ["to"],
  });
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: Iso,
  action: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  subjectUserId: z.string().nullable(),
  subjectName: z.string().nullable(),
  dropId: z.string().nullable(),
  passId: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditPage = z.object({
  entries: z.array(AuditEntry),
  /** `before` for the next (older) page, null at the end. */
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;
