/**
 * Analytics on a real server and a manual clock: a scripted session (avenue visits over the SDK,
 * window passes and dwell from the avenue's step logic, wishlists, a drop's page visits, claims
 * and a confirmation over HTTP) lands in the daily and hourly rollups with the right counts; a
 * person without consent is stored under a per-brand pseudonym that the API never reveals; a brand
 * never sees another brand's numbers; raw facts are pruned after ANALYTICS_RAW_DAYS, rollups stay.
 * The report also holds a drop's sell-out and conversion by pass tier, and an event's attendance per
 * hour, peak, watch time and pins clicked.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { Client } from "@colyseus/sdk";
import { and, eq } from "drizzle-orm";
import { SESSION_COOKIE_NAME } from "../../server/accounts/sessionCookie.ts";
import { createSession } from "../../server/accounts/sessions.ts";
import { AVENUE_SCOPE } from "../../server/analytics/avenueFacts.ts";
import { pseudonymFor } from "../../server/analytics/pseudonym.ts";
import { WindowWatch } from "../../server/analytics/windowWatch.ts";
import { type RunningVitrine, startVitrine } from "../../server/app.ts";
import { setConsent } from "../../server/clienteling/consent.ts";
import { loadConfig } from "../../server/config.ts";
import {
  analyticsDaily,
  analyticsFacts,
  analyticsHourly,
  brandStaff,
  brands,
  events,
  passes,
  passTypes,
} from "../../server/db/schema.ts";
import { type ManualClock, manualClock } from "../../server/drops/clock.ts";
import { scheduleDrop } from "../../server/drops/drops.ts";
import { AnalyticsReport } from "../../shared/analytics.ts";
import { layoutAvenue } from "../../shared/avenue/layout.ts";
import { AvenueState } from "../../shared/avenue/state.ts";
import { PROTOCOL_VERSION } from "../../shared/constants.ts";
import { ScheduleDropBody } from "../../shared/drops.ts";
import { databaseTargets, type TestDatabase } from "../helpers/databases.ts";
import { waitFor } from "../helpers/server.ts";
import {
  at,
  BRAND_ID,
  createBrand,
  createUsers,
  DROP_TIMES,
  minutes,
  PRODUCT_ID,
  T0,
} from "./drops-fixtures.ts";

const OTHER_BRAND = "maison-autre";
const SECRET = "analytics-test-secret-0123456789";
/** Nowhere near any window. */
const FAR = { x: 10_000, z: 10_000 };
const EVENT_ID = "analytics-salon-evening";

