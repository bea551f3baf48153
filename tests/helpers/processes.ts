/** Runs `server/main.ts` as separate processes, the way production scales out. */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type ServerProcess = {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
};

/**
 * Starts one server process and waits until `GET /api/health` answers (at most `healthTimeoutMs`;
 * past it the process is ended and the start fails).
 */
export async function startServerProcess(
  port: number,
  env: Record<string, string>,
  healthTimeoutMs = 600_000,
): Promise<ServerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-proc-"));
  let log = "";
  const child = spawn(process.execPath, ["server/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, ...env },
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
    if (child.exitCode !== null)
      throw new Error(`server on port ${port} exited (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > healthTimeoutMs) {
      child.kill("SIGKILL");
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`server on port ${port} did not become healthy:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port,
    child,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** Two processes on one PostgreSQL (a scratch database) and one Redis, as production scales out. */
export type ScaledOutPair = { processes: ServerProcess[]; databaseUrl: string; stop(): Promise<void> };

/**
 * Creates a scratch database `vitrine_<prefix>_…` on `databaseUrl`'s server, flushes the Redis
 * database of `redisUrl`, and starts two server processes on both at once (so migrations and the
 * demo seed meet a concurrent twin). `stop()` ends them, drops the database and flushes Redis.
 */
export async function startScaledOutPair(
  prefix: string,
  databaseUrl: string,
  redisUrl: string,
  env: Record<string, string> = {},
  healthTimeoutMs = 600_000,
): Promise<ScaledOutPair> {
  const pg = (await import("pg")).default;
  const { Redis } = await import("ioredis");
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const flushRedis = async () => {
    const redis = new Redis(redisUrl);
    await redis.flushdb();
    redis.disconnect();
  };
  // The name is ours (letters, digits and _ only), so interpolating it into DDL is safe.
  const scratchDb = `vitrine_${prefix}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  await admin(`CREATE DATABASE ${scratchDb}`);
  const scratchUrl = new URL(databaseUrl);
  scratchUrl.pathname = `/${scratchDb}`;
  await flushRedis();
  const ports = [await freePort(), await freePort()];
  const started = await Promise.allSettled(
    ports.map((port) =>
      startServerProcess(
        port,
        {
          DATABASE_URL: scratchUrl.toString(),
          REDIS_URL: redisUrl,
          PUBLIC_ADDRESS: `127.0.0.1:${port}`,
          ...env,
        },
        healthTimeoutMs,
      ),
    ),
  );
  const processes = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = started.find((s) => s.status === "rejected");
  if (failed) {
    // Leave nothing behind: the twin that did start, the scratch database, Redis' keys.
    for (const p of processes) await p.stop();
    await admin(`DROP DATABASE IF EXISTS ${scratchDb} WITH (FORCE)`);
    await flushRedis();
    throw (failed as PromiseRejectedResult).reason;
  }
  return {
    processes,
    databaseUrl: scratchUrl.toString(),
    stop: async () => {
      for (const p of processes) await p.stop();
      await admin(`DROP DATABASE IF EXISTS ${scratchDb} WITH (FORCE)`);
      await flushRedis();
    },
  };
}
