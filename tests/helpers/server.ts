/** Starts a real Vitrine server inside the test process, on a free port, with its own data folder. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { type RunningVitrine, startVitrine } from "../../server/app.ts";
import { loadConfig } from "../../server/config.ts";
import type { Clock } from "../../server/drops/clock.ts";
import { AvenueState } from "../../shared/avenue/state.ts";
import { PROTOCOL_VERSION } from "../../shared/constants.ts";

export type TestServer = RunningVitrine & { url: string; dataDir: string; stop(): Promise<void> };

export async function startTestServer(
  env: Record<string, string> = {},
  options: { clock?: Clock } = {},
): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-test-"));
  const inherited = process.env.CLIENT_DIST ? { CLIENT_DIST: process.env.CLIENT_DIST } : {};
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    ...inherited,
    ...env,
  });
  const running = await startVitrine(config, options);
  return {
    ...running,
    url: `http://127.0.0.1:${running.port}`,
    dataDir,
    stop: async () => {
      await running.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type AvenueTestRoom = Room<unknown, InstanceType<typeof AvenueState>>;

/** Joins the avenue like the browser does, optionally with a session cookie. */
export async function joinAvenue(
  url: string,
  opts: { cookie?: string; roomId?: string } = {},
): Promise<AvenueTestRoom> {
  const client = new Client(url, opts.cookie ? { headers: { cookie: opts.cookie } } : undefined);
  const options = { protocol: PROTOCOL_VERSION };
  return opts.roomId
    ? client.joinById(opts.roomId, options, AvenueState)
    : client.joinOrCreate("avenue", options, AvenueState);
}

/** Resolves when `predicate` holds, checking every 20 ms; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resolves with the close code when the room's connection ends. */
export function leaveCode(room: AvenueTestRoom): Promise<number> {
  return new Promise((resolve) => room.onLeave((code) => resolve(code)));
}

/** Leaves a room if it is still open; never hangs on one the server already closed. */
export async function leaveQuietly(room: AvenueTestRoom): Promise<void> {
  if (!room.connection.isOpen) return;
  await Promise.race([room.leave().catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
}
