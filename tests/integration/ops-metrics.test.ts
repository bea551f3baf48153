/**
 * GET /metrics on a real server: refused without the token (404 when none is configured, 401 with a
 * wrong one), Prometheus text a strict parser accepts with every family the README lists (the
 * PostgreSQL pool's with TEST_DATABASE_URL), claim counters that move with the claims made over
 * HTTP, rooms, clients and fixed steps that move when a client joins the avenue, latency labelled by
 * the declared route pattern; request ids honoured, echoed and written in the request's JSON log
 * line; Colyseus' own logger writing JSON lines through pino.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { logger as colyseusLog } from "@colyseus/core";
import express from "express";
import { SESSION_COOKIE_NAME } from "../../server/accounts/sessionCookie.ts";
import { createSession } from "../../server/accounts/sessions.ts";
import { type RunningVitrine, startVitrine } from "../../server/app.ts";
import { loadConfig } from "../../server/config.ts";
import { manualClock } from "../../server/drops/clock.ts";
import { scheduleDrop } from "../../server/drops/drops.ts";
import { errorMiddleware } from "../../server/http/errors.ts";
import { setLogDestination, setLogLevel } from "../../server/observability/log.ts";
import { createMetricsRoutes } from "../../server/observability/metricsRoutes.ts";
import { ScheduleDropBody } from "../../shared/drops.ts";
import { ApiErrorBody } from "../../shared/errors.ts";
import { databaseTargets, type TestDatabase } from "../helpers/databases.ts";
import { joinAvenue, leaveQuietly, waitFor } from "../helpers/server.ts";
import { waitUntil } from "../helpers/waitUntil.ts";
import { at, BRAND_ID, createBrand, createUsers, DROP_TIMES, minutes, PRODUCT_ID } from "./drops-fixtures.ts";

const TOKEN = "test-metrics-token-0123456789";

type Sample = { name: string; labels: Record<string, string>; value: number };

/**
 * A strict reader of the Prometheus text format (0.0.4): every line is a HELP, a TYPE or a sample;
 * every sample belongs to a family declared by TYPE before it; label values are quoted and escaped;
 * values are numbers (or ±Inf, NaN, read case-insensitively as Prometheus's own parser does: prom-client
 * writes an empty event-loop histogram's mean as "Nan"). Throws on the first line that is none of these.
 */
/** A sample's value: a number, or ±Inf / NaN in any case. */
function promValue(text: string): number {
  const word = text.toLowerCase();
  if (word === "nan") return Number.NaN;
  if (word.endsWith("inf")) return word.startsWith("-") ? -Infinity : Infinity;
  return Number(text);
}

function parsePrometheusText(text: string): Sample[] {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  const sampleLine =
    /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (-?[0-9.e+-]+|[+-]?[Ii][Nn][Ff]|[Nn][Aa][Nn])( -?[0-9]+)?$/;
  const label = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)/;
  for (const [i, line] of text.split("\n").entries()) {
    if (line === "") continue;
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      assert.ok(!types.has(type[1] as string), `line ${i + 1}: ${type[1]} typed twice`);
      types.set(type[1] as string, type[2] as string);
      continue;
    }
    if (/^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*$/.test(line)) continue;
    const sample = sampleLine.exec(line);
    assert.ok(sample, `line ${i + 1} is not Prometheus text: ${line}`);
    const name = sample[1] as string;
    const family = [name, name.replace(/_(bucket|sum|count|total|created)$/, "")].find((n) => types.has(n));
    assert.ok(family, `line ${i + 1}: ${name} has no TYPE line before it`);
    const labels: Record<string, string> = {};
    let rest = sample[3] ?? "";
    while (rest.length > 0) {
      const match = label.exec(rest);
      assert.ok(match, `line ${i + 1}: malformed labels {${sample[3]}}`);
      labels[match[1] as string] = (match[2] as string).replace(/\\(.)/g, (_, c) => (c === "n" ? "\n" : c));
      rest = rest.slice(match[0].length);
    }
    samples.push({ name, labels, value: promValue(sample[4] as string) });
  }
  return samples;
}

const sumOf = (samples: Sample[], name: string, labels: Record<string, string>) =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

