/**
 * The admin console's endpoints (`/api/admin/*`, platform admins only): brands and their staff,
 * people, pass programmes, the moderation queue, events and drops across brands, the audit log.
 * Every write is audited by the server (server/admin/).
 */
import { z } from "zod";
import {
  AdminBrand,
  AdminBrandList,
  AdminDropList,
  AdminEventList,
  AdminPeopleList,
  AdminPerson,
  AdminProgrammeList,
  AuditPage,
  AuditQuery,
  BrandStaffList,
  CreateBrandBody,
  EditBrandBody,
  ModerationQuery,
  ModerationQueue,
  ModerationReport,
  PeopleQuery,
  ReportAction,
  SessionsEnded,
  SetRoleBody,
  SetStaffBody,
  SuspendBody,
} from "../admin.ts";
import { admin } from "./access.ts";
import { endpoint } from "./endpoint.ts";

const BrandSlugParam = z
  .string()
  .max(48)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .describe("a brand id (lowercase letters, digits and single dashes)");
const IdParam = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/)
  .describe("an id (letters, digits, dashes and underscores)");

const RUN_BRANDS = admin("run brands");
const RUN_PEOPLE = admin("manage people");
const MODERATE = admin("moderate the chat");
const READ_PLATFORM = admin("read the platform's programmes, events and drops");

export const listBrands = endpoint({
  id: "admin.listBrands",
  method: "GET",
  path: "/api/admin/brands",
  summary: "Every brand, in avenue order, with its staff count",
  access: RUN_BRANDS,
  answer: AdminBrandList,
});

export const createBrand = endpoint({
  id: "admin.createBrand",
  method: "POST",
  path: "/api/admin/brands",
  summary: "Create a brand (it takes the next place on the avenue)",
  access: RUN_BRANDS,
  body: CreateBrandBody,
  answer: AdminBrand,
  status: 201,
});

export const editBrand = endpoint({
  id: "admin.editBrand",
  method: "PATCH",
  path: "/api/admin/brands/:brandId",
  summary: "Change a brand's name, tagline or façade",
  access: RUN_BRANDS,
  params: { brandId: BrandSlugParam },
  body: EditBrandBody,
  answer: AdminBrand,
});

export const brandStaff = endpoint({
  id: "admin.brandStaff",
  method: "GET",
  path: "/api/admin/brands/:brandId/staff",
  summary: "A brand's staff and their roles",
  access: RUN_BRANDS,
  params: { brandId: BrandSlugParam },
  answer: BrandStaffList,
});

export const setBrandStaff = endpoint({
  id: "admin.setBrandStaff",
  method: "PUT",
  path: "/api/admin/brands/:brandId/staff",
  summary: "Give a person (by email) a role in the brand, or change it",
  access: RUN_BRANDS,
  params: { brandId: BrandSlugParam },
  body: SetStaffBody,
  answer: BrandStaffList,
});

export const removeBrandStaff = endpoint({
  id: "admin.removeBrandStaff",
  method: "DELETE",
  path: "/api/admin/brands/:brandId/staff/:userId",
  summary: "Take a person's role in the brand away",
  access: RUN_BRANDS,
  params: { brandId: BrandSlugParam, userId: IdParam },
  answer: BrandStaffList,
});

export const findPeople = endpoint({
  id: "admin.findPeople",
  method: "GET",
  path: "/api/admin/people",
  summary: "People whose email or name holds ?q= (the newest 50 without it)",
  access: RUN_PEOPLE,
  query: PeopleQuery,
  answer: AdminPeopleList,
});

export const setPersonRole = endpoint({
  id: "admin.setRole",
  method: "PUT",
  path: "/api/admin/people/:userId/role",
  summary: "Make a person an admin or a shopper",
  access: RUN_PEOPLE,
  params: { userId: IdParam },
  body: SetRoleBody,
  answer: AdminPerson,
});

export const suspendPerson = endpoint({
  id: "admin.suspend",
  method: "PUT",
  path: "/api/admin/people/:userId/suspension",
  summary: "Suspend a person: no sign-in, every session ended, no chat",
  access: RUN_PEOPLE,
  params: { userId: IdParam },
  body: SuspendBody,
  answer: AdminPerson,
});

export const unsuspendPerson = endpoint({
  id: "admin.unsuspend",
  method: "DELETE",
  path: "/api/admin/people/:userId/suspension",
  summary: "Lift a suspension",
  access: RUN_PEOPLE,
  params: { userId: IdParam },
  answer: AdminPerson,
});

export const endSessions = endpoint({
  id: "admin.endSessions",
  method: "DELETE",
  path: "/api/admin/people/:userId/sessions",
  summary: "Sign a person out everywhere",
  access: RUN_PEOPLE,
  params: { userId: IdParam },
  answer: SessionsEnded,
});

export const listProgrammes = endpoint({
  id: "admin.listProgrammes",
  method: "GET",
  path: "/api/admin/pass-programmes",
  summary: "Every pass programme, platform-wide and of each brand",
  access: READ_PLATFORM,
  answer: AdminProgrammeList,
});

export const moderationQueue = endpoint({
  id: "admin.moderationQueue",
  method: "GET",
  path: "/api/admin/moderation/reports",
  summary: "Chat reports with the line and its context (?status=open by default), newest first",
  access: MODERATE,
  query: ModerationQuery,
  answer: ModerationQueue,
});

export const actOnReport = endpoint({
  id: "admin.actOnReport",
  method: "POST",
  path: "/api/admin/moderation/reports/:reportId/actions",
  summary: "Dismiss a report, or mute or suspend its author",
  access: MODERATE,
  params: { reportId: IdParam },
  body: ReportAction,
  answer: ModerationReport,
});

export const listEvents = endpoint({
  id: "admin.listEvents",
  method: "GET",
  path: "/api/admin/events",
  summary: "Events across brands with their status, soonest first",
  access: READ_PLATFORM,
  answer: AdminEventList,
});

export const listDrops = endpoint({
  id: "admin.listDrops",
  method: "GET",
  path: "/api/admin/drops",
  summary: "Drops across brands with their status, soonest first",
  access: READ_PLATFORM,
  answer: AdminDropList,
});

export const auditLog = endpoint({
  id: "admin.auditLog",
  method: "GET",
  path: "/api/admin/audit",
  summary: "The audit log, newest first, filtered by actor, action, target and dates, paged by ?before=",
  access: admin("read the audit log"),
  query: AuditQuery,
  answer: AuditPage,
});

export const adminEndpoints = [
  listBrands,
  createBrand,
  editBrand,
  brandStaff,
  setBrandStaff,
  removeBrandStaff,
  findPeople,
  setPersonRole,
  suspendPerson,
  unsuspendPerson,
  endSessions,
  listProgrammes,
  moderationQueue,
  actOnReport,
  listEvents,
  listDrops,
  auditLog,
] as const;
