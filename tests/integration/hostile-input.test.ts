/**
 * The hostile-input suite (issue 10): every JSON route of API_ENDPOINTS (from the shared
 * declarations) and every client message of the avenue, vitrine and drop rooms (from their
 * protocol tables) receives
 * the classes a hostile visitor tries: NUL, lone surrogates, bidi overrides, control characters,
 * huge strings, deep nesting, prototype keys, non-dates and numbers out of range. Each must answer
 * a 4xx with the error shape (a refusal message in rooms), never a 500, and the database must hold
 * nothing new. On PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Client, type Room } from "@colyseus/sdk";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import { drizzleOf } from "../../server/db/database.ts";
import { type EndpointSpec, MULTIPART } from "../../shared/api/endpoint.ts";
import { API_ENDPOINTS } from "../../shared/api/index.ts";
import { AvenueProtocol } from "../../shared/avenue/protocol.ts";
import { PROTOCOL_VERSION } from "../../shared/constants.ts";
import { DROP_ROOM, DropRoomProtocol, DropRoomState } from "../../shared/dropRoom.ts";
import { ApiErrorBody } from "../../shared/errors.ts";
import { VITRINE_ROOM, VitrineProtocol, VitrineState } from "../../shared/vitrineRoom.ts";
import { databaseTargets, type TestDatabase } from "../helpers/databases.ts";
import { joinAvenue, startTestServer, type TestServer, waitFor } from "../helpers/server.ts";
import { staffCookie } from "./models-fixtures.ts";

/**
 * Sends every hostile class to every client message type of a room, a fresh client per class (the
 * room closes a client after a few refused messages): each must be refused by name or close that
 * client, never crash the room.
 */
async function roomFailures(types: readonly string[], join: () => Promise<Room>): Promise<string[]> {
  const failures: string[] = [];
  for (const type of types) {
    for (const [label, value] of Object.entries(HOSTILE_VALUES)) {
      const room = await join();
      const refusals: { code: string }[] = [];
      room.onMessage("error", (e: { code: string }) => refusals.push(e));
      room.onMessage("*", () => {});
      // Every field name a room message of ours carries, so each table's fields meet the value.
      const fields = {
        text: value,
        channel: value,
        lang: value,
        clientTime: value,
        x: value,
        z: value,
        dirX: value,
        dirZ: value,
      };
      for (const payload of [value, fields]) {
        room.send(type, payload);
      }
      try {
        await waitFor(
          `${type} ${label} refused`,
          () => refusals.length >= 1 || !room.connection.isOpen,
          3000,
        );
      } catch {
        failures.push(`${type} ${label}: no refusal`);
      }
      if (room.connection.isOpen) await room.leave().catch(() => undefined);
    }
  }
  return failures;
}

/**
 * The row counts, without the analytics tables: a visit to a room is a fact (joins and leaves,
 * flushed on a timer), which the hostile payloads did not write.
 */
async function rowCountsBesidesVisits(
  database: Parameters<typeof rowCounts>[0],
): Promise<Record<string, number>> {
  const counts = await rowCounts(database);
  return Object.fromEntries(Object.entries(counts).filter(([table]) => !table.startsWith("analytics_")));
}

/** Values no field should take, by class. */
const HOSTILE_VALUES: Record<string, unknown> = {
  nul: "abc\u0000def",
  loneSurrogate: "abc\uD800def",
  bidiOverride: "abc\u202Efdp.exe",
  control: "abc\u001B[31mdef",
  huge: "x".repeat(20_000),
  nonDateNull: null,
  nonDateTrue: true,
  nonDateNegative: -1,
  outOfRange: 1e300,
  negativeHuge: -1e300,
  deep: JSON.parse(`${"[".repeat(200)}${"]".repeat(200)}`),
  protoKey: JSON.parse('{"__proto__": {"role": "admin"}}'),
  constructorKey: { constructor: { prototype: { role: "admin" } } },
};

/** Whole bodies that are hostile on their own. */
const HOSTILE_BODIES: Record<string, string> = {
  deepObject: `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`,
  protoPollution: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}',
  infinity: '{"n": 1e999}',
  nulKey: '{"a\\u0000b": 1}',
  notJson: "{not json",
  array: "[]",
  string: '"hello"',
};

/**
 * Text per language (a drop's title, a programme's name) in hostile shapes: a hostile string in
 * English or in another language beside a good English one, an unknown language, no English, the
 * old plain string, a list.
 */
function hostileLocalized(good: string): Record<string, unknown> {
  const cases: Record<string, unknown> = {
    unknownLanguage: { en: good, xx: good },
    noEnglish: { fr: good },
    plainString: good,
    list: [good],
    emptyObject: {},
  };
  for (const [label, value] of Object.entries(HOSTILE_VALUES)) {
    cases[`en=${label}`] = { en: value };
    cases[`fr=${label}`] = { en: good, fr: value };
  }
  return cases;
}

