/** Lists the routes an Express app really serves, by walking its router stack (Express 5 / router 2). */
import type express from "express";

export type MountedRoute = { method: string; path: string };

type Layer = {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: unknown;
};

function describePath(path: unknown): string {
  return typeof path === "string" ? path : String(path);
}

function walk(stack: readonly Layer[], prefix: string, out: MountedRoute[]): void {
  for (const layer of stack) {
    if (layer.route) {
      const path = `${prefix}${describePath(layer.route.path)}`;
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on && method !== "_all") out.push({ method: method.toUpperCase(), path });
      }
    } else if (layer.handle?.stack) {
      // A mounted router: its routes sit under the path it was mounted at ("/" adds nothing).
      const mount = layer.rawPath === undefined || layer.rawPath === "/" ? "" : describePath(layer.rawPath);
      walk(layer.handle.stack, `${prefix}${mount}`, out);
    }
  }
}

/** Every (method, path) the app routes, sub-routers included, in mounting order. */
export function mountedRoutes(app: express.Application): MountedRoute[] {
  const router = (app as unknown as { router: { stack: Layer[] } }).router;
  const out: MountedRoute[] = [];
  walk(router.stack, "", out);
  return out;
}
