/**
 * The host routes (declared in shared/api/host.ts), to mount under `/api`. Accepted script changes
 * reach running avenue rooms through presence (HOST_SCRIPT_CHANGED_CHANNEL).
 */
import type express from "express";
import { host as hostApi } from "../../shared/api/index.ts";
import type { BrandHostLines, HostScript } from "../../shared/host/script.ts";
import type { DbLike } from "../db/database.ts";
import { listOpenChatReports } from "../host/chatReports.ts";
import {
  getBrandHostLines,
  getPlatformScript,
  putBrandHostLines,
  putPlatformScript,
  type StoredScript,
} from "../host/hostScripts.ts";
import type { HostServices } from "../host/hostServices.ts";
import { endpointRouter, route } from "./endpointRouter.ts";

export type HostRoutesDeps = {
  database: DbLike;
  host: HostServices;
  /** Tells every process that a script changed. */
  onHostScriptChanged: () => void;
};

const scriptAnswer = (stored: StoredScript<HostScript>) => ({
  script: stored.document,
  version: stored.version,
  updatedAt: stored.updatedAt,
});

const linesAnswer = (brandId: string, stored: StoredScript<BrandHostLines>) => ({
  brandId,
  lines: stored.document,
  version: stored.version,
  updatedAt: stored.updatedAt,
});

export function createHostRoutes({ database, host, onHostScriptChanged }: HostRoutesDeps): express.Router {
  const routes = [
    route(hostApi.hostInfo, {
      handle: async () => {
        const { document } = await getPlatformScript(database, host.fallbackScript);
        const { name, biography, model } = document.host;
        return { name, biography, model };
      },
    }),
    route(hostApi.getHostScript, {
      handle: async () => scriptAnswer(await getPlatformScript(database, host.fallbackScript)),
    }),
    route(hostApi.putHostScript, {
      handle: async ({ body, user }) => {
        const stored = await putPlatformScript(database, body, user.id);
        onHostScriptChanged();
        return scriptAnswer(stored);
      },
    }),
    route(hostApi.getBrandHostLines, {
      handle: async ({ params }) =>
        linesAnswer(params.brandId, await getBrandHostLines(database, params.brandId)),
    }),
    route(hostApi.putBrandHostLines, {
      handle: async ({ params, body, user }) => {
        const stored = await putBrandHostLines(database, params.brandId, body, user.id);
        onHostScriptChanged();
        return linesAnswer(params.brandId, stored);
      },
    }),
    route(hostApi.chatReports, {
      handle: async () => ({ reports: await listOpenChatReports(database) }),
    }),
  ];
  return endpointRouter(routes, { database, mountedAt: "/api" });
}
