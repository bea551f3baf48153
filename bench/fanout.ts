/**
 * Fan-out of a live event (issue 11): two server processes on one PostgreSQL (a scratch database on
 * BENCH_DATABASE_URL, else TEST_DATABASE_URL) and one Redis (BENCH_REDIS_URL, else TEST_REDIS_URL;
 * its database is flushed before and after, so give the bench one nobody else uses), one open event
 * of the demo brand with audience shards of FANOUT_SHARD_CAPACITY on both processes, and
 * FANOUT_VIEWERS audience bots (default 2,000) from bot processes of FANOUT_BOTS_PER_PROCESS
 * (bench/fanoutBots.ts), a FANOUT_WALKERS share of them walking. A presenter, signed in as the
 * brand's merchandiser, takes the stage and performs FANOUT_ACTIONS actions, one every
 * FANOUT_ACTION_EVERY_MS, in a cycle of putting a product on stage, turning it, pinning and unpinning
 * it; each action is timed from its `stageAction` to the first stage message carrying its version
 * at every viewer (one wall clock for all processes). Reports:
 * - latency p50/p99 over every (viewer, action) pair, and p50/p99 of each action's last arrival (the
 *   moment every viewer had it); pairs that never arrived;
 * - the presenter's own round trip (action → its stage back in the presenter's shard): the servers'
 *   and Redis' part of the latency, without the bot processes' queue of a few hundred clients;
 * - downstream bytes per viewer per action (the stage messages, patches of the walkers, everything
 *   a viewer received in the window divided by the actions) and per second;
 * - the servers' CPU share over the window and the machine's load average, which on a shared
 *   machine says as much about the latency as the code does.
 * Levels: FANOUT_LEVELS (comma separated viewer counts) overrides FANOUT_VIEWERS; beyond the first,
 * a level runs only while the last one's p99 held the goal.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client, type Room } from "@colyseus/sdk";
import { asc, eq } from "drizzle-orm";
import { SESSION_COOKIE_NAME } from "../server/accounts/sessionCookie.ts";
import { createSession } from "../server/accounts/sessions.ts";
import { drizzleOf, openDatabase } from "../server/db/database.ts";
import { brandStaff, products, users } from "../server/db/schema.ts";
import { manualClock } from "../server/drops/clock.ts";
import { scheduleEvent } from "../server/events/scheduling.ts";
import type { SessionUser } from "../shared/auth.ts";
import { PROTOCOL_VERSION } from "../shared/constants.ts";
import { AudienceProtocol, AudienceState, EVENT_AUDIENCE_ROOM } from "../shared/events/audienceRoom.ts";
import { ScheduleEventBody } from "../shared/events/eventSchedule.ts";
import type { StageAction, StageState } from "../shared/events/stage.ts";
import { sendMessage } from "../shared/protocol/roomProtocol.ts";
import { type ScaledOutPair, startScaledOutPair } from "../tests/helpers/processes.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BRAND = "brevanne";
const envNumber = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0, not "${raw}"`);
  return value;
};
const VIEWERS = envNumber("FANOUT_VIEWERS", 2000);
const LEVELS = (process.env.FANOUT_LEVELS ?? String(VIEWERS)).split(",").map(Number);
const BOTS_PER_PROCESS = envNumber("FANOUT_BOTS_PER_PROCESS", 250);
const SHARD_CAPACITY = envNumber("FANOUT_SHARD_CAPACITY", 150);
const WALKERS = envNumber("FANOUT_WALKERS", 0.1);
const ACTIONS = envNumber("FANOUT_ACTIONS", 40);
const ACTION_EVERY_MS = envNumber("FANOUT_ACTION_EVERY_MS", 1000);
/** The goal for the p99 from a presenter's action to its arrival at every viewer. */
export const FANOUT_P99_GOAL_MS = 250;

export type FanoutRow = {
  viewers: number;
  shards: number;
  shardsPerProcess: string;
  botProcesses: number;
  walkers: number;
  actions: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  allViewersP50Ms: number;
  allViewersP99Ms: number;
  presenterRoundTripP50Ms: number;
  presenterRoundTripP99Ms: number;
  missedArrivals: number;
  bytesPerViewerPerAction: number;
  bytesPerViewerPerSecond: number;
  serverCpuPercent: string;
  loadAverage: string;
  p99WithinGoal: boolean;
};