/** The top-level keys of a body schema (unwrapping refine, pipe, default, optional). */
function shapeKeys(schema: z.ZodType): string[] {
  let def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  for (let i = 0; i < 10; i++) {
    if (def.shape && typeof def.shape === "object") return Object.keys(def.shape as object);
    const inner = (def.in ?? def.innerType ?? def.schema) as
      | { _zod?: { def: Record<string, unknown> } }
      | undefined;
    if (!inner?._zod) return [];
    def = inner._zod.def;
  }
  return [];
}

/** A path with every :param filled (with ids of the demo content, so lookups get past 404). */
function pathOf(endpoint: EndpointSpec): string {
  const values: Record<string, string> = { brandId: "aubrelle", productId: "aubrelle-solitaire-etoile" };
  return endpoint.path.replace(/:(\w+)/g, (_m, name: string) => values[name] ?? "hostile-id");
}

/**
 * Endpoints that only check what they are handed (a token, a certificate, a personalisation) and
 * store nothing: their answer to a bad input may be a 200 saying so. The row counts still apply.
 */
const CHECKERS = new Set(["passes.verify", "certificates.verify", "clienteling.validatePersonalisation"]);

const JSON_ENDPOINTS = API_ENDPOINTS.filter(
  (e) => e.body !== undefined && e.body !== MULTIPART && e.method !== "GET",
);

type Case = { endpoint: EndpointSpec; label: string; body: string };

function casesOf(endpoint: EndpointSpec): Case[] {
  const cases: Case[] = [];
  for (const [label, body] of Object.entries(HOSTILE_BODIES)) cases.push({ endpoint, label, body });
  for (const key of shapeKeys(endpoint.body as z.ZodType)) {
    for (const [label, value] of Object.entries(HOSTILE_VALUES)) {
      cases.push({ endpoint, label: `${key}=${label}`, body: JSON.stringify({ [key]: value }) });
    }
  }
  return cases;
}

async function rowCounts(database: TestDatabase | TestServer["database"]): Promise<Record<string, number>> {
  const db = drizzleOf(database);
  const tables = (await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  )) as unknown as { rows: { table_name: string }[] };
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const result = (await db.execute(
      sql.raw(`select count(*)::int as n from "${table_name}"`),
    )) as unknown as {
      rows: { n: number }[];
    };
    counts[table_name] = Number(result.rows[0]?.n);
  }
  return counts;
}

