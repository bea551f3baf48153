/**
 * Memory of a started server with the demo content, before anyone connects (issue 16: at most
 * 300 MB resident). The server is started exactly as `npm start` starts it (the node flags are read
 * from package.json's start script), once to seed a fresh data folder and once more on it; the
 * resident size is read from /proc while it sits idle. The same server started with node's default
 * flags is measured beside it, so the figure the flags buy is seen in the same run.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** How long the idle server is watched after it opened (V8 gives back its startup garbage). */
const IDLE_MS = 15_000;

export type MemoryRow = {
  start: string;
  nodeFlags: string;
  rssAtOpenMB: number;
  rssIdleMB: number;
  peakMB: number;
};

/** The node flags of `npm start` (what the start script passes before server/main.ts). */
export function startFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  const match = /node((?:\s+--\S+)*)\s+server\/main\.ts/.exec(pkg.scripts.start);
  if (!match)
    throw new Error(`package.json's start script does not run server/main.ts: ${pkg.scripts.start}`);
  return (match[1] ?? "").trim().split(/\s+/).filter(Boolean);
}

function rssMB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function measure(dataDir: string, flags: string[], start: string): Promise<MemoryRow> {
  const child = spawn(process.execPath, [...flags, "server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: "", REDIS_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("the server did not start");
  let peak = 0;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, rssMB(pid));
    } catch {}
  }, 100);
  try {
    await new Promise<void>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("Vitrine is open")) resolve();
      });
      child.stderr.on("data", () => {});
      child.once("exit", (code) => reject(new Error(`the server exited (${code}) before opening: ${out}`)));
    });
    const atOpen = rssMB(pid);
    await new Promise((r) => setTimeout(r, IDLE_MS));
    return {
      start,
      nodeFlags: flags.join(" ") || "(none)",
      rssAtOpenMB: atOpen,
      rssIdleMB: rssMB(pid),
      peakMB: peak,
    };
  } finally {
    clearInterval(sampler);
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

export async function benchMemory(): Promise<MemoryRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-bench-memory-"));
  try {
    const flags = startFlags();
    const rows = [await measure(dataDir, flags, "first (seeds the demo content)")];
    rows.push(await measure(dataDir, flags, "again, as npm start"));
    rows.push(await measure(dataDir, [], "again, node's default flags"));
    return rows;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
