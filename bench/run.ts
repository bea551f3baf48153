/** `npm run bench`: runs every benchmark, prints the figures, writes them to bench/results/. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchAnalytics } from "./analytics.ts";
import { benchAvenue } from "./avenue.ts";
import { benchDrops } from "./drops.ts";
import { benchFanout } from "./fanout.ts";
import { benchFirstLoad } from "./firstload.ts";
import { benchHost } from "./host.ts";
import { benchLoad } from "./load.ts";
import { benchMemory } from "./memory.ts";
import { benchPipeline } from "./pipeline.ts";

const RESULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), "results");

function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    /** 1, 5 and 15 minutes: the machine is shared, and the figures depend on it. */
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/** The 1, 5 and 15 minute load averages, rounded: a busy machine's figures are read with them. */
const loadAverage = () => os.loadavg().map((l) => Math.round(l * 10) / 10);
let loadAtStart = loadAverage();

function write(name: string, rows: unknown): void {
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name}.json`);
  const conditions = {
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: loadAverage(),
    // BENCH_NOTE: what else ran on the machine meanwhile (say so when it is shared).
    ...(process.env.BENCH_NOTE ? { note: process.env.BENCH_NOTE } : {}),
  };
  fs.writeFileSync(
    file,
    `${JSON.stringify({ measuredAt: new Date().toISOString(), machine: machine(), conditions, rows }, null, 2)}\n`,
  );
  loadAtStart = loadAverage();
  console.log(`→ ${path.relative(process.cwd(), file)}`);
}

const only = process.argv[2];
if (!only || only === "avenue") {
  console.log(
    "Avenue: draw calls, triangles and frame time (gl.render + finish) at 0, 50 and 100 avatars (headless Chromium, SwiftShader), the frame-time ratio to the empty avenue in the same run, downstream bytes/s per client",
  );
  const rows = await benchAvenue();
  console.table(rows);
  write("avenue", rows);
}
if (!only || only === "load") {
  console.log(
    "Load: moving avatars on a server pinned to one core (bots on the other), CPU share, event-loop lag, memory, one client's bytes/s and patch latency",
  );
  const rows = await benchLoad();
  console.table(rows);
  write("load", rows);
}
if (!only || only === "drops") {
  console.log(
    "Drops: 10,000 claim attempts from 1,000 accounts (a rush on a stock of 500, and all held), beside the floor transaction",
  );
  const rows = await benchDrops();
  console.table(rows);
  write("drops", rows);
}
if (!only || only === "fanout") {
  console.log(
    "Fan-out: a live event's audience bots over two processes (PostgreSQL + Redis), latency from a presenter's action to every viewer, downstream bytes per viewer",
  );
  const rows = await benchFanout();
  console.table(rows);
  write("fanout", rows);
}
if (!only || only === "pipeline") {
  console.log("Model pipeline: seconds per model (validate + optimize + LOD) and output/input byte ratios");
  const rows = await benchPipeline();
  console.table(rows);
  write("pipeline", rows);
}
if (!only || only === "host") {
  console.log("Host: simulation step cost with 100 and 500 avatars, answer latency after training");
  const rows = await benchHost();
  console.table(rows);
  write("host", rows);
}
if (!only || only === "analytics") {
  console.log(
    "Analytics: the avenue's fixed step at 1,000 avatars (10 shards of 100), without and with fact recording",
  );
  const rows = await benchAnalytics();
  console.table(rows);
  write("analytics", rows);
}
if (!only || only === "firstload") {
  console.log(
    "First load: initial JavaScript gzipped (entry + modulepreloads), and the bytes Chromium transfers to open the avenue",
  );
  const result = await benchFirstLoad();
  write("firstload", result);
}
if (!only || only === "memory") {
  console.log(
    "Memory: resident size of a started server with the demo content, idle, before anyone connects",
  );
  const rows = await benchMemory();
  console.table(rows);
  write("memory", rows);
}
process.exit(0);