for (const target of databaseTargets()) {
  describe(`hostile input on ${target.name}`, { skip: target.skip }, () => {
    let server: TestServer;
    let scratch: TestDatabase | undefined;
    let admin: string;
    before(async () => {
      if (target.name === "postgres") {
        scratch = await target.open();
        server = await startTestServer({ DATABASE_URL: scratch.url as string });
      } else {
        server = await startTestServer();
      }
      const res = await fetch(`${server.url}/api/auth/signin`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.200" },
        body: JSON.stringify({ email: "admin@vitrine.demo", password: "vitrine-admin-1" }),
      });
      assert.equal(res.status, 200);
      admin = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    });
    after(async () => {
      await server?.stop();
      await scratch?.close();
    });

    test(`every JSON route (${JSON_ENDPOINTS.length}) refuses every hostile class with a 4xx and the error shape`, async () => {
      const before = await rowCounts(server.database);
      const failures: string[] = [];
      let sent = 0;
      for (const endpoint of JSON_ENDPOINTS) {
        for (const c of casesOf(endpoint)) {
          // As the admin, who passes every access rule: the body itself must be what is refused.
          const res = await fetch(`${server.url}${pathOf(endpoint)}`, {
            method: endpoint.method,
            headers: {
              "content-type": "application/json",
              cookie: admin,
              "x-forwarded-for": "198.51.100.201",
            },
            body: c.body,
          });
          sent++;
          const text = await res.text();
          let shaped = false;
          try {
            shaped = ApiErrorBody.safeParse(JSON.parse(text)).success;
          } catch {
            shaped = false;
          }
          const checked = CHECKERS.has(endpoint.id) && res.status === 200;
          if (!checked && (res.status < 400 || res.status >= 500 || !shaped)) {
            failures.push(`${endpoint.id} ${c.label}: ${res.status} ${text.slice(0, 160)}`);
          }
        }
      }
      assert.deepEqual(
        failures,
        [],
        `${failures.length} of ${sent} hostile requests were not refused cleanly`,
      );
      const afterCounts = await rowCounts(server.database);
      // Sign-in of the admin above made the one session; nothing the hostile requests sent was stored.
      assert.deepEqual(afterCounts, before, "the database holds nothing new");
    });

    test("every avenue message type refuses every hostile class with a named refusal", async () => {
      const failures = await roomFailures(Object.keys(AvenueProtocol.client), () => joinAvenue(server.url));
      assert.deepEqual(failures, []);
    });

    test("every vitrine message type, sent by the owner in their vitrine, is refused by name", async () => {
      const owner = await staffCookie(server.database, "nerolie", "advisor", "hostile-vitrine-owner");
      const mine = await fetch(`${server.url}/api/vitrines/mine`, { headers: { cookie: owner } });
      assert.equal(mine.status, 200, await mine.clone().text());
      const { ownerPseudonym } = (await mine.json()) as { ownerPseudonym: string };
      const join = () =>
        new Client(server.url, { headers: { cookie: owner } }).joinOrCreate(
          VITRINE_ROOM,
          { protocol: PROTOCOL_VERSION, owner: ownerPseudonym },
          VitrineState,
        ) as Promise<Room>;
      // Opening the vitrine the first time may store it: count after that.
      const first = await join();
      await first.leave().catch(() => undefined);
      const before = await rowCountsBesidesVisits(server.database);
      const failures = await roomFailures(Object.keys(VitrineProtocol.client), join);
      assert.deepEqual(failures, []);
      // The room carries on: the owner still enters.
      const again = await join();
      assert.ok(again.connection.isOpen);
      await again.leave().catch(() => undefined);
      const after = await rowCountsBesidesVisits(server.database);
      // Each join made no row; sessions are the owner's one cookie.
      assert.deepEqual(after, before, "the database holds nothing new");
    });

    test("text per language (a drop's title and description, a programme's name) refuses every hostile shape in every language", async () => {
      const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
      const good = {
        productId: "aubrelle-solitaire-etoile",
        title: { en: "A good title", fr: "Un bon titre" },
        mode: "fcfs",
        stock: 3,
        perAccountLimit: 1,
        announceAt: inHours(1),
        earlyAccessStartsAt: inHours(2),
        publicStartsAt: inHours(3),
        endsAt: inHours(4),
      };
      // Without the analytics tables: the room tests before this one may flush their visits meanwhile.
      const before = await rowCountsBesidesVisits(server.database);
      const failures: string[] = [];
      for (const field of ["title", "description"] as const) {
        for (const [label, value] of Object.entries(hostileLocalized(good.title.en))) {
          const res = await fetch(`${server.url}/api/brands/aubrelle/drops`, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              cookie: admin,
              "x-forwarded-for": "198.51.100.202",
            },
            body: JSON.stringify({ ...good, [field]: value }),
          });
          const text = await res.text();
          const shaped = ApiErrorBody.safeParse(JSON.parse(text || "null")).success;
          if (res.status !== 400 || !shaped || !text.includes(field))
            failures.push(`${field} ${label}: ${res.status} ${text.slice(0, 160)}`);
        }
      }
      const programme = {
        brandId: "aubrelle",
        name: { en: "A good name" },
        tier: "gold",
        validFrom: inHours(1),
        validUntil: inHours(48),
        entitlements: {
          earlyAccessLeadMinutes: 10,
          inviteOnlyEvents: false,
          perDropClaimLimit: null,
          passOnlyCollectibleIds: [],
        },
      };
      for (const [label, value] of Object.entries(hostileLocalized(programme.name.en))) {
        const res = await fetch(`${server.url}/api/pass-types`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie: admin, "x-forwarded-for": "198.51.100.202" },
          body: JSON.stringify({ ...programme, name: value }),
        });
        const text = await res.text();
        const shaped = ApiErrorBody.safeParse(JSON.parse(text || "null")).success;
        if (res.status !== 400 || !shaped || !text.includes("name"))
          failures.push(`programme name ${label}: ${res.status} ${text.slice(0, 160)}`);
      }
      assert.deepEqual(failures, []);
      assert.deepEqual(
        await rowCountsBesidesVisits(server.database),
        before,
        "the database holds nothing new",
      );
    });

    test("the drop room's messages, in a seeded drop's room, are refused by name", async () => {
      const listed = await fetch(`${server.url}/api/drops`);
      assert.equal(listed.status, 200);
      const drops = (await listed.json()) as { drops?: { id: string }[] } | { id: string }[];
      const ids = (Array.isArray(drops) ? drops : (drops.drops ?? [])).map((d) => d.id);
      const joinAs = (cookie: string | null, dropId: string) =>
        new Client(server.url, cookie ? { headers: { cookie } } : undefined).joinOrCreate(
          DROP_ROOM,
          { protocol: PROTOCOL_VERSION, dropId },
          DropRoomState,
        ) as Promise<Room>;
      // The first seeded drop whose room lets someone in (a guest, or the admin before its start).
      let join: (() => Promise<Room>) | null = null;
      for (const id of ids) {
        for (const cookie of [null, admin]) {
          const room = await joinAs(cookie, id).catch(() => null);
          if (!room) continue;
          await room.leave().catch(() => undefined);
          join = () => joinAs(cookie, id);
          break;
        }
        if (join) break;
      }
      assert.ok(join, `one of the ${ids.length} seeded drops admits a visitor`);
      const before = await rowCountsBesidesVisits(server.database);
      const failures = await roomFailures(Object.keys(DropRoomProtocol.client), join);
      assert.deepEqual(failures, []);
      const again = await join();
      assert.ok(again.connection.isOpen, "the room carries on");
      await again.leave().catch(() => undefined);
      assert.deepEqual(
        await rowCountsBesidesVisits(server.database),
        before,
        "the database holds nothing new",
      );
    });
  });
}
