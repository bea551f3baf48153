/**
 * A private appointment end to end (issue 12), in Chromium with fake cameras against a real server
 * on a manual clock: on the avenue a shopper asks Céleste for Brévanne's advisor; her card (to the
 * shopper alone) offers the maison's next times, the shopper books the first and moves it half an
 * hour later from the wallet. The advisor's outreach to the shopper, in the shopper's quiet hours,
 * is refused with the time it would be allowed. At the appointment's time both enter the salon from
 * their own pages (the wallet, the portal), see each other's video (frames decoded), the advisor
 * puts the Léman watch on the table, changes its strap and turns it, and the shopper's scene shows
 * the same strap and pose; the shopper engraves initials and both scenes draw them on the strap.
 * Screenshots in test-results/e2e/.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { type RunningVitrine, startVitrine } from "../../server/app.ts";
import { setAvailability } from "../../server/clienteling/appointments/availability.ts";
import { loadConfig } from "../../server/config.ts";
import { drizzleOf } from "../../server/db/database.ts";
import { brandStaff } from "../../server/db/schema.ts";
import { manualClock } from "../../server/drops/clock.ts";
import type { Appointment } from "../../shared/clienteling/appointments.ts";
import { SetAvailabilityBody } from "../../shared/clienteling/availability.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { waitUntil } from "../helpers/waitUntil.ts";

const ARTIFACTS = path.resolve("test-results/e2e");
const BRAND = "brevanne";
const WATCH = "brevanne-leman-bleu";
/** Tuesday 8 December 2026, 08:45 in Paris: the advisor has hours from 10:00 (an hour's notice). */
const START = new Date("2026-12-08T07:45:00Z");
/** 10:25 in Paris: five minutes before the moved appointment, its salon is open (ten before). */
const SALON_TIME = new Date("2026-12-08T09:25:00Z");
const SHOPPER = { email: "shopper@vitrine.demo", password: "vitrine-shopper-1" };
const ADVISOR = {
  email: "advisor.brevanne@vitrine.test",
  password: "vitrine-advisor-b1",
  displayName: "Margaux Lenoir",
};

type ReceiveStats = { videoFramesDecoded: number; frameWidth: number };
type SalonCallHook = { peers(): string[]; stats(peerId: string): Promise<ReceiveStats> };
type SalonScene = {
  frames: number;
  table: { productId: string; variant: string; yaw: number; pitch: number; zoom: number };
  engravings: Array<{ optionId: string; text: string; font: string }>;
};

