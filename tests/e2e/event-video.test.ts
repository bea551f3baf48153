/**
 * The presenter's video on the real event page, through Janus (TEST_JANUS_URL), in Chromium with a
 * fake camera and microphone: Aubrelle's owner, presenter of the seeded live show, joins it and
 * presses "Go on camera" in the console; a shopper in the show's audience decodes the video
 * (WebRTC stats: frames decoded > 0), sees it on the stage's screen in 3D and as the
 * picture-in-picture; when the presenter stops the camera, the shopper's screen goes back to the
 * show's card. Screenshots of the shopper's stage with the video and of the presenter's console go
 * to test-results/e2e/. Skipped (with the reason) without TEST_JANUS_URL.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { EventStageSnapshot } from "../../client/world/event/eventStageHook.ts";
import { stageIdOfEvent } from "../../server/events/eventMedia.ts";
import { createStageMedia } from "../../server/media/stageMedia.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { JANUS_SKIP, testJanusSettings } from "../helpers/janus.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { waitUntil } from "../helpers/waitUntil.ts";

const ARTIFACTS = path.resolve("test-results/e2e");
const SHOW = "aubrelle-nuit-etoilee";
const STEP_MS = 180_000;

type StageHook = { scene(): EventStageSnapshot; holdFrames(h: boolean): void };

function stageOf(page: Page): Promise<EventStageSnapshot | null> {
  return page.evaluate(() => {
    const hook = (window as unknown as { __eventStage?: StageHook }).__eventStage;
    return hook ? hook.scene() : null;
  });
}

async function hold(page: Page, held: boolean): Promise<void> {
  await page.evaluate(
    (h) => (window as unknown as { __eventStage?: StageHook }).__eventStage?.holdFrames(h),
    held,
  );
}

if (JANUS_SKIP) console.log(`event-video e2e skipped: ${JANUS_SKIP}`);

describe("the presenter's video on the event page", { skip: JANUS_SKIP }, () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const janus = testJanusSettings();
    server = await startTestServer({
      SEED_DEMO: "true",
      JANUS_URL: janus.janusUrl,
      JANUS_PUBLIC_URL: janus.publicUrl,
      JANUS_API_SECRET: janus.apiSecret,
      JANUS_TOKEN_SECRET: janus.tokenSecret,
    });
    browser = await launchBrowser({ fakeMedia: true });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    // The stage's room on the shared test Janus goes with the test.
    if (!JANUS_SKIP)
      await createStageMedia(testJanusSettings())
        .closeStage(stageIdOfEvent(SHOW))
        .catch(() => {});
  });

  /** A signed-in page in the show's audience, its 3D stage up. */
  async function joinShow(email: string, password: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1180, height: 820 } });
    const signIn = await context.request.post(`${server.url}/api/auth/signin`, { data: { email, password } });
    assert.equal(signIn.status(), 200, `${email} signs in`);
    const page = await context.newPage();
    page.on("pageerror", (e) => console.error(`page error (${email}):`, e.message));
    await page.goto(`${server.url}/events/${SHOW}`, { waitUntil: "domcontentloaded", timeout: STEP_MS });
    await page.getByRole("button", { name: "Join the show" }).click({ timeout: STEP_MS });
    await waitUntil(
      `${email}'s stage in 3D`,
      async () => ((await stageOf(page))?.renderer.calls ?? 0) > 0,
      STEP_MS,
    );
    return page;
  }

  test("the presenter goes on camera; a viewer decodes it on the stage's screen and the PiP", async () => {
    const presenter = await joinShow("owner.aubrelle@vitrine.demo", "vitrine-owner-1");
    const camera = presenter.getByTestId("event-camera");
    await camera.getByRole("button", { name: "Go on camera" }).click({ timeout: STEP_MS });
    await presenter
      .locator('[data-testid="event-camera-status"][data-live="true"]')
      .waitFor({ timeout: STEP_MS });
    // The presenter's own scene is not under test: held, it leaves the cores to the viewer's.
    await hold(presenter, true);

    const viewer = await joinShow("shopper@vitrine.demo", "vitrine-shopper-1");
    const watching = await waitUntil(
      "the viewer to decode the presenter's video on the stage's screen",
      async () => {
        const s = await stageOf(viewer);
        return s?.screen.showing === "video" && (s.screen.rtc?.videoFramesDecoded ?? 0) > 0 ? s.screen : null;
      },
      STEP_MS,
    );
    assert.ok((watching.rtc?.frameWidth ?? 0) > 0, "decoded frames have a size");
    assert.ok((watching.rtc?.audioPacketsReceived ?? 0) > 0, "the presenter's microphone arrives too");
    const pip = viewer.getByTestId("event-pip");
    await waitUntil(
      "the picture-in-picture to play frames",
      async () => Number(await pip.getAttribute("data-frames")) > 0,
      STEP_MS,
    );
    await waitUntil(
      "the screen's video element to have a picture",
      async () => ((await stageOf(viewer))?.screen.videoWidth ?? 0) > 0,
      STEP_MS,
    );
    console.log(
      `viewer: ${watching.rtc?.videoFramesDecoded} frames decoded (${watching.rtc?.frameWidth}px wide), ${watching.rtc?.audioPacketsReceived} audio packets`,
    );

    await hold(viewer, true);
    // The whole stage with its picture-in-picture in view.
    await viewer.locator(".event-stage-view__frame").evaluate((el) => el.scrollIntoView({ block: "center" }));
    await viewer.screenshot({ path: path.join(ARTIFACTS, "event-video-viewer-stage.png"), timeout: STEP_MS });
    await hold(viewer, false);
    await presenter.getByTestId("event-console").scrollIntoViewIfNeeded();
    await presenter.screenshot({
      path: path.join(ARTIFACTS, "event-video-presenter-console.png"),
      timeout: STEP_MS,
    });

    // Off camera: the viewer's screen shows the show's card again, and the PiP goes.
    await camera.getByRole("button", { name: "Stop camera" }).click({ timeout: STEP_MS });
    await waitUntil(
      "the viewer's screen back on the show's card",
      async () => (await stageOf(viewer))?.screen.showing === "card",
      STEP_MS,
    );
    await pip.waitFor({ state: "detached", timeout: STEP_MS });
    await presenter.context().close();
    await viewer.context().close();
  });
});
