/**
 * The Janus the media tests use: TEST_JANUS_URL (HTTP API) with the secrets it was started with
 * (TEST_JANUS_API_SECRET / TEST_JANUS_TOKEN_SECRET, default the development values of
 * infra/janus/start.sh), and a way to start further Janus processes (relays) from the repo's config.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { StageMediaSettings } from "../../server/media/stageMedia.ts";
import { freePort } from "./processes.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Why the Janus tests are skipped, or false when TEST_JANUS_URL is set. */
export const JANUS_SKIP: string | false = process.env.TEST_JANUS_URL
  ? false
  : "TEST_JANUS_URL is not set (e.g. http://127.0.0.1:8088/janus; .ci/run starts Janus and sets it)";

/** Settings for the test Janus; only call when JANUS_SKIP is false. */
export function testJanusSettings(): StageMediaSettings {
  const janusUrl = process.env.TEST_JANUS_URL ?? "";
  return {
    janusUrl,
    publicUrl: process.env.TEST_JANUS_PUBLIC_URL ?? janusUrl,
    apiSecret: process.env.TEST_JANUS_API_SECRET ?? "vitrine-dev-api-secret",
    tokenSecret: process.env.TEST_JANUS_TOKEN_SECRET ?? "vitrine-dev-token-secret",
    iceServers: [],
  };
}

export type JanusProcess = { settings: StageMediaSettings; stop(): Promise<void> };

/** Starts another Janus (infra/janus/start.sh) on free ports, with the same secrets as the test Janus. */
export async function startJanus(name: string): Promise<JanusProcess> {
  const base = testJanusSettings();
  const [httpPort, wsPort] = [await freePort(), await freePort()];
  const rtpStart = 42_000 + (httpPort % 50) * 200;
  const { stdout } = await promisify(execFile)(path.join(ROOT, "infra/janus/start.sh"), [], {
    env: {
      ...process.env,
      JANUS_HTTP_PORT: String(httpPort),
      JANUS_WS_PORT: String(wsPort),
      JANUS_RTP_PORT_RANGE: `${rtpStart}-${rtpStart + 199}`,
      JANUS_SERVER_NAME: name,
      JANUS_API_SECRET: base.apiSecret,
      JANUS_TOKEN_SECRET: base.tokenSecret,
      JANUS_RUN_DIR: "",
    },
  });
  const runDir = stdout.trim().split("\n").pop() ?? "";
  const pid = Number(fs.readFileSync(path.join(runDir, "janus.pid"), "utf8"));
  return {
    settings: {
      ...base,
      janusUrl: `http://127.0.0.1:${httpPort}/janus`,
      publicUrl: `ws://127.0.0.1:${wsPort}`,
    },
    async stop() {
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        return;
      }
      for (let i = 0; i < 100; i++) {
        try {
          process.kill(pid, 0);
        } catch {
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      fs.rmSync(runDir, { recursive: true, force: true });
    },
  };
}