describe("a private appointment: booked through the host, met in the salon", () => {
  const clock = manualClock(START);
  let running: RunningVitrine;
  let url = "";
  let dataDir = "";
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vitrine-appointment-"));
    const inherited = process.env.CLIENT_DIST ? { CLIENT_DIST: process.env.CLIENT_DIST } : {};
    running = await startVitrine(
      loadConfig({ PORT: "0", HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "warn", ...inherited }),
      { clock },
    );
    url = `http://127.0.0.1:${running.port}`;
    // The demo has no advisor at Brévanne: an account, the advisor's role, hours this morning.
    const signedUp = await fetch(`${url}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(ADVISOR),
    });
    assert.equal(signedUp.status, 201, await signedUp.clone().text());
    const advisorId = ((await signedUp.json()) as { user: { id: string } }).user.id;
    await drizzleOf(running.database)
      .insert(brandStaff)
      .values({ userId: advisorId, brandId: BRAND, role: "advisor" });
    const hours = SetAvailabilityBody.parse({
      timeZone: "Europe/Paris",
      weekly: [],
      exceptions: [{ kind: "extra_hours", date: "2026-12-08", start: "10:00", end: "12:00" }],
    });
    await setAvailability(running.database, { actorId: advisorId, brandId: BRAND, body: hours }, clock);
    browser = await launchBrowser({ fakeMedia: true });
  });
  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await running?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function signedIn(account: { email: string; password: string }): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: "en-GB",
      timezoneId: "Europe/Paris",
      permissions: ["camera", "microphone"],
    });
    context.setDefaultTimeout(180_000);
    contexts.push(context);
    const res = await context.request.post(`${url}/api/auth/signin`, {
      data: { email: account.email, password: account.password },
    });
    assert.equal(res.status(), 200, `${account.email} signs in`);
    const page = await context.newPage();
    page.on("pageerror", (e) => {
      console.error("[page error]", e.stack ?? e.message);
      pageErrors.push(e.message);
    });
    page.on("console", (m) => {
      if (m.text().startsWith("Vitrine salon:")) console.log(`[${account.email}] ${m.text()}`);
    });
    return page;
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(ARTIFACTS, `appointment-${name}.png`) });

  const salonScene = (page: Page) =>
    page.evaluate(
      () => (window as unknown as { __salonRoom?: { scene(): SalonScene } }).__salonRoom?.scene() ?? null,
    );

  /** Waits until `page` decodes video from the one other person in the salon; returns the stats. */
  const framesFromOther = (page: Page, who: string) =>
    waitUntil(`${who} to decode the other's video`, () =>
      page.evaluate(async () => {
        const call = (window as unknown as { __salonCall?: SalonCallHook }).__salonCall;
        const [peer] = call?.peers() ?? [];
        if (!call || !peer) return null;
        const stats = await call.stats(peer);
        return stats.videoFramesDecoded > 0 ? stats : null;
      }),
    );

  /**
   * Moves a slider as a drag would: through the input's native value setter and an input event.
   * (Playwright's fill sets the element's own `value`, which React's value tracking sees as its
   * own write: the second fill of a controlled slider was ignored.)
   */
  const setRange = (page: Page, testId: string, value: string) =>
    page.getByTestId(testId).evaluate((input, v) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
      setter?.call(input, v);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }, value);

  /**
   * Waits for the salon page to be inside the room; a refusal fails at once. A page that lost the
   * room right after joining (seen only on a loaded machine; the console says with which close
   * code) is entered again once with its own button, as its reader would.
   */
  async function inSalon(page: Page, role: string): Promise<void> {
    const settled = () =>
      waitUntil(`the ${role} in the salon`, async () => {
        const s = await page
          .getByTestId("salon")
          .getAttribute("data-status")
          .catch(() => null);
        return s === "connected" || s === "refused" || s === "offline" ? s : null;
      });
    let status = await settled();
    if (status === "offline") {
      console.log(`the ${role}'s salon page was offline after joining; it enters again`);
      await page.getByTestId("salon-refused").getByRole("button").click();
      status = await settled();
    }
    const words = status === "connected" ? "" : await page.getByTestId("salon-refused").textContent();
    assert.equal(status, "connected", `the ${role}'s salon page says: ${words}`);
    assert.equal(await page.getByTestId("salon").getAttribute("data-role"), role);
  }

  test("ask Céleste, book, be refused in quiet hours, meet on video, share the watch, engrave", {
    timeout: 900_000,
  }, async () => {
    const shopper = await signedIn(SHOPPER);
    // The shopper keeps in touch with Brévanne in the app, and is not to be disturbed before 10:30.
    const consent = await shopper.request.put(`${url}/api/me/consents/${BRAND}`, {
      data: {
        source: "boutique",
        changes: ["appointments", "new_pieces", "events"].map((purpose) => ({
          purpose,
          channel: "in_app",
          granted: true,
        })),
      },
    });
    assert.equal(consent.status(), 200, await consent.text());
    const prefs = await shopper.request.patch(`${url}/api/me/preferences`, {
      data: { timeZone: "Europe/Paris", quietHours: { start: "21:00", end: "10:30" } },
    });
    assert.equal(prefs.status(), 200, await prefs.text());

    // 1. On the avenue, Céleste is asked for an advisor; her card offers the next times.
    await shopper.goto(url, { waitUntil: "domcontentloaded" });
    await shopper.getByTestId("loading").waitFor({ state: "detached", timeout: 240_000 });
    await shopper.getByTestId("chat-input").fill("@Céleste I would like to speak with the Brévanne advisor");
    await shopper.getByTestId("chat-send").click();
    const card = shopper.getByTestId("host-handoff");
    await card.waitFor();
    assert.equal(await card.getAttribute("data-brand"), BRAND);
    const first = card.locator(".booking-panel__slots button").first();
    await first.waitFor();
    // Her times are the reader's (Paris) and name the advisor.
    assert.match((await first.textContent()) ?? "", /10:00.*Margaux Lenoir/);
    await shot(shopper, "1-host-handoff");
    await first.click();
    await waitUntil("the booking confirmed", async () =>
      /Booked with Margaux Lenoir/.test((await card.getByTestId("booking-message").textContent()) ?? ""),
    );
    await shot(shopper, "2-booked");
    const mine = (await (await shopper.request.get(`${url}/api/me/appointments`)).json()) as Appointment[];
    const appointment = mine.find((a) => a.brandId === BRAND && a.status === "booked");
    assert.ok(appointment, "the appointment is the shopper's");
    assert.equal(appointment.source, "host");
    assert.equal(appointment.startsAt, "2026-12-08T09:00:00.000Z");

    // The shopper moves it half an hour later from the wallet.
    await shopper.goto(`${url}/wallet`, { waitUntil: "domcontentloaded" });
    const section = shopper.getByTestId("appointments-section");
    await section.getByTestId("reschedule-appointment").click();
    await section.locator(".booking-panel__slots button", { hasText: "10:30" }).click();
    await waitUntil("the appointment moved", async () =>
      /Moved to .*10:30.* with Margaux Lenoir/.test(
        (await section.getByTestId("booking-message").textContent()) ?? "",
      ),
    );
    const moved = (await (await shopper.request.get(`${url}/api/me/appointments`)).json()) as Appointment[];
    assert.equal(moved.find((a) => a.id === appointment.id)?.startsAt, "2026-12-08T09:30:00.000Z");
    await shot(shopper, "3-rescheduled");

    // 2. The advisor writes in the shopper's quiet hours: refused, with when it would be allowed.
    clock.set(SALON_TIME);
    const advisor = await signedIn(ADVISOR);
    await advisor.goto(`${url}/brand/${BRAND}/appointments`, { waitUntil: "domcontentloaded" });
    const composer = advisor.getByTestId("outreach-composer");
    await composer.getByTestId("outreach-client").selectOption({ value: appointment.clientId });
    await composer.getByTestId("outreach-occasion").selectOption("birthday");
    await composer.getByTestId("outreach-client-facts").waitFor();
    const inApp = composer.getByTestId("outreach-channel-in_app");
    if (!(await inApp.isChecked())) await inApp.check();
    await composer.getByTestId("outreach-send").click();
    const refused = advisor.getByTestId("outreach-refused");
    await refused.waitFor();
    assert.equal(await refused.getAttribute("data-rule"), "quiet_hours");
    const allowedAt = (await refused.getAttribute("data-allowed-at")) ?? "";
    assert.equal(Date.parse(allowedAt), Date.parse("2026-12-08T09:30:00Z"), "10:30 in Paris");
    assert.match((await advisor.getByTestId("outreach-allowed-at").textContent()) ?? "", /10:30/);
    await refused.scrollIntoViewIfNeeded();
    await shot(advisor, "4-outreach-refused");

    // 3. Both enter the salon from their own pages and see each other.
    const join = advisor.locator(`[data-testid=advisor-join-salon][href="/salon/${appointment.id}"]`);
    await join.scrollIntoViewIfNeeded();
    await join.click();
    await shopper.reload({ waitUntil: "domcontentloaded" });
    await shopper.locator(`[data-testid=enter-salon][href="/salon/${appointment.id}"]`).click();
    await Promise.all([inSalon(advisor, "advisor"), inSalon(shopper, "client")]);
    const [atAdvisor, atShopper] = await Promise.all([
      framesFromOther(advisor, "the advisor"),
      framesFromOther(shopper, "the shopper"),
    ]);
    assert.ok(atAdvisor.frameWidth > 0 && atShopper.frameWidth > 0, "both videos have a size");

    // 4. The advisor puts the watch on the table, changes its strap and turns it.
    await advisor.getByTestId(`salon-place-${WATCH}`).click();
    await advisor.getByTestId("salon-variant-cognac-calf").click();
    await setRange(advisor, "salon-turn", "1.57");
    const tableAsSet = (page: Page, who: string) =>
      waitUntil(`the ${who}'s table as the advisor set it`, async () => {
        const t = (await salonScene(page))?.table;
        return t && t.productId === WATCH && t.variant === "cognac-calf" && Math.abs(t.yaw - 1.57) < 1e-6
          ? t
          : null;
      });
    // Each page applies the room's patch at its own next frame: wait for both, then compare.
    const [shopperTable, advisorTable] = await Promise.all([
      tableAsSet(shopper, "shopper"),
      tableAsSet(advisor, "advisor"),
    ]);
    assert.deepEqual(advisorTable, shopperTable, "both scenes hold the same piece, strap and pose");

    // 5. Turned back towards both of them, the shopper engraves initials; both scenes draw them.
    await setRange(advisor, "salon-turn", "0.35");
    await waitUntil("the piece turned back on the shopper's table", async () => {
      const yaw = (await salonScene(shopper))?.table.yaw ?? -1;
      return Math.abs(yaw - 0.35) < 1e-6;
    }).catch(async (error: unknown) => {
      const seen = async (page: Page) => ({
        status: await page.getByTestId("salon").getAttribute("data-status"),
        table: (await salonScene(page))?.table ?? null,
        input: await page.getByTestId("salon-turn").inputValue(),
      });
      throw new Error(
        `${String(error)}: advisor ${JSON.stringify(await seen(advisor))}, shopper ${JSON.stringify(await seen(shopper))}`,
      );
    });
    await shopper.getByTestId("salon-engrave-initials").fill("AM");
    await shopper.getByTestId("salon-engrave").click();
    for (const [page, who] of [
      [shopper, "shopper"],
      [advisor, "advisor"],
    ] as const) {
      await waitUntil(`the initials drawn in the ${who}'s scene`, async () =>
        (await salonScene(page))?.engravings.some((e) => e.optionId === "initials" && e.text === "AM"),
      );
    }
    await shot(shopper, "5-salon-client");
    await shot(advisor, "6-salon-advisor");

    assert.deepEqual(pageErrors, [], "no page error on either side");
  });
});
