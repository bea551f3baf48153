/**
 * The brand's analytics page end to end: a scripted day at Aubrelle (six passers-by at the window,
 * three of whom stop, from the avenue step's own WindowWatch; viewer opens, wishlists, drop page
 * visits over the drop room, two claims and a confirmation over HTTP; an evening's attendance as
 * the event room records it), then the owner opens the analytics tab and sees the funnel and the
 * drop's conversion drawn with those numbers, by pass tier, and downloads the funnel's CSV.
 * Screenshots go to test-results/e2e/.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { Client } from "@colyseus/sdk";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { WindowWatch } from "../../server/analytics/windowWatch.ts";
import { users } from "../../server/db/schema.ts";
import { manualClock } from "../../server/drops/clock.ts";
import { scheduleDrop } from "../../server/drops/drops.ts";
import { layoutAvenue } from "../../shared/avenue/layout.ts";
import { PROTOCOL_VERSION } from "../../shared/constants.ts";
import { ScheduleDropBody } from "../../shared/drops.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { cookieFor, DEMO } from "../integration/models-fixtures.ts";

const ARTIFACTS = path.resolve("test-results/e2e");
const BRAND = DEMO.owner.brandId;
const PRODUCT = "aubrelle-jardin-emeraude";
const EVENT = "aubrelle-nuit-etoilee";
const FAR = { x: 10_000, z: 10_000 };
const MINUTE = 60_000;

describe("a brand owner reads the analytics of a scripted day", () => {
  let server: TestServer;
  let browser: Browser;
  let dropId: string;
  const cookies = new Map<string, string>();

  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browser = await launchBrowser();
    for (const email of [DEMO.owner.email, DEMO.shopper.email, "vip@vitrine.demo"])
      cookies.set(email, await cookieFor(server.database, email));
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const call = (method: string, pathname: string, email: string | null, init: RequestInit = {}) =>
    fetch(`${server.url}${pathname}`, {
      ...init,
      method,
      headers: {
        ...(email ? { cookie: cookies.get(email) as string } : {}),
        ...(init.body ? { "content-type": "application/json" } : {}),
        ...(init.headers as Record<string, string> | undefined),
      },
    });

  async function scriptTheDay(): Promise<void> {
    const db = server.database.db;
    const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.owner.email));
    // A drop of two pieces opened ten minutes ago (scheduled from a clock set before its announce).
    const now = Date.now();
    const body = ScheduleDropBody.parse({
      productId: PRODUCT,
      title: { en: "Jardin Émeraude, two pieces" },
      mode: "fcfs",
      stock: 2,
      perAccountLimit: 1,
      holdSeconds: 600,
      announceAt: new Date(now - 60 * MINUTE),
      earlyAccessStartsAt: new Date(now - 10 * MINUTE),
      publicStartsAt: new Date(now - 10 * MINUTE),
      endsAt: new Date(now + 120 * MINUTE),
    });
    dropId = (
      await scheduleDrop(db, BRAND, body, owner?.id as string, manualClock(new Date(now - 90 * MINUTE)))
    ).id;

    // The window, with the avenue step's logic: six pass, three of them stop four seconds.
    const layout = layoutAvenue([BRAND]);
    const facade = layout.boutiques[0]?.facade as { x: number; z: number };
    const watch = new WindowWatch(server.analytics, 1);
    watch.setBoutiques(layout.boutiques);
    const walkers = ["s1", "s2", "s3", "s4", "s5", "s6"];
    const stoppers = new Set(["s1", "s2", "s3"]);
    const t = Date.now();
    const where = (stay: (id: string) => boolean) =>
      walkers.map((id) => [id, stay(id) ? facade : FAR] as [string, { x: number; z: number }]);
    const visitorOf = (id: string) => ({ sessionId: `window-${id}` });
    watch.step(
      where(() => true),
      visitorOf,
      t,
    );
    watch.step(
      where((id) => stoppers.has(id)),
      visitorOf,
      t + 1000,
    );
    watch.step(
      where(() => false),
      visitorOf,
      t + 4000,
    );

    // Two shoppers turn the piece in the viewer and wishlist it.
    for (const email of [DEMO.shopper.email, "vip@vitrine.demo"]) {
      for (const fact of [{ event: "open" }, { event: "close", durationMs: 42_000 }]) {
        const res = await call("POST", `/api/products/${PRODUCT}/viewer-facts`, email, {
          body: JSON.stringify(fact),
        });
        assert.equal(res.status, 204);
      }
      assert.equal((await call("PUT", `/api/wishlist/${PRODUCT}`, email)).status, 200);
    }
    // Four visits to the drop's page (its room): the two shoppers and two guests.
    for (const cookie of [cookies.get(DEMO.shopper.email), cookies.get("vip@vitrine.demo"), null, null]) {
      const client = new Client(server.url, cookie ? { headers: { cookie } } : undefined);
      const room = await client.joinOrCreate("drop", { dropId, protocol: PROTOCOL_VERSION });
      await room.leave();
    }
    // Both claim (the VIP holds the platform's "Or" pass), only the VIP confirms: sold out.
    const claimIds = new Map<string, string>();
    for (const [email, key] of [
      ["vip@vitrine.demo", "analytics-e2e-vip"],
      [DEMO.shopper.email, "analytics-e2e-shopper"],
    ] as const) {
      const res = await call("POST", `/api/drops/${dropId}/claims`, email, {
        headers: { "idempotency-key": key },
      });
      assert.equal(res.status, 201, `${email} claims: ${res.status === 201 ? "" : await res.clone().text()}`);
      claimIds.set(email, ((await res.json()) as { claim: { id: string } }).claim.id);
    }
    const confirm = await call(
      "POST",
      `/api/drops/${dropId}/claims/${claimIds.get("vip@vitrine.demo")}/confirm`,
      "vip@vitrine.demo",
    );
    assert.equal(confirm.status, 200);

    // The evening: three attendees as the event room records them, and pins clicked from its stage.
    for (const [id, watchedMs] of [
      ["a1", 20 * MINUTE],
      ["a2", 35 * MINUTE],
      ["a3", 5 * MINUTE],
    ] as const) {
      server.analytics.record({ kind: "event_attendance", itemId: EVENT, visitor: { sessionId: id } });
      server.analytics.record({
        kind: "event_watch",
        itemId: EVENT,
        visitor: { sessionId: id },
        valueMs: watchedMs,
      });
    }
    for (let i = 0; i < 2; i++) {
      const pin = await call("POST", `/api/products/${PRODUCT}/viewer-facts`, DEMO.shopper.email, {
        body: JSON.stringify({ event: "pin", eventId: EVENT }),
      });
      assert.equal(pin.status, 204);
    }
    // An appointment booked, as the booking code records it.
    server.analytics.record({ kind: "appointment_booked", brandId: BRAND, visitor: { sessionId: "a1" } });
    await server.analytics.flush();
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(ARTIFACTS, `analytics-${name}.png`), fullPage: true });
  }

  test("the funnel and the drop's conversion drawn with the day's numbers; the CSV holds them", {
    timeout: 300_000,
  }, async () => {
    await scriptTheDay();
    // The numbers through the API first: what the page must draw.
    const api = (await (await call("GET", `/api/brands/${BRAND}/analytics`, DEMO.owner.email)).json()) as {
      funnel: { step: string; visitors: number }[];
    };
    assert.deepEqual(
      api.funnel.map((s) => s.visitors),
      [6, 3, 2, 2, 2],
      "passed, stopped, viewed, wishlisted, claimed",
    );

    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: "en-GB",
      acceptDownloads: true,
    });
    context.setDefaultTimeout(120_000);
    const [name, value] = (cookies.get(DEMO.owner.email) as string).split("=") as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    page.on("pageerror", (e) => console.error("[page error]", e.message));
    await page.goto(`${server.url}/brand/${BRAND}/products`, {
      waitUntil: "domcontentloaded",
      timeout: 120_000,
    });
    await page.getByRole("link", { name: "Analytics", exact: true }).click();
    const report = page.getByTestId("analytics-report");
    await report.waitFor({ timeout: 120_000 });

    // The funnel: drawn (the chart's series) and written under it.
    assert.equal(await page.getByTestId("funnel-chart").getAttribute("data-series"), "6,3,2,2,2");
    assert.deepEqual(await page.getByTestId("funnel-visitors").allTextContents(), ["6", "3", "2", "2", "2"]);
    assert.equal(await page.getByTestId("figure-passes").locator("dd").textContent(), "6");
    assert.equal(await page.getByTestId("figure-appointments").locator("dd").textContent(), "1");

    // The drop: four page visitors, two claims, one confirmed; half the visitors claimed; sold out.
    const drop = page.locator(`[data-testid=analytics-drop][data-drop="${dropId}"]`);
    assert.equal(await drop.getByTestId("drop-chart").getAttribute("data-series"), "4,2,1");
    assert.equal(await drop.getByTestId("drop-conversion").textContent(), "50%");
    assert.match((await drop.getByTestId("drop-sellout").textContent()) ?? "", /^sold out in \d/i);
    const tier = async (t: string) =>
      drop.locator(`[data-testid=drop-tier][data-tier="${t}"]`).getByTestId("tier-conversion").textContent();
    assert.equal(await tier("Or"), "100%", "the VIP's claim was confirmed");
    assert.equal(await tier(""), "0%", "the shopper without a pass has not confirmed");

    // The evening: three attendees, a peak of three, pins clicked twice.
    const evening = page.locator(`[data-testid=analytics-event][data-event="${EVENT}"]`);
    assert.equal(await evening.getByTestId("event-attendees").textContent(), "3");
    assert.equal(await evening.getByTestId("event-pins").textContent(), "2");
    await shot(page, "owner-en");

    // The funnel's CSV: headers in the reader's language, raw numbers, a BOM for spreadsheets.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("analytics-csv-funnel").click(),
    ]);
    const file = fs.readFileSync((await download.path()) as string, "utf8");
    assert.equal(
      file,
      "\uFEFFStep,Visitors,Of passers-by\r\nPassed,6,1\r\nStopped,3,0.5\r\nViewed,2,0.3333333333333333\r\nWishlisted,2,0.3333333333333333\r\nClaimed,2,0.3333333333333333\r\n",
    );
    assert.match(
      download.suggestedFilename(),
      new RegExp(`^${BRAND}-analytics-\\d{4}-\\d{2}-\\d{2}-\\d{4}-\\d{2}-\\d{2}-funnel\\.csv$`),
    );

    await context.close();

    // The same report in French, opened straight on the tab: percentages and labels as French writes them.
    const fr = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: "fr-FR" });
    fr.setDefaultTimeout(120_000);
    await fr.addCookies([{ name, value, url: server.url }]);
    const frPage = await fr.newPage();
    await frPage.goto(`${server.url}/brand/${BRAND}/analytics`, {
      waitUntil: "domcontentloaded",
      timeout: 120_000,
    });
    await frPage.getByTestId("analytics-report").waitFor({ timeout: 120_000 });
    assert.match((await frPage.getByTestId("drop-conversion").textContent()) ?? "", /^50\s%$/u);
    assert.equal(
      await frPage.getByTestId("funnel-step").first().locator(".analytics-steps__label").textContent(),
      "Passés",
    );
    await shot(frPage, "owner-fr");
    await fr.close();
  });
});
