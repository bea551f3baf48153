/**
 * The server process is killed (SIGKILL) in the middle of a rush of HTTP claims, then restarted on the
 * same database: nothing granted is lost, nothing is granted twice (retries with the same key answer
 * the same), the stock is conserved, and holds left behind expire back into stock.
 * On PostgreSQL (TEST_DATABASE_URL) and on PGlite in a data folder.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { type Database, openDatabase } from "../../server/db/database.ts";
import { DropView } from "../../shared/drops.ts";
import { databaseTargets } from "../helpers/databases.ts";
import { freePort, type ServerProcess, startServerProcess } from "../helpers/processes.ts";
import { type Attempt, claimOnce, dropLedger, prepareRush, runPool } from "./drops-rush.ts";

const ACCOUNTS = 120;
const ATTEMPTS_PER_ACCOUNT = 3;
const STOCK = 100;
const LIMIT = 2;
const HOLD_SECONDS = 10;
const KILL_AFTER_ANSWERS = 60;
const CONFIRMED = 5;
const PARALLEL = 24;

/** Where the database lives: reopened by the test between server runs, handed to the children by env. */
type Store = { name: string; skip: string | false; env: Record<string, string>; open(): Promise<Database> };

function stores(): Store[] {
  const postgres = databaseTargets().find((t) => t.name === "postgres");
  let pgUrl = "";
  let pgDatabase: Promise<Database> | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-crash-"));
  return [
    {
      name: "PostgreSQL",
      skip: postgres?.skip ?? "no PostgreSQL target",
      get env() {
        return { DATABASE_URL: pgUrl };
      },
      // One fresh database, opened once and kept open (it is dropped when closed).
      open: () => {
        pgDatabase ??= (postgres as NonNullable<typeof postgres>).open().then((db) => {
          pgUrl = db.url ?? "";
          return db;
        });
        return pgDatabase;
      },
    },
    {
      name: "PGlite in a data folder",
      skip: false,
      env: { DATA_DIR: dataDir },
      // One process at a time may open the folder: the test opens it only while no server runs.
      open: () => openDatabase({ dataDir }),
    },
  ];
}