const percentile = (values: number[], p: number) => {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const epochNow = () => performance.timeOrigin + performance.now();
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/** User + system CPU seconds of a process so far (Linux). */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

type Report = {
  latencies: number[];
  worst: Record<string, number>;
  missing: number;
  bytes: number;
  ms: number;
  viewers: number;
};
type BotProcess = { child: ChildProcess; shards: string[]; next: () => Promise<unknown> };

function startBotProcess(urls: string[], count: number, eventId: string, seed: number): Promise<BotProcess> {
  const args = ["bench/fanoutBots.ts", urls.join(","), String(count), eventId, String(WALKERS), String(seed)];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const inbox: unknown[] = [];
  const waiting: ((m: unknown) => void)[] = [];
  child.on("message", (m) => {
    const w = waiting.shift();
    if (w) w(m);
    else inbox.push(m);
  });
  const next = () =>
    inbox.length > 0 ? Promise.resolve(inbox.shift()) : new Promise<unknown>((r) => waiting.push(r));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`bot process exited (${code}) before joining`)));
    void next().then((m) => resolve({ child, shards: (m as { shards: string[] }).shards, next }));
  });
}

async function stopBotProcess(bot: BotProcess): Promise<void> {
  if (bot.child.exitCode !== null) return;
  const exited = new Promise((r) => bot.child.once("exit", r));
  bot.child.send({ stop: true });
  await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
  if (bot.child.exitCode === null) bot.child.kill("SIGKILL");
}

/** The brand's merchandiser presenting, and an open event of two products live for an hour. */
async function scheduleShow(
  databaseUrl: string,
): Promise<{ eventId: string; cookie: string; ids: string[] }> {
  const database = await openDatabase({ databaseUrl, dataDir: "/nonexistent" });
  try {
    const db = drizzleOf(database);
    const id = `fanout-presenter-${Date.now().toString(36)}`;
    const email = `${id}@example.test`;
    await db.insert(users).values({ id, email, passwordHash: "-", displayName: "Presenter" });
    await db.insert(brandStaff).values({ userId: id, brandId: BRAND, role: "merchandiser" });
    const user: SessionUser = {
      id,
      email,
      displayName: "Presenter",
      role: "shopper",
      brandRoles: [{ brandId: BRAND, role: "merchandiser" }],
    };
    const rows = await db
      .select({ id: products.id })
      .from(products)
      .where(eq(products.brandId, BRAND))
      .orderBy(asc(products.position));
    const ids = rows.map((r) => r.id).slice(0, 3);
    if (ids.length < 2) throw new Error(`the demo brand ${BRAND} has fewer than two products`);
    const now = Date.now();
    // Scheduled on a clock an hour back: the show has started by the time anyone joins.
    const view = await scheduleEvent(
      database,
      user,
      ScheduleEventBody.parse({
        id: `fanout-${now.toString(36)}`,
        brandId: BRAND,
        title: { en: "Fan-out bench" },
        description: { en: "Audience bots on two processes." },
        startsAt: new Date(now - 60_000).toISOString(),
        endsAt: new Date(now + 3_600_000).toISOString(),
        kind: "open",
        presenters: [{ kind: "staff", userId: id }],
        productIds: ids,
      }),
      manualClock(new Date(now - 3_600_000)),
    );
    const session = await createSession(database, id, 2);
    return { eventId: view.id, cookie: `${SESSION_COOKIE_NAME}=${session.token}`, ids };
  } finally {
    await database.close();
  }
}

type AudienceRoom = Room<unknown, InstanceType<typeof AudienceState>>;

