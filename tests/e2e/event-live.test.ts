/**
 * A live show, end to end in real Chromium against a real server with the demo seed (which
 * schedules a live show of Aubrelle's owner with Céleste at every start): a shopper on the avenue
 * sees the show's beacon before Aubrelle's boutique, clicks it, joins the show and sees the audience
 * shard in 3D (the stage, the screen, their own avatar, the roster); the presenter (an SDK client
 * in the show's audience, as the console sends) puts a ring on the turntable and pins another,
 * which appears on a plinth in the shopper's scene and as a card to wishlist. Screenshots of the avenue's beacon and of the
 * event page go to test-results/e2e/.
 *
 * Not covered here: the presenter's video on the screen (this server runs without Janus, so the
 * screen shows the show's card); tests/e2e/event-video.test.ts goes on camera on this same page.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { Client } from "@colyseus/sdk";
import type { Browser, Page } from "playwright-core";
import type { EventStageSnapshot } from "../../client/world/event/eventStageHook.ts";
import type { SceneSnapshot } from "../../client/world/testHook.ts";
import { PROTOCOL_VERSION } from "../../shared/constants.ts";
import { AudienceProtocol, AudienceState, EVENT_AUDIENCE_ROOM } from "../../shared/events/audienceRoom.ts";
import { sendMessage } from "../../shared/protocol/roomProtocol.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { waitUntil } from "../helpers/waitUntil.ts";

const ARTIFACTS = path.resolve("test-results/e2e");
const SHOW = "aubrelle-nuit-etoilee";
const PINNED = "aubrelle-nuit-de-paris";
const ON_STAGE = "aubrelle-solitaire-etoile";
const STEP_MS = 90_000;

type Hook<S> = { scene(): S; holdFrames(h: boolean): void; walkTo(x: number, z: number): void };

function sceneOf<S>(page: Page, global: "__vitrine" | "__eventStage"): Promise<S | null> {
  return page.evaluate((g) => {
    const hook = (window as unknown as Record<string, Hook<unknown> | undefined>)[g];
    return hook ? (hook.scene() as never) : null;
  }, global);
}

async function hold(page: Page, global: "__vitrine" | "__eventStage", held: boolean): Promise<void> {
  await page.evaluate(
    ([g, h]) =>
      (window as unknown as Record<string, Hook<unknown> | undefined>)[g as string]?.holdFrames(h as boolean),
    [global, held] as const,
  );
}

async function cookieFor(server: TestServer, email: string, password: string): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/signin`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(response.status, 200, `${email} signs in`);
  return (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
}

describe("a live show from the avenue", () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer({ SEED_DEMO: "true" });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("the shopper follows the beacon, sees the stage in 3D and a staff pin on its plinth", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const signIn = await context.request.post(`${server.url}/api/auth/signin`, {
      data: { email: "shopper@vitrine.demo", password: "vitrine-shopper-1" },
    });
    assert.equal(signIn.status(), 200);
    const page = await context.newPage();
    page.on("pageerror", (e) => console.error("page error:", e.message));
    await page.goto(server.url, { waitUntil: "domcontentloaded", timeout: 120_000 });

    // The avenue: once it has loaded, the show's beacon stands before Aubrelle's boutique, on screen.
    await page.locator("[data-testid=loading]").waitFor({ state: "detached", timeout: 180_000 });
    const beacon = await waitUntil(
      "the live show's beacon on screen",
      async () => {
        const s = await sceneOf<SceneSnapshot>(page, "__vitrine");
        const b = s?.beacons?.find((x) => x.eventId === SHOW);
        return b?.screen ? { ...b, screen: b.screen } : null;
      },
      STEP_MS,
    );
    assert.equal(beacon.brandId, "aubrelle");
    await hold(page, "__vitrine", true);
    await page.screenshot({ path: path.join(ARTIFACTS, "event-live-avenue-beacon.png"), timeout: 120_000 });
    await hold(page, "__vitrine", false);

    // A click on the beacon opens the event's page; the shopper joins the show.
    await page.mouse.click(beacon.screen.x, beacon.screen.y);
    await page.waitForURL(`**/events/${SHOW}`, { timeout: STEP_MS });
    await page.getByRole("button", { name: "Join the show" }).click({ timeout: STEP_MS });

    const stage = await waitUntil(
      "the stage in 3D with the shopper's avatar",
      async () => {
        const s = await sceneOf<EventStageSnapshot>(page, "__eventStage");
        return s?.avatars.some((a) => a.isSelf) && s.renderer.calls > 0 ? s : null;
      },
      STEP_MS,
    );
    assert.equal(stage.screen.showing, "card", "without video, the screen shows the show's card");
    await waitUntil(
      "the roster names the shopper",
      async () => ((await page.getByTestId("event-roster").textContent()) ?? "").includes("Camille Laurent"),
      STEP_MS,
    );

    // Aubrelle's owner presents: takes the stage, puts a ring on the turntable, pins another.
    const owner = await cookieFor(server, "owner.aubrelle@vitrine.demo", "vitrine-owner-1");
    const staff = await new Client(server.url, { headers: { cookie: owner } }).joinOrCreate(
      EVENT_AUDIENCE_ROOM,
      { protocol: PROTOCOL_VERSION, eventId: SHOW },
      AudienceState,
    );
    try {
      let role = "";
      staff.onMessage("welcome", (m: { role: string }) => {
        role = m.role;
      });
      await waitUntil("the staff member is welcomed", async () => role !== "", STEP_MS);
      assert.equal(role, "presenter");
      const act = (
        action: Parameters<typeof sendMessage<typeof AudienceProtocol.client, "stageAction">>[3],
      ) => sendMessage(staff, AudienceProtocol.client, "stageAction", action);
      act({ type: "take_stage" });
      act({ type: "show_product", productId: ON_STAGE });
      act({ type: "turn", spin: 0.6 });
      act({ type: "pin", productId: PINNED });
      await waitUntil(
        "the ring on the turntable in the shopper's scene",
        async () =>
          (await sceneOf<EventStageSnapshot>(page, "__eventStage"))?.onStage?.productId === ON_STAGE,
        STEP_MS,
      );

      const pinned = await waitUntil(
        "the pin on its plinth in the shopper's scene",
        async () => {
          const s = await sceneOf<EventStageSnapshot>(page, "__eventStage");
          return s?.pins.find((p) => p.productId === PINNED && p.screen) ?? null;
        },
        STEP_MS,
      );
      assert.ok(pinned.screen);
      await page.locator(`[data-testid="event-pin"][data-product="${PINNED}"]`).waitFor({ timeout: STEP_MS });
    } finally {
      await staff.leave().catch(() => undefined);
    }

    await hold(page, "__eventStage", true);
    await page.getByTestId("event-stage").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, "event-live-stage.png"), timeout: 120_000 });
    await page.screenshot({
      path: path.join(ARTIFACTS, "event-live-page.png"),
      fullPage: true,
      timeout: 120_000,
    });
    await context.close();
  });
});
