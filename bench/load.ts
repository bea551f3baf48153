/**
 * Load harness (issue 16): a server process with the demo content pinned to one core (taskset -c 0),
 * and bot processes (bench/loadBots.ts) pinned to the other core, driving headless Colyseus SDK
 * clients that keep walking and chat now and then. For 500, 1,000, 2,000 (and more while the core
 * holds) moving avatars, in shards of the configured capacity with the default interest radius on:
 * - the server's CPU share of its core (from /proc/<pid>/stat over the window);
 * - event-loop lag p50/p99 and resident memory (prom-client's process metrics on GET /metrics);
 * - the fixed step's mean time and its share of the core (vitrine_room_fixed_step_duration_seconds);
 * - one client's downstream bytes per second: the observer joins first, so its shard is full;
 * - patch latency p50/p99: the observer alternates walking and standing, and times each change from
 *   its `move` to the first patch showing its own avatar's new animation (a round trip through one
 *   fixed step and one patch).
 * PROFILE=1 writes the server's CPU profile (--cpu-prof) of each level into bench/results/profiles/.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@colyseus/sdk";
import { AvenueState } from "../shared/avenue/state.ts";
import { PROTOCOL_VERSION } from "../shared/constants.ts";
import { AvatarAnim } from "../shared/walking/avatarState.ts";
import { freePort } from "../tests/helpers/processes.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const METRICS_TOKEN = "load-bench-metrics-token";
const BOTS_PER_PROCESS = 250;
const WARM_UP_MS = 5_000;
const WINDOW_MS = 20_000;
/** Levels beyond 2,000 are run only while the last one held (lag p99 within the 25 ms). */
const LEVELS = (process.env.LOAD_LEVELS ?? "500,1000,2000,3000").split(",").map(Number);
const LAG_P99_LIMIT_MS = 25;

export type LoadRow = {
  avatars: number;
  shards: number;
  serverCpuPercent: number;
  lagP50Ms: number;
  lagP99Ms: number;
  residentMB: number;
  fixedStepMeanMs: number;
  fixedStepCpuPercent: number;
  clientDownstreamBytesPerSecond: number;
  patchLatencyP50Ms: number;
  patchLatencyP99Ms: number;
};

type Server = { url: string; pid: number; child: ChildProcess; output: () => string };

const pinnable = (() => {
  try {
    return spawn("taskset", ["-c", "0", "true"]).pid !== undefined && os.cpus().length > 1;
  } catch {
    return false;
  }
})();
/** Runs `args` on core `core` when the machine has more than one and taskset is there. */
const pinned = (core: number, args: string[]) => (pinnable ? ["taskset", "-c", String(core), ...args] : args);