describe("GET /metrics", () => {
  let vitrine: RunningVitrine;
  let url: string;
  let dataDir: string;
  let dropId: string;
  const cookies: string[] = [];

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-ops-"));
    const clock = manualClock(at(minutes(1))); // the drop is open to everyone
    const config = loadConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      SEED_DEMO: "false",
      LOG_LEVEL: "warn",
      METRICS_TOKEN: TOKEN,
    });
    vitrine = await startVitrine(config, { clock });
    url = `http://127.0.0.1:${vitrine.port}`;
    const db = vitrine.database.db;
    const { ownerId } = await createBrand(db);
    const body = ScheduleDropBody.parse({
      productId: PRODUCT_ID,
      title: { en: "Metrics drop" },
      mode: "fcfs",
      stock: 1,
      perAccountLimit: 1,
      holdSeconds: 300,
      ...DROP_TIMES,
    });
    dropId = (await scheduleDrop(db, BRAND_ID, body, ownerId, clock)).id;
    for (const id of await createUsers(db, 3)) {
      cookies.push(`${SESSION_COOKIE_NAME}=${(await createSession(vitrine.database, id, 1)).token}`);
    }
  });
  after(async () => {
    await vitrine.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const scrape = async () => {
    const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(await res.text());
  };

  test("refuses a scraper without the token, or with a wrong one (401 and WWW-Authenticate)", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Bearer wrong-token-wrong-token" },
      { authorization: TOKEN },
    ];
    for (const headers of attempts) {
      const res = await fetch(`${url}/metrics`, { headers });
      assert.equal(res.status, 401);
      assert.equal(res.headers.get("www-authenticate"), 'Bearer realm="metrics"');
      const body = ApiErrorBody.parse(await res.json());
      assert.equal(body.error.code, "unauthenticated");
      assert.deepEqual(body.error.details, { reason: "metrics_token" });
    }
  });

  test("answers 404 when no METRICS_TOKEN is configured", async () => {
    const app = express();
    app.use(createMetricsRoutes(vitrine.database, undefined));
    app.use(errorMiddleware);
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    try {
      const port = (server.address() as AddressInfo).port;
      const res = await fetch(`http://127.0.0.1:${port}/metrics`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      assert.equal(res.status, 404);
      assert.equal(ApiErrorBody.parse(await res.json()).error.code, "not_found");
    } finally {
      server.close();
    }
  });

  test("parses as Prometheus text, and claim counters move with the claims made", async () => {
    const beforeClaims = await scrape();
    // Every family the README lists; one with no sample yet still has its TYPE line.
    const text = await (
      await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).text();
    for (const [family, type] of [
      ["vitrine_http_request_duration_seconds", "histogram"],
      ["vitrine_rooms", "gauge"],
      ["vitrine_room_clients", "gauge"],
      ["vitrine_room_fixed_step_duration_seconds", "histogram"],
      ["nodejs_eventloop_lag_seconds", "gauge"],
      ["nodejs_eventloop_lag_p99_seconds", "gauge"],
      ["vitrine_db_pool_connections", "gauge"],
      ["vitrine_drop_claims_total", "counter"],
      ["vitrine_model_pipeline_jobs_total", "counter"],
      ["vitrine_model_pipeline_job_duration_seconds", "histogram"],
    ] as const) {
      assert.match(text, new RegExp(`^# TYPE ${family} ${type}$`, "m"), `${family} is a ${type}`);
    }
    assert.ok(sumOf(beforeClaims, "nodejs_eventloop_lag_seconds", {}) >= 0, "event-loop lag is sampled");
    const held0 = sumOf(beforeClaims, "vitrine_drop_claims_total", { outcome: "held" });
    const soldOut0 = sumOf(beforeClaims, "vitrine_drop_claims_total", {
      outcome: "refused",
      reason: "sold_out",
    });

    const claim = (cookie: string, key: string) =>
      fetch(`${url}/api/drops/${dropId}/claims`, {
        method: "POST",
        headers: { cookie, "idempotency-key": key },
      });
    assert.equal((await claim(cookies[0] as string, "metrics-key-a")).status, 201);
    // The same request again is a replay: it is not counted twice.
    assert.equal(
      (await claim(cookies[0] as string, "metrics-key-a")).headers.get("idempotent-replayed"),
      "true",
    );
    assert.equal((await claim(cookies[1] as string, "metrics-key-b")).status, 409);
    assert.equal((await claim(cookies[2] as string, "metrics-key-c")).status, 409);

    const afterClaims = await scrape();
    assert.equal(sumOf(afterClaims, "vitrine_drop_claims_total", { outcome: "held" }) - held0, 1);
    assert.equal(
      sumOf(afterClaims, "vitrine_drop_claims_total", { outcome: "refused", reason: "sold_out" }) - soldOut0,
      2,
    );
    // Latency is labelled with the declared pattern, never the raw path with the drop's id.
    const claimRoute = {
      name: "vitrine_http_request_duration_seconds_count",
      route: "/api/drops/:dropId/claims",
    };
    assert.ok(sumOf(afterClaims, claimRoute.name, { route: claimRoute.route, method: "POST" }) >= 4);
    assert.ok(!afterClaims.some((s) => (s.labels.route ?? "").includes(dropId)), "no raw ids in labels");
  });

  test("rooms, clients and fixed steps of the avenue move when a client joins, and back when it leaves", async () => {
    const avenue = { type: "avenue" };
    const steps = (samples: Sample[]) =>
      sumOf(samples, "vitrine_room_fixed_step_duration_seconds_count", { room: "avenue" });
    const start = await scrape();
    const clients0 = sumOf(start, "vitrine_room_clients", avenue);
    const room = await joinAvenue(url);
    room.onMessage("*", () => {}); // the host's greeting and chat are not this test's
    try {
      await waitFor("the avenue's first state", () => room.state.avatars.size >= 1, 20_000);
      const joined = await waitUntil(
        "the joined client and the room's steps in /metrics",
        async () => {
          const samples = await scrape();
          return sumOf(samples, "vitrine_room_clients", avenue) === clients0 + 1 &&
            steps(samples) > steps(start)
            ? samples
            : null;
        },
        20_000,
      );
      assert.ok(sumOf(joined, "vitrine_rooms", avenue) >= 1, "the avenue room is counted");
      // Steps keep being timed while the room runs.
      const later = await waitUntil(
        "more fixed steps",
        async () => {
          const samples = await scrape();
          return steps(samples) > steps(joined) ? samples : null;
        },
        20_000,
      );
      assert.ok(sumOf(later, "vitrine_room_fixed_step_duration_seconds_sum", { room: "avenue" }) > 0);
    } finally {
      await leaveQuietly(room);
    }
    await waitUntil(
      "the client gone from /metrics",
      async () => sumOf(await scrape(), "vitrine_room_clients", avenue) === clients0,
      20_000,
    );
  });

  test("the PostgreSQL pool's connections are in /metrics", {
    skip: databaseTargets().find((t) => t.name === "postgres")?.skip,
  }, async () => {
    const target = databaseTargets().find((t) => t.name === "postgres");
    assert.ok(target);
    let database: TestDatabase | undefined;
    try {
      database = await target.open();
      await database.db.execute("select 1");
      const samples = await scrape();
      const total = sumOf(samples, "vitrine_db_pool_connections", { state: "total" });
      const idle = sumOf(samples, "vitrine_db_pool_connections", { state: "idle" });
      assert.ok(total >= 1, `the pool's connections are counted (${total})`);
      assert.ok(idle <= total);
      assert.equal(samples.filter((s) => s.name === "vitrine_db_pool_connections").length, 3);
    } finally {
      await database?.close();
    }
    const closed = await scrape();
    assert.equal(
      closed.filter((s) => s.name === "vitrine_db_pool_connections").length,
      0,
      "a closed pool is no longer reported (this server runs on PGlite)",
    );
  });

  test("every request's JSON log line carries its request id; Colyseus logs JSON through pino", async () => {
    const lines: string[] = [];
    setLogDestination({ write: (line: string) => lines.push(line) });
    setLogLevel("info");
    try {
      const res = await fetch(`${url}/api/health`, { headers: { "x-request-id": "lb-log-line-42" } });
      assert.equal(res.status, 200);
      const made = await fetch(`${url}/api/catalog`);
      const madeId = made.headers.get("x-request-id");
      colyseusLog.info("a line from Colyseus", { room: "avenue" });
      colyseusLog.error(new Error("a Colyseus failure"));
      const parsed = await waitUntil(
        "the requests' log lines",
        async () => {
          const objects = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
          const id = (o: Record<string, unknown>) => (o.req as { id?: unknown } | undefined)?.id;
          return objects.some((o) => id(o) === "lb-log-line-42") && objects.some((o) => id(o) === madeId)
            ? objects
            : null;
        },
        10_000,
      );
      const given = parsed.find((o) => (o.req as { id?: unknown } | undefined)?.id === "lb-log-line-42");
      assert.equal(given?.component, "http");
      assert.equal(given?.level, "info");
      assert.equal(typeof given?.time, "string");
      assert.deepEqual(given?.req, { id: "lb-log-line-42", method: "GET", url: "/api/health" });
      assert.deepEqual(given?.res, { statusCode: 200 });
      const colyseus = parsed.filter((o) => o.component === "colyseus");
      assert.ok(
        colyseus.some((o) => o.level === "info" && String(o.msg).includes("a line from Colyseus")),
        "Colyseus' info line is a JSON line with component colyseus",
      );
      assert.ok(
        colyseus.some((o) => o.level === "error" && String(o.msg).includes("a Colyseus failure")),
        "Colyseus' error is one JSON line",
      );
      assert.ok(!lines.some((l) => /cookie|authorization/i.test(l)), "no credentials in the logs");
    } finally {
      setLogLevel("warn");
      setLogDestination(null);
    }
  });

  test("a request id is honoured and echoed when sane, and replaced when not", async () => {
    const given = await fetch(`${url}/api/health`, { headers: { "x-request-id": "lb-1234.abc" } });
    assert.equal(given.headers.get("x-request-id"), "lb-1234.abc");
    const hostile = await fetch(`${url}/api/health`, { headers: { "x-request-id": 'a b"<script>' } });
    assert.match(hostile.headers.get("x-request-id") ?? "", /^[0-9a-f-]{36}$/);
    const none = await fetch(`${url}/api/health`);
    assert.match(none.headers.get("x-request-id") ?? "", /^[0-9a-f-]{36}$/);
  });
});