for (const store of stores()) {
  describe(`crash in the middle of a rush (${store.name})`, { skip: store.skip }, () => {
    test("nothing granted is lost or granted twice, stock is conserved, holds expire back", async (t) => {
      const started = Date.now();
      const since = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
      const pglite = store.name.startsWith("PGlite");
      let database = await store.open();
      const setup = await prepareRush(database, {
        accounts: ACCOUNTS,
        stock: STOCK,
        limit: LIMIT,
        holdSeconds: HOLD_SECONDS,
      });
      if (pglite) await database.close();
      const env = { ...store.env, SEED_DEMO: "false", LOG_LEVEL: "warn" };
      let server: ServerProcess | undefined = await startServerProcess(await freePort(), env);
      // Accounts interleaved, as a crowd comes: each round visits every account in a scrambled order.
      const keys = Array.from({ length: ATTEMPTS_PER_ACCOUNT }, (_, j) =>
        setup.userIds.map((_, i) => {
          const account = (i * 37) % ACCOUNTS;
          return { account, key: `crash-${account}-${j}` };
        }),
      ).flat();
      const send = (url: string) =>
        keys.map(
          ({ account, key }) =>
            () =>
              claimOnce(url, setup.dropId, setup.cookies[account] as string, account, key),
        );

      try {
        // 1. The rush. The first few holds are confirmed as soon as they are granted; after
        //    KILL_AFTER_ANSWERS answers (and those confirmations) the process is killed.
        const first = server;
        const confirmations: Promise<string>[] = [];
        const confirm = async (a: Attempt) => {
          const res = await fetch(`${first.url}/api/drops/${setup.dropId}/claims/${a.claimId}/confirm`, {
            method: "POST",
            headers: { cookie: setup.cookies[a.account] as string },
          });
          assert.equal(res.status, 200, "confirming a fresh hold");
          return a.claimId as string;
        };
        let answered = 0;
        let killing: Promise<void> | undefined;
        const killMidRush = async () => {
          await Promise.allSettled(confirmations);
          const exited = new Promise((r) => first.child.once("exit", r));
          first.child.kill("SIGKILL");
          await exited;
        };
        let grantedBeforeCrash = 0;
        const phase1 = await runPool(send(first.url), PARALLEL, (a) => {
          if (a.status === 201) grantedBeforeCrash += 1;
          if (a.status === 201 && confirmations.length < CONFIRMED) confirmations.push(confirm(a));
          if (a.status !== 0 && ++answered === KILL_AFTER_ANSWERS) killing = killMidRush();
        });
        await killing;
        const confirmed = await Promise.all(confirmations);
        t.diagnostic(
          `${since()}: killed after ${answered} answers, ${grantedBeforeCrash} granted, ${phase1.filter((x) => x.status === 0).length} unanswered`,
        );
        assert.equal(confirmed.length, CONFIRMED, `claims granted before the crash (${grantedBeforeCrash})`);
        const answered1 = phase1.filter((a) => a.status !== 0);
        assert.ok(
          phase1.some((a) => a.status === 0),
          "the crash cut the rush: some requests got no answer",
        );
        assert.deepEqual(
          answered1.filter((a) => a.status >= 500),
          [],
          "no server error before the crash",
        );

        // 2. Restart on the same database; every key is retried, and the rush goes on.
        server = await startServerProcess(await freePort(), env);
        const phase2 = await runPool(send(server.url), PARALLEL);
        const byKey = new Map(phase2.map((a) => [a.key, a]));
        for (const before of answered1) {
          const after = byKey.get(before.key);
          assert.equal(after?.status, before.status, `retry of ${before.key} answers the same status`);
          assert.equal(after?.claimId, before.claimId, `retry of ${before.key} answers the same claim`);
          assert.equal(after?.reason, before.reason, `retry of ${before.key} answers the same reason`);
        }
        assert.deepEqual(
          phase2.filter((a) => a.status === 0 || a.status >= 500 || a.status === 429),
          [],
          "after the restart every claim got a real answer",
        );

        t.diagnostic(`${since()}: restarted, every key retried`);
        // 3. Holds nobody confirmed expire back into stock (the sweep also runs at start-up).
        const deadline = Date.now() + (HOLD_SECONDS + 15) * 1000;
        let remaining = -1;
        while (remaining !== STOCK - CONFIRMED) {
          assert.ok(Date.now() < deadline, `holds did not expire back into stock (remaining ${remaining})`);
          await new Promise((r) => setTimeout(r, 250));
          const res = await fetch(`${server.url}/api/drops/${setup.dropId}`);
          remaining = DropView.parse(await res.json()).remaining;
        }

        t.diagnostic(`${since()}: unconfirmed holds expired back into stock`);
        // 4. The ledger, read from the database itself.
        if (pglite) {
          await server.stop();
          server = undefined;
          database = await store.open();
        }
        const ledger = await dropLedger(database, setup.dropId);
        const grants = [...answered1, ...phase2].filter((a) => a.status === 201);
        const claimIds = new Set(ledger.claims.map((c) => c.id));
        for (const g of grants) {
          assert.ok(claimIds.has(g.claimId as string), `granted claim ${g.claimId} exists`);
          assert.equal(
            ledger.heldClaimIdByKey.get(g.key),
            g.claimId,
            `${g.key} stored the claim it answered`,
          );
        }
        assert.equal(
          ledger.claims.length,
          ledger.heldClaimIdByKey.size,
          "every claim row has exactly one request that answered it (nothing granted twice)",
        );
        assert.equal(new Set(ledger.heldClaimIdByKey.values()).size, ledger.heldClaimIdByKey.size);
        assert.deepEqual(
          ledger.live.map((c) => c.id).sort(),
          [...confirmed].sort(),
          "only the confirmed claims are still live",
        );
        assert.equal(ledger.remaining + ledger.live.length, STOCK, "stock is conserved");
        for (const [userId, n] of ledger.liveByUser) {
          assert.ok(n <= LIMIT, `${userId} within the limit`);
          assert.equal(ledger.activeByUser.get(userId), n, `${userId}'s count matches its claims`);
        }
        assert.ok(
          grants.length >= STOCK - CONFIRMED,
          `the rush sold the stock at least once (${grants.length})`,
        );
      } finally {
        await server?.stop();
        await database.close();
      }
    });
  });
}