async function startServer(profileDir: string | null): Promise<Server> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-load-"));
  const nodeArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  const [cmd, ...args] = pinned(0, [process.execPath, ...nodeArgs, "server/main.ts"]);
  let log = "";
  const child = spawn(cmd as string, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      REDIS_URL: "",
      LOG_LEVEL: "warn",
      METRICS_TOKEN,
      GUEST_ROOMS_PER_WINDOW: "100000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => {
    log += d.toString();
  });
  child.stderr?.on("data", (d: Buffer) => {
    log += d.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() - started > 600_000) {
      // A machine shared with other work may take minutes to start it; past that, end it, never leave it.
      child.kill("SIGKILL");
      throw new Error(`server did not become healthy:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, pid: child.pid as number, child, output: () => log };
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once("exit", r));
  // SIGINT lets Node write the --cpu-prof profile on the way out.
  server.child.kill("SIGINT");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (server.child.exitCode === null) server.child.kill("SIGKILL");
}

/** Prometheus text → the value of `name` (with labels matching `labels`, if given). */
function metric(text: string, name: string, labels = ""): number {
  for (const line of text.split("\n")) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (!(rest.startsWith(" ") || (rest.startsWith("{") && rest.includes(labels)))) continue;
    return Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return Number.NaN;
}

async function scrape(url: string): Promise<string> {
  const res = await fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
  if (!res.ok) throw new Error(`GET /metrics answered ${res.status}`);
  return res.text();
}

/** User + system CPU seconds of a process so far (Linux). */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
}

function startBotProcess(url: string, count: number, seed: number): Promise<ChildProcess> {
  const [cmd, ...args] = pinned(1, [process.execPath, "bench/loadBots.ts", url, String(count), String(seed)]);
  const child = spawn(cmd as string, args, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`bot process exited (${code}) before joining`)));
  });
}

async function stopBotProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.send({ stop: true });
  await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The observer: counts its downstream bytes and times its own walk/stand changes through patches. */
async function observe(url: string) {
  const room = await new Client(url).joinOrCreate("avenue", { protocol: PROTOCOL_VERSION }, AvenueState);
  room.onMessage("*", () => undefined);
  const ws = (room.connection.transport as unknown as { ws: EventTarget }).ws;
  let bytes = 0;
  let counting = false;
  ws.addEventListener("message", (event) => {
    if (!counting) return;
    const data = (event as MessageEvent).data as ArrayBuffer | Buffer | string;
    bytes += typeof data === "string" ? Buffer.byteLength(data) : data.byteLength;
  });
  const latencies: number[] = [];
  let pending: { anim: number; sentAt: number } | null = null;
  room.onStateChange((state) => {
    const own = state.avatars.get(room.sessionId);
    if (pending && own && own.anim === pending.anim) {
      if (counting) latencies.push(performance.now() - pending.sentAt);
      pending = null;
    }
  });
  let walking = false;
  const toggle = setInterval(() => {
    if (pending) return; // the last change has not come back yet: wait for it
    walking = !walking;
    pending = { anim: walking ? AvatarAnim.walk : AvatarAnim.idle, sentAt: performance.now() };
    room.send("move", walking ? { dirX: 0.6, dirZ: 0.8 } : { dirX: 0, dirZ: 0 });
  }, 700);
  return {
    start: () => {
      bytes = 0;
      latencies.length = 0;
      counting = true;
    },
    finish: async (ms: number) => {
      counting = false;
      clearInterval(toggle);
      await room.leave().catch(() => undefined);
      return {
        bytesPerSecond: (bytes / ms) * 1000,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
      };
    },
  };
}

async function runLevel(avatars: number, profileDir: string | null): Promise<LoadRow> {
  const server = await startServer(profileDir);
  const bots: ChildProcess[] = [];
  try {
    // The observer comes first, so the bots fill its shard around it.
    const observer = await observe(server.url);
    const botCount = avatars - 1;
    const processes = Math.ceil(botCount / BOTS_PER_PROCESS);
    const started = await Promise.allSettled(
      Array.from({ length: processes }, (_, i) =>
        startBotProcess(
          server.url,
          Math.min(BOTS_PER_PROCESS, botCount - i * BOTS_PER_PROCESS),
          avatars * 31 + i * 7 + 1,
        ),
      ),
    );
    for (const s of started) if (s.status === "fulfilled") bots.push(s.value);
    const failed = started.find((s) => s.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
    await new Promise((r) => setTimeout(r, WARM_UP_MS));
    const before = await scrape(server.url); // also resets the lag histogram: the window starts here
    const cpuBefore = cpuSeconds(server.pid);
    const t0 = performance.now();
    observer.start();
    await new Promise((r) => setTimeout(r, WINDOW_MS));
    const after = await scrape(server.url);
    const cpuAfter = cpuSeconds(server.pid);
    const elapsed = performance.now() - t0;
    const seen = await observer.finish(elapsed);
    const stepSum = (t: string) => metric(t, "vitrine_room_fixed_step_duration_seconds_sum", 'room="avenue"');
    const stepCount = (t: string) =>
      metric(t, "vitrine_room_fixed_step_duration_seconds_count", 'room="avenue"');
    const stepSeconds = stepSum(after) - stepSum(before);
    const steps = stepCount(after) - stepCount(before);
    return {
      avatars,
      shards: metric(after, "vitrine_rooms", 'type="avenue"'),
      serverCpuPercent: round(((cpuAfter - cpuBefore) / (elapsed / 1000)) * 100),
      lagP50Ms: round(metric(after, "nodejs_eventloop_lag_p50_seconds") * 1000),
      lagP99Ms: round(metric(after, "nodejs_eventloop_lag_p99_seconds") * 1000),
      residentMB: Math.round(metric(after, "process_resident_memory_bytes") / 2 ** 20),
      fixedStepMeanMs: round((stepSeconds / steps) * 1000, 3),
      fixedStepCpuPercent: round((stepSeconds / (elapsed / 1000)) * 100),
      clientDownstreamBytesPerSecond: Math.round(seen.bytesPerSecond),
      patchLatencyP50Ms: round(seen.p50),
      patchLatencyP99Ms: round(seen.p99),
    };
  } finally {
    await Promise.all(bots.map(stopBotProcess));
    await stopServer(server);
  }
}

export async function benchLoad(): Promise<LoadRow[]> {
  const profileRoot = process.env.PROFILE ? path.join(ROOT, "bench/results/profiles") : null;
  const rows: LoadRow[] = [];
  for (const avatars of LEVELS) {
    const last = rows.at(-1);
    if (avatars > 2000 && last && !(last.lagP99Ms <= LAG_P99_LIMIT_MS)) break;
    const dir = profileRoot ? path.join(profileRoot, String(avatars)) : null;
    if (dir) fs.mkdirSync(dir, { recursive: true });
    const row = await runLevel(avatars, dir);
    console.log(row);
    rows.push(row);
  }
  return rows;
}
