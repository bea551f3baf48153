/** The host: its public card, the platform script, each brand's lines, chat moderation. */
import { z } from "zod";
import { FieldIssue } from "../errors.ts";
import { BrandHostLinesAnswer, ChatReportList, HostInfo, HostScriptAnswer } from "../host/hostApi.ts";
import { admin, anyone, BRAND_EDITORS, brandInPath, brandStaff } from "./access.ts";
import { endpoint } from "./endpoint.ts";

/** `details` of a 400 `invalid_host_script`: every problem with its path. */
export const HostScriptIssues = z.object({ issues: z.array(FieldIssue) });

/** A brand id as the host's addresses accept it: a slug. */
const BrandSlug = z
  .string()
  .max(48)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .describe("a brand id (lowercase letters, digits and single dashes)");

/**
 * A script document as sent: any JSON, because the answer to an invalid one is the list of every
 * problem in it (`invalid_host_script`), checked against the schema and the database together.
 */
const ScriptDocument = z.json();

export const hostInfo = endpoint({
  id: "host.info",
  method: "GET",
  path: "/api/host",
  summary: "The host's name, biography and model (the hover card)",
  access: anyone,
  answer: HostInfo,
  cache: "no-cache",
});

export const getHostScript = endpoint({
  id: "host.getScript",
  method: "GET",
  path: "/api/host/script",
  summary: "The platform's host script",
  access: admin("edit the host's platform script"),
  answer: HostScriptAnswer,
});

export const putHostScript = endpoint({
  id: "host.putScript",
  method: "PUT",
  path: "/api/host/script",
  summary: "Replace the platform's host script (every problem listed when invalid)",
  access: admin("edit the host's platform script"),
  body: ScriptDocument,
  answer: HostScriptAnswer,
  refusals: { invalid_host_script: HostScriptIssues },
});

export const getBrandHostLines = endpoint({
  id: "host.getBrandLines",
  method: "GET",
  path: "/api/brands/:brandId/host-lines",
  summary: "The brand's part of the host's lines and FAQ",
  access: brandStaff(BRAND_EDITORS, brandInPath, "edit its host lines"),
  params: { brandId: BrandSlug },
  answer: BrandHostLinesAnswer,
});

export const putBrandHostLines = endpoint({
  id: "host.putBrandLines",
  method: "PUT",
  path: "/api/brands/:brandId/host-lines",
  summary: "Replace the brand's part (every problem listed when invalid)",
  access: brandStaff(BRAND_EDITORS, brandInPath, "edit its host lines"),
  params: { brandId: BrandSlug },
  body: ScriptDocument,
  answer: BrandHostLinesAnswer,
  refusals: { invalid_host_script: HostScriptIssues },
});

export const chatReports = endpoint({
  id: "host.chatReports",
  method: "GET",
  path: "/api/moderation/chat-reports",
  summary: "Open chat reports, newest first",
  access: admin("read chat reports"),
  answer: ChatReportList,
});

export const hostEndpoints = [
  hostInfo,
  getHostScript,
  putHostScript,
  getBrandHostLines,
  putBrandHostLines,
  chatReports,
] as const;
