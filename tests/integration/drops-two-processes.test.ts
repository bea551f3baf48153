/**
 * Two server processes on one PostgreSQL and one Redis take claims for one drop at once, during early
 * access: exactly the stock is granted, only to pass holders, no account over its limit; and a drop
 * room client on one process sees the stock move after a claim on the other.
 * Needs TEST_DATABASE_URL and TEST_REDIS_URL.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Client, type Room } from "@colyseus/sdk";
import { Redis } from "ioredis";
import { PROTOCOL_VERSION } from "../../shared/constants.ts";
import { DROP_ROOM, DropRoomState } from "../../shared/dropRoom.ts";
import { databaseTargets, type TestDatabase } from "../helpers/databases.ts";
import { freePort, type ServerProcess, startServerProcess } from "../helpers/processes.ts";
import { waitFor } from "../helpers/server.ts";
import { type Attempt, claimOnce, dropLedger, prepareRush, type RushSetup, runPool } from "./drops-rush.ts";

const redisUrl = process.env.TEST_REDIS_URL;
const postgres = databaseTargets().find((t) => t.name === "postgres");
const skip =
  !redisUrl || !postgres || postgres.skip
    ? "TEST_DATABASE_URL and TEST_REDIS_URL not both set: two-process drop test skipped"
    : false;

const ACCOUNTS = 160;
const HOLDERS = 80;
const STOCK = 40;
const LIMIT = 2;
const ATTEMPTS_PER_ACCOUNT = 3;

describe("drops on two processes (PostgreSQL + Redis)", { skip }, () => {
  let database: TestDatabase;
  let setup: RushSetup;
  const processes: ServerProcess[] = [];
  let room: Room<unknown, InstanceType<typeof DropRoomState>> | undefined;

  const flushRedis = async () => {
    const redis = new Redis(redisUrl as string);
    await redis.flushdb();
    redis.disconnect();
  };

  before(async () => {
    if (skip || !postgres) return;
    database = await postgres.open();
    await flushRedis();
    setup = await prepareRush(database, {
      accounts: ACCOUNTS,
      stock: STOCK,
      limit: LIMIT,
      holdSeconds: 600,
      holders: HOLDERS,
    });
    const ports = [await freePort(), await freePort()];
    processes.push(
      ...(await Promise.all(
        ports.map((port) =>
          startServerProcess(port, {
            DATABASE_URL: database.url as string,
            REDIS_URL: redisUrl as string,
            PUBLIC_ADDRESS: `127.0.0.1:${port}`,
            SEED_DEMO: "false",
            LOG_LEVEL: "warn",
          }),
        ),
      )),
    );
  });

  after(async () => {
    if (room?.connection.isOpen) await room.leave().catch(() => undefined);
    for (const p of processes) await p.stop();
    await database?.close();
    if (redisUrl) await flushRedis();
  });

  test("a room client on one process sees remaining drop after a claim on the other", async () => {
    const [a, b] = processes;
    assert.ok(a && b);
    const vip = setup.cookies[0] as string;
    room = await new Client(a.url, { headers: { cookie: vip } }).joinOrCreate(
      DROP_ROOM,
      { protocol: PROTOCOL_VERSION, dropId: setup.dropId },
      DropRoomState,
    );
    await waitFor("the room's state", () => room?.state.remaining === STOCK);
    assert.equal(room.state.phase, "early_access");
    // Matchmaking through Redis may have put the room on either process: claim on the other one.
    const redis = new Redis(redisUrl as string);
    const cached = JSON.parse((await redis.hget("roomcaches", room.roomId)) ?? "{}") as {
      publicAddress?: string;
    };
    redis.disconnect();
    const host = processes.find((p) => cached.publicAddress === `127.0.0.1:${p.port}`);
    const other = processes.find((p) => p !== host);
    assert.ok(host && other, `the room's process is known (${cached.publicAddress})`);
    const claim = await claimOnce(other.url, setup.dropId, vip, 0, "two-proc-room-1");
    assert.equal(claim.status, 201);
    await waitFor(
      "the room hears the other process's claim",
      () => room?.state.remaining === STOCK - 1,
      2000,
    );
  });

  test("both processes take claims at once: exactly the stock, only pass holders, limits kept", async () => {
    const processOfKey = new Map<string, number>();
    const jobs = Array.from({ length: ATTEMPTS_PER_ACCOUNT }, (_, j) =>
      setup.userIds.map((_, i) => {
        const account = (i * 53) % ACCOUNTS;
        const server = processes[(i + j) % 2] as ServerProcess;
        const key = `two-proc-${account}-${j}`;
        processOfKey.set(key, (i + j) % 2);
        return () => claimOnce(server.url, setup.dropId, setup.cookies[account] as string, account, key);
      }),
    ).flat();
    const results: Attempt[] = await runPool(jobs, 32);
    assert.deepEqual(
      results.filter((r) => ![201, 403, 409].includes(r.status)),
      [],
      "every claim got an answer (no errors, no rate limiting)",
    );
    const grants = results.filter((r) => r.status === 201);
    // One unit went to the room test's claim.
    assert.equal(grants.length, STOCK - 1, "exactly the stock is granted");
    const holderIds = setup.holders;
    for (const g of grants) {
      assert.ok(holderIds.has(setup.userIds[g.account] as string), "only pass holders during early access");
    }
    for (const r of results.filter((x) => !holderIds.has(setup.userIds[x.account] as string))) {
      assert.equal(r.reason, "not_open_yet", "people without a pass are told it is not open yet");
    }
    const grantingProcesses = new Set(grants.map((g) => processOfKey.get(g.key)));
    assert.equal(grantingProcesses.size, 2, "both processes granted units");

    const ledger = await dropLedger(database, setup.dropId);
    assert.equal(ledger.remaining, 0);
    assert.equal(ledger.live.length, STOCK);
    for (const [userId, n] of ledger.liveByUser) {
      assert.ok(n <= LIMIT, `${userId} holds ${n} ≤ ${LIMIT}`);
      assert.equal(ledger.activeByUser.get(userId), n);
    }
    await waitFor("the room shows the drop sold out", () => room?.state.remaining === 0, 3000);
    assert.ok((room?.state.soldOutAt ?? 0) > 0, "with its sell-out time");
  });
});
