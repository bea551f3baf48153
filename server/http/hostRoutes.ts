/**
 * Host routes, to mount under `/api`:
 *
 * - `GET /host`                          the host's name, biography and model (anyone; the hover card)
 * - `GET /host/script`                   the platform script (admin)
 * - `PUT /host/script`                   replace it (admin); invalid → 400 `invalid_host_script` with
 *                                        every problem's path and reason in `details.issues`
 * - `GET /brands/:brandId/host-lines`    that brand's part (its owners, merchandisers; admins)
 * - `PUT /brands/:brandId/host-lines`    replace it (same people), validated the same way
 * - `GET /moderation/chat-reports`       open chat reports (admin)
 *
 * Accepted changes reach running avenue rooms through presence (HOST_SCRIPT_CHANGED_CHANNEL).
 */
import express, { type Request } from "express";
import type { SessionUser } from "../../shared/auth.ts";
import { ErrorCode } from "../../shared/errors.ts";
import type {
  BrandHostLinesAnswer,
  ChatReportList,
  HostInfo,
  HostScriptAnswer,
} from "../../shared/host/hostApi.ts";
import type { DbLike } from "../db/database.ts";
import { requireBrandManager, requireUser } from "../drops/routeSupport.ts";
import { listOpenChatReports } from "../host/chatReports.ts";
import {
  getBrandHostLines,
  getPlatformScript,
  putBrandHostLines,
  putPlatformScript,
} from "../host/hostScripts.ts";
import type { HostServices } from "../host/hostServices.ts";
import { AppError } from "./errors.ts";

export type HostRoutesDeps = {
  database: DbLike;
  host: HostServices;
  /** Tells every process that a script changed. */
  onHostScriptChanged: () => void;
};

function brandParam(req: Request): string {
  const value = req.params.brandId;
  if (typeof value !== "string" || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(value) || value.length > 48) {
    throw new AppError(400, ErrorCode.badRequest, "The address is missing a valid brand id.");
  }
  return value;
}

function jsonBody(req: Request): unknown {
  if (req.body === undefined) {
    throw new AppError(
      415,
      ErrorCode.badRequest,
      "Send the script as JSON, with the header Content-Type: application/json.",
    );
  }
  return req.body;
}

function requireAdmin(user: SessionUser): void {
  if (user.role !== "admin") {
    throw new AppError(
      403,
      ErrorCode.forbidden,
      "Only platform administrators may edit the host's platform script.",
    );
  }
}

export function createHostRoutes({ database, host, onHostScriptChanged }: HostRoutesDeps): express.Router {
  const router = express.Router();

  router.get("/host", async (_req, res) => {
    const { document } = await getPlatformScript(database, host.fallbackScript);
    res.setHeader("Cache-Control", "no-cache");
    res.json({
      name: document.host.name,
      biography: document.host.biography,
      model: document.host.model,
    } satisfies HostInfo);
  });

  router.get("/host/script", async (req, res) => {
    requireAdmin(await requireUser(database, req));
    const stored = await getPlatformScript(database, host.fallbackScript);
    res.setHeader("Cache-Control", "no-store");
    res.json({
      script: stored.document,
      version: stored.version,
      updatedAt: stored.updatedAt,
    } satisfies HostScriptAnswer);
  });

  router.put("/host/script", async (req, res) => {
    const user = await requireUser(database, req);
    requireAdmin(user);
    const stored = await putPlatformScript(database, jsonBody(req), user.id);
    onHostScriptChanged();
    res.json({
      script: stored.document,
      version: stored.version,
      updatedAt: stored.updatedAt,
    } satisfies HostScriptAnswer);
  });

  router.get("/brands/:brandId/host-lines", async (req, res) => {
    const brandId = brandParam(req);
    requireBrandManager(await requireUser(database, req), brandId);
    const stored = await getBrandHostLines(database, brandId);
    res.setHeader("Cache-Control", "no-store");
    res.json({
      brandId,
      lines: stored.document,
      version: stored.version,
      updatedAt: stored.updatedAt,
    } satisfies BrandHostLinesAnswer);
  });

  router.put("/brands/:brandId/host-lines", async (req, res) => {
    const brandId = brandParam(req);
    const user = await requireUser(database, req);
    requireBrandManager(user, brandId);
    const stored = await putBrandHostLines(database, brandId, jsonBody(req), user.id);
    onHostScriptChanged();
    res.json({
      brandId,
      lines: stored.document,
      version: stored.version,
      updatedAt: stored.updatedAt,
    } satisfies BrandHostLinesAnswer);
  });

  router.get("/moderation/chat-reports", async (req, res) => {
    const user = await requireUser(database, req);
    if (user.role !== "admin") {
      throw new AppError(403, ErrorCode.forbidden, "Only platform administrators may read chat reports.");
    }
    res.setHeader("Cache-Control", "no-store");
    res.json({ reports: await listOpenChatReports(database) } satisfies ChatReportList);
  });

  return router;
}