/** The presenter's client: sends an action and resolves with the version of the stage it made. */
async function presenterOf(url: string, cookie: string, eventId: string) {
  const room: AudienceRoom = await new Client(url, { headers: { cookie } }).joinOrCreate(
    EVENT_AUDIENCE_ROOM,
    { protocol: PROTOCOL_VERSION, eventId },
    AudienceState,
  );
  let stage: StageState | null = null;
  let waiter: { test: (s: StageState) => boolean; resolve: (s: StageState) => void } | null = null;
  const refusals: string[] = [];
  room.onMessage("stage", (m: { stage: StageState }) => {
    stage = m.stage;
    if (waiter?.test(m.stage)) {
      waiter.resolve(m.stage);
      waiter = null;
    }
  });
  room.onMessage("stageRefused", (m: { action: string; reason: string }) =>
    refusals.push(`${m.action}: ${m.reason}`),
  );
  room.onMessage("*", () => undefined);
  /** Sends `action`; resolves with the first newer stage passing `test`, when it was sent and came back. */
  const act = async (action: StageAction, test: (s: StageState) => boolean) => {
    const before = (stage as StageState | null)?.version ?? -1;
    let arrivedAt = 0;
    const arrived = new Promise<StageState>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no stage after ${action.type} (refusals: ${refusals.join(", ") || "none"})`)),
        15_000,
      );
      waiter = {
        test: (s) => s.version > before && test(s),
        resolve: (s) => {
          arrivedAt = epochNow();
          clearTimeout(timer);
          resolve(s);
        },
      };
    });
    const sentAt = epochNow();
    sendMessage(room, AudienceProtocol.client, "stageAction", action);
    return { sentAt, stage: await arrived, arrivedAt };
  };
  return { room, act };
}

async function runLevel(pair: ScaledOutPair, redisUrl: string, viewers: number): Promise<FanoutRow> {
  const urls = pair.processes.map((p) => p.url);
  const show = await scheduleShow(pair.databaseUrl);
  const presenter = await presenterOf(urls[0] as string, show.cookie, show.eventId);
  const [p1, p2] = show.ids as [string, string];
  await presenter.act({ type: "take_stage" }, (s) => s.presenter?.kind === "staff");
  await presenter.act({ type: "show_product", productId: p1 }, (s) => s.onStage?.productId === p1);
  const bots: BotProcess[] = [];
  try {
    const botCount = viewers - 1; // the presenter sits in the first shard
    const processes = Math.ceil(botCount / BOTS_PER_PROCESS);
    const started = await Promise.allSettled(
      Array.from({ length: processes }, (_, i) =>
        startBotProcess(
          urls,
          Math.min(BOTS_PER_PROCESS, botCount - i * BOTS_PER_PROCESS),
          show.eventId,
          viewers * 31 + i * 7 + 1,
        ),
      ),
    );
    for (const s of started) if (s.status === "fulfilled") bots.push(s.value);
    const failed = started.find((s) => s.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
    const shards = new Set([presenter.room.roomId, ...bots.flatMap((b) => b.shards)]);
    const processOf = await shardProcesses(redisUrl, [...shards]);
    console.log(`${viewers} viewers in ${shards.size} shards (${processOf}); measuring ${ACTIONS} actions`);

    const cpuBefore = pair.processes.map((p) => cpuSeconds(p.child.pid as number));
    const t0 = epochNow();
    for (const b of bots) b.child.send({ start: true });
    const sentAt: Record<string, number> = {};
    const roundTrips: number[] = [];
    type Step = (i: number) => [StageAction, (s: StageState) => boolean];
    const cycle: Step[] = [
      (i) => {
        const productId = i % 10 < 5 ? p2 : p1;
        return [{ type: "show_product", productId }, (s) => s.onStage?.productId === productId];
      },
      (i) => {
        const yaw = round(((i * 37) % 360) * (Math.PI / 180) - Math.PI, 3);
        return [{ type: "turn", yaw, spin: 0.5 }, (s) => Math.abs((s.onStage?.yaw ?? 99) - yaw) < 1e-6];
      },
      () => [{ type: "pin", productId: p1 }, (s) => s.pinned.includes(p1)],
      (i) => {
        const yaw = round(((i * 53) % 360) * (Math.PI / 180) - Math.PI, 3);
        return [{ type: "turn", yaw, spin: -0.5 }, (s) => Math.abs((s.onStage?.yaw ?? 99) - yaw) < 1e-6];
      },
      () => [{ type: "unpin", productId: p1 }, (s) => !s.pinned.includes(p1)],
    ];
    for (let i = 0; i < ACTIONS; i++) {
      const due = t0 + i * ACTION_EVERY_MS;
      const wait = due - epochNow();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const [action, test] = (cycle[i % cycle.length] as Step)(i);
      const done = await presenter.act(action, test);
      sentAt[done.stage.version] = done.sentAt;
      roundTrips.push(done.arrivedAt - done.sentAt);
    }
    // Let the last action reach everyone before the window closes.
    await new Promise((r) => setTimeout(r, Math.max(2000, ACTION_EVERY_MS)));
    const reports = (await Promise.all(
      bots.map((b) => {
        const answer = b.next();
        b.child.send({ finish: { sentAt } });
        return answer;
      }),
    )) as Report[];
    const elapsed = (epochNow() - t0) / 1000;
    const cpu = pair.processes.map(
      (p, i) => ((cpuSeconds(p.child.pid as number) - (cpuBefore[i] as number)) / elapsed) * 100,
    );
    const latencies = reports.flatMap((r) => r.latencies);
    const worst = Object.keys(sentAt).map((v) => Math.max(...reports.map((r) => r.worst[v] ?? 0)));
    const viewersMeasured = reports.reduce((s, r) => s + r.viewers, 0);
    const bytesPerViewer = reports.reduce((s, r) => s + r.bytes, 0) / viewersMeasured;
    const windowSeconds = reports.reduce((s, r) => s + r.ms, 0) / reports.length / 1000;
    const p99 = percentile(latencies, 99);
    return {
      viewers,
      shards: shards.size,
      shardsPerProcess: processOf,
      botProcesses: bots.length,
      walkers: WALKERS,
      actions: Object.keys(sentAt).length,
      latencyP50Ms: round(percentile(latencies, 50)),
      latencyP99Ms: round(p99),
      latencyMaxMs: round(latencies.reduce((m, l) => Math.max(m, l), 0)),
      allViewersP50Ms: round(percentile(worst, 50)),
      allViewersP99Ms: round(percentile(worst, 99)),
      presenterRoundTripP50Ms: round(percentile(roundTrips, 50)),
      presenterRoundTripP99Ms: round(percentile(roundTrips, 99)),
      missedArrivals: reports.reduce((s, r) => s + r.missing, 0),
      bytesPerViewerPerAction: Math.round(bytesPerViewer / Object.keys(sentAt).length),
      bytesPerViewerPerSecond: Math.round(bytesPerViewer / windowSeconds),
      serverCpuPercent: cpu.map((c) => round(c)).join(" / "),
      loadAverage: loadAverage(),
      p99WithinGoal: p99 <= FANOUT_P99_GOAL_MS,
    };
  } finally {
    await Promise.all(bots.map(stopBotProcess));
    await presenter.room.leave().catch(() => undefined);
  }
}

/** "a: n, b: m": how many of the shards each server process holds (from the shared room cache). */
async function shardProcesses(redisUrl: string, shardIds: string[]): Promise<string> {
  const { Redis } = await import("ioredis");
  const redis = new Redis(redisUrl);
  try {
    const counts = new Map<string, number>();
    for (const id of shardIds) {
      const cached = await redis.hget("roomcaches", id);
      const processId = cached ? ((JSON.parse(cached) as { processId?: string }).processId ?? "?") : "?";
      counts.set(processId, (counts.get(processId) ?? 0) + 1);
    }
    return [...counts.values()].sort((a, b) => b - a).join(" + ");
  } finally {
    redis.disconnect();
  }
}

export async function benchFanout(): Promise<FanoutRow[]> {
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const redisUrl = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL;
  if (!databaseUrl || !redisUrl)
    throw new Error(
      "the fan-out bench runs two processes on PostgreSQL and Redis: set BENCH_DATABASE_URL and BENCH_REDIS_URL (or TEST_DATABASE_URL and TEST_REDIS_URL)",
    );
  const rows: FanoutRow[] = [];
  for (const viewers of LEVELS) {
    const last = rows.at(-1);
    if (last && !last.p99WithinGoal) break;
    const pair = await startScaledOutPair(
      "fanout",
      databaseUrl,
      redisUrl,
      {
        EVENT_SHARD_CAPACITY: String(SHARD_CAPACITY),
        GUEST_ROOMS_PER_WINDOW: "100000",
        LOG_LEVEL: "warn",
      },
      300_000,
    ); // a shared, loaded machine may take minutes to migrate and seed two processes
    try {
      const row = await runLevel(pair, redisUrl, viewers);
      console.log(row);
      rows.push(row);
    } finally {
      await pair.stop();
    }
  }
  return rows;
}