for (const target of databaseTargets()) {
  describe(`analytics: facts to rollups, pseudonyms, brand isolation, retention (${target.name})`, {
    skip: target.skip,
  }, () => {
    let scratch: TestDatabase | undefined;
    let vitrine: RunningVitrine;
    let url: string;
    let dataDir: string;
    let clock: ManualClock;
    let dropId: string;
    let consenting: string;
    let private_: string;
    let ownerId: string;
    let otherOwner: string;
    const cookieOf = new Map<string, string>();

    before(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-analytics-"));
      clock = manualClock(at(minutes(1)));
      // On PostgreSQL the server gets a scratch database of its own (dropped at the end).
      if (target.name === "postgres") scratch = await target.open();
      const config = loadConfig({
        ...(scratch?.url ? { DATABASE_URL: scratch.url } : {}),
        PORT: "0",
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        SEED_DEMO: "false",
        LOG_LEVEL: "warn",
        ANALYTICS_SECRET: SECRET,
        ANALYTICS_RAW_DAYS: "7",
        ANALYTICS_FLUSH_SECONDS: "300", // the test flushes itself
      });
      vitrine = await startVitrine(config, { clock });
      url = `http://127.0.0.1:${vitrine.port}`;
      const db = vitrine.database.db;
      ({ ownerId } = await createBrand(db));
      await db.insert(brands).values({
        id: OTHER_BRAND,
        name: "Maison Autre",
        tagline: { en: "Elsewhere" },
        facade: { style: "classic", wall: "#e8e0d4", trim: "#b8a070", light: "#ffd9a0" },
        position: 1,
      });
      [otherOwner] = (await createUsers(db, 1, "other-owner")) as [string];
      await db.insert(brandStaff).values({ userId: otherOwner, brandId: OTHER_BRAND, role: "owner" });
      [consenting, private_] = (await createUsers(db, 2)) as [string, string];
      await setConsent(
        vitrine.database,
        {
          clientId: consenting,
          brandId: BRAND_ID,
          body: { source: "boutique", changes: [{ purpose: "new_pieces", channel: "email", granted: true }] },
        },
        clock,
      );
      const body = ScheduleDropBody.parse({
        productId: PRODUCT_ID,
        title: { en: "Analytics drop" },
        mode: "fcfs",
        stock: 1,
        perAccountLimit: 1,
        holdSeconds: 300,
        ...DROP_TIMES,
      });
      dropId = (await scheduleDrop(db, BRAND_ID, body, ownerId, clock)).id;
      // The consenting shopper holds the brand's gold pass; the other holds none.
      const [gold] = await db
        .insert(passTypes)
        .values({
          brandId: BRAND_ID,
          name: { en: "Salon" },
          tier: "gold",
          validFrom: at(-minutes(600)),
          validUntil: at(minutes(60 * 24 * 365)),
          entitlements: {
            earlyAccessLeadMinutes: 0,
            inviteOnlyEvents: false,
            perDropClaimLimit: null,
            passOnlyCollectibleIds: [],
          },
          createdAt: at(-minutes(600)),
        })
        .returning({ id: passTypes.id });
      await db.insert(passes).values({
        passTypeId: gold?.id as string,
        userId: consenting,
        source: "manual",
        issuedBy: ownerId,
        validFrom: at(-minutes(600)),
        validUntil: at(minutes(60 * 24 * 365)),
        createdAt: at(-minutes(600)),
      });
      await db.insert(events).values({
        id: EVENT_ID,
        brandId: BRAND_ID,
        title: { en: "A salon evening", fr: "Une soirée au salon" },
        description: { en: "Pieces, told" },
        kind: "open",
        startsAt: at(minutes(60)),
        endsAt: at(minutes(180)),
        doorsOpenMinutes: 15,
        createdAt: at(-minutes(600)),
        updatedAt: at(-minutes(600)),
      });
      for (const id of [consenting, private_, ownerId, otherOwner]) {
        cookieOf.set(id, `${SESSION_COOKIE_NAME}=${(await createSession(vitrine.database, id, 1)).token}`);
      }
    });
    after(async () => {
      await vitrine?.close();
      await scratch?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    const call = (method: string, pathname: string, who: string, headers: Record<string, string> = {}) =>
      fetch(`${url}${pathname}`, { method, headers: { cookie: cookieOf.get(who) as string, ...headers } });

    test("a scripted session lands in the rollups with the right counts", async () => {
      const db = vitrine.database.db;
      // Two visits to the avenue (a signed-in shopper and a guest), over the SDK like the browser.
      const rooms = [];
      for (const cookie of [cookieOf.get(private_), undefined]) {
        const client = new Client(url, cookie ? { headers: { cookie } } : undefined);
        rooms.push(await client.joinOrCreate("avenue", { protocol: PROTOCOL_VERSION }, AvenueState));
      }
      await waitFor("two avenue visits buffered", () => vitrine.analytics.pending() >= 2);
      for (const room of rooms) await room.leave();

      // Two drop page visits (the drop room), then wishlists, claims and a confirmation over HTTP.
      for (const who of [consenting, private_]) {
        const client = new Client(url, { headers: { cookie: cookieOf.get(who) as string } });
        const room = await client.joinOrCreate("drop", { dropId, protocol: PROTOCOL_VERSION });
        await room.leave();
      }
      for (const who of [consenting, private_]) {
        assert.equal((await call("PUT", `/api/wishlist/${PRODUCT_ID}`, who)).status, 200);
      }
      const held = await call("POST", `/api/drops/${dropId}/claims`, consenting, {
        "idempotency-key": "analytics-key-a",
      });
      assert.equal(held.status, 201);
      const claimId = ((await held.json()) as { claim: { id: string } }).claim.id;
      // A replay and a sold-out refusal are not claims.
      await call("POST", `/api/drops/${dropId}/claims`, consenting, { "idempotency-key": "analytics-key-a" });
      assert.equal(
        (
          await call("POST", `/api/drops/${dropId}/claims`, private_, {
            "idempotency-key": "analytics-key-b",
          })
        ).status,
        409,
      );
      assert.equal(
        (await call("POST", `/api/drops/${dropId}/claims/${claimId}/confirm`, consenting)).status,
        200,
      );

      // The viewer: opened by the shopper (closed after 5 s, one variant chosen) and by a guest.
      const viewerFact = (body: unknown, cookie?: string) =>
        fetch(`${url}/api/products/${PRODUCT_ID}/viewer-facts`, {
          method: "POST",
          headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
          body: JSON.stringify(body),
        });
      const shopper = cookieOf.get(consenting);
      for (const body of [{ event: "open" }, { event: "variant" }, { event: "close", durationMs: 5000 }]) {
        assert.equal((await viewerFact(body, shopper)).status, 204);
      }
      assert.equal((await viewerFact({ event: "open" })).status, 204);
      assert.equal((await viewerFact({ event: "close", durationMs: -1 })).status, 400);
      assert.equal((await viewerFact({ event: "open", visitor: "someone-else" })).status, 400);
      assert.equal((await viewerFact({ event: "pin" })).status, 400, "a pin names its event");

      // An event: pins clicked from its stage (a shopper twice, a guest once) over HTTP; two
      // attendees in the first hour and one more in the next, with the watch time the room records
      // on leaving (the recorder's public record, as the event room calls it).
      for (const cookie of [shopper, shopper, undefined])
        assert.equal((await viewerFact({ event: "pin", eventId: EVENT_ID }, cookie)).status, 204);
      const attend = (userId: string, watchedMs: number) => {
        vitrine.analytics.record({ kind: "event_attendance", itemId: EVENT_ID, visitor: { userId } });
        vitrine.analytics.record({
          kind: "event_watch",
          itemId: EVENT_ID,
          visitor: { userId },
          valueMs: watchedMs,
        });
      };
      attend(consenting, 60_000);
      attend(private_, 30_000);
      clock.advance(minutes(60));
      attend(otherOwner, 90_000);
      // A booked appointment, as the booking code records it.
      vitrine.analytics.record({
        kind: "appointment_booked",
        brandId: BRAND_ID,
        visitor: { userId: private_ },
      });

      // Window passes and dwell, from the logic the avenue's step runs: one stops 4 s, one walks by.
      const layout = layoutAvenue([BRAND_ID, OTHER_BRAND]);
      const facade = layout.boutiques[0]?.facade as { x: number; z: number };
      const watch = new WindowWatch(vitrine.analytics, 1);
      const visitorOf = (id: string) => (id === "s1" ? { userId: consenting } : { userId: private_ });
      watch.setBoutiques(layout.boutiques);
      const t = T0.getTime();
      watch.step(
        [
          ["s1", facade],
          ["s2", facade],
        ],
        visitorOf,
        t,
      );
      watch.step(
        [
          ["s1", facade],
          ["s2", FAR],
        ],
        visitorOf,
        t + 1000,
      );
      watch.step(
        [
          ["s1", FAR],
          ["s2", FAR],
        ],
        visitorOf,
        t + 4000,
      );

      await vitrine.analytics.flush();

      const daily = async (brandId: string) => {
        const rows = await db.select().from(analyticsDaily).where(eq(analyticsDaily.brandId, brandId));
        return new Map(rows.map((r) => [`${r.kind}/${r.itemId}`, r]));
      };
      const avenue = await daily(AVENUE_SCOPE);
      assert.equal(avenue.get("avenue_visit/*")?.count, 2);
      assert.equal(avenue.get("avenue_visit/*")?.visitors, 2);
      const a = await daily(BRAND_ID);
      assert.equal(a.get(`drop_page_visit/${dropId}`)?.visitors, 2);
      assert.equal(a.get(`wishlist_add/${PRODUCT_ID}`)?.count, 2);
      assert.equal(a.get("wishlist_add/*")?.visitors, 2);
      assert.equal(a.get(`drop_claim/${dropId}`)?.count, 1);
      assert.equal(a.get(`claim_confirmed/${dropId}`)?.count, 1);
      assert.equal(a.get("boutique_pass/*")?.count, 2);
      assert.equal(a.get("window_dwell/*")?.count, 1);
      assert.equal(a.get("window_dwell/*")?.totalMs, 4000);
      assert.equal(a.get(`viewer_open/${PRODUCT_ID}`)?.count, 2);
      assert.equal(
        a.get(`viewer_open/${PRODUCT_ID}`)?.visitors,
        1,
        "a guest's view counts, without a visitor",
      );
      assert.equal(a.get(`viewer_time/${PRODUCT_ID}`)?.totalMs, 5000);
      assert.equal(a.get(`variant_switch/${PRODUCT_ID}`)?.count, 1);
      assert.equal((await daily(OTHER_BRAND)).size, 0, "nothing happened at the other brand");
      const hourly = await db.select().from(analyticsHourly).where(eq(analyticsHourly.brandId, BRAND_ID));
      assert.equal(hourly.find((r) => r.kind === "wishlist_add" && r.itemId === "*")?.count, 2);

      // Who the facts are about: the consenting shopper by account, the other by a pseudonym.
      const visitors = new Set(
        (
          await db
            .select({ v: analyticsFacts.visitor })
            .from(analyticsFacts)
            .where(eq(analyticsFacts.brandId, BRAND_ID))
        ).map((r) => r.v),
      );
      const pseudonym = pseudonymFor(SECRET, BRAND_ID, { userId: private_ });
      assert.ok(visitors.has(consenting));
      assert.ok(!visitors.has(private_), "no account id without consent");
      assert.ok(visitors.has(pseudonym));
      assert.notEqual(pseudonym, pseudonymFor(SECRET, OTHER_BRAND, { userId: private_ }), "per brand");
      assert.notEqual(pseudonym, pseudonymFor("another-secret-0123456789", BRAND_ID, { userId: private_ }));
    });

    test("the API answers the brand's own numbers only, and never a visitor", async () => {
      const range = "from=2026-11-01&to=2026-12-31";
      const res = await call("GET", `/api/brands/${BRAND_ID}/analytics?${range}`, ownerId);
      assert.equal(res.status, 200);
      const text = await res.text();
      const report = AnalyticsReport.parse(JSON.parse(text));
      const funnel = Object.fromEntries(report.funnel.map((s) => [s.step, s.visitors]));
      assert.deepEqual(funnel, {
        boutique_pass: 2,
        window_dwell: 1,
        viewer_open: 1,
        wishlist_add: 2,
        drop_claim: 1,
      });
      const drop = report.drops.find((d) => d.dropId === dropId);
      // The one unit went with the claim at T0 + 1 min; the drop opened (early access) at T0 − 30 min.
      assert.deepEqual(drop, {
        dropId,
        title: { en: "Analytics drop" },
        pageVisitors: 2,
        entries: 0,
        claims: 1,
        confirmations: 1,
        conversion: 0.5,
        soldOutAt: at(minutes(1)).toISOString(),
        sellOutMs: minutes(31),
        tiers: [{ tier: "gold", entries: 0, claims: 1, confirmations: 1, conversion: 1 }],
      });
      assert.deepEqual(report.events, [
        {
          eventId: EVENT_ID,
          title: { en: "A salon evening", fr: "Une soirée au salon" },
          attendees: 3,
          watchMs: 180_000,
          pinClicks: 3,
          peak: { hour: "2026-12-01T10:00:00.000Z", visitors: 2 },
          attendance: [
            { hour: "2026-12-01T10:00:00.000Z", visitors: 2 },
            { hour: "2026-12-01T11:00:00.000Z", visitors: 1 },
          ],
        },
      ]);
      const booked = report.days.find((d) => d.kind === "appointment_booked");
      assert.equal(booked?.count, 1);
      assert.deepEqual(
        report.topPieces.find((p) => p.productId === PRODUCT_ID),
        {
          productId: PRODUCT_ID,
          viewerOpens: 2,
          viewerMs: 5000,
          wishlists: 2,
          claims: 0,
        },
      );
      for (const secret of [
        consenting,
        private_,
        pseudonymFor(SECRET, BRAND_ID, { userId: private_ }) as string,
      ]) {
        assert.ok(!text.includes(secret), "the answer holds no account id and no pseudonym");
      }
      // Nor any other key of a visitor: no field that names a person, no value shaped like a
      // pseudonym (p_ + 22 base64url), whoever the facts were about (the consenting shopper included).
      const leaves: [string, unknown][] = [];
      const walk = (value: unknown, at: string): void => {
        if (Array.isArray(value)) {
          for (const [i, v] of value.entries()) walk(v, `${at}[${i}]`);
        } else if (value && typeof value === "object")
          for (const [k, v] of Object.entries(value)) walk(v, at ? `${at}.${k}` : k);
        else leaves.push([at, value]);
      };
      walk(JSON.parse(text), "");
      const personal = /user|visitor(?!s$)|pseudonym|account|email|session|name$/i;
      assert.deepEqual(
        leaves
          .filter(([key]) =>
            personal.test(
              key
                .split(".")
                .at(-1)
                ?.replace(/\[\d+\]$/, "") ?? "",
            ),
          )
          .map(([k]) => k),
        [],
        "no field of the answer names a person",
      );
      assert.deepEqual(
        leaves.filter(([, v]) => typeof v === "string" && /^p_[A-Za-z0-9_-]{22}$/.test(v)),
        [],
      );

      // Another brand's owner is refused A's numbers, and sees nothing of A in their own.
      const refused = await call("GET", `/api/brands/${BRAND_ID}/analytics?${range}`, otherOwner);
      assert.equal(refused.status, 403);
      const own = AnalyticsReport.parse(
        await (await call("GET", `/api/brands/${OTHER_BRAND}/analytics?${range}`, otherOwner)).json(),
      );
      assert.deepEqual(own.days, []);
      assert.deepEqual(own.drops, []);
      // A bad range is a 400 with the field named, never a 500.
      const bad = await call(
        "GET",
        `/api/brands/${BRAND_ID}/analytics?from=2026-12-31&to=2026-01-01`,
        ownerId,
      );
      assert.equal(bad.status, 400);
    });

    test("raw facts are pruned after ANALYTICS_RAW_DAYS; the rollups stay", async () => {
      const db = vitrine.database.db;
      const rawBefore = await db.select({ id: analyticsFacts.id }).from(analyticsFacts);
      assert.ok(rawBefore.length > 0);
      clock.advance(minutes(60 * 24 * 6));
      assert.equal(await vitrine.analytics.prune(), 0, "six days: kept");
      clock.advance(minutes(60 * 24 * 2));
      assert.equal(await vitrine.analytics.prune(), rawBefore.length);
      assert.equal((await db.select().from(analyticsFacts)).length, 0);
      const kept = await db
        .select()
        .from(analyticsDaily)
        .where(
          and(
            eq(analyticsDaily.brandId, BRAND_ID),
            eq(analyticsDaily.kind, "wishlist_add"),
            eq(analyticsDaily.itemId, "*"),
          ),
        );
      assert.equal(kept[0]?.count, 2);
    });
  });
}
