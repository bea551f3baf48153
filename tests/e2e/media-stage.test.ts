/**
 * Stage video for real, in Chromium with a fake camera and microphone: a presenter's page publishes
 * into the stage's Janus room with its grant; two viewer pages (as in two audience shards) decode
 * the video and receive the audio; the server then cascades the presenter to a second Janus (a
 * relay) and a third viewer, on the relay, decodes it too. Screenshots of a viewer and the relay's.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { ReceiveStats } from "../../client/net/media/mediaStats.ts";
import { forwardToRelay, type RelayLink } from "../../server/media/relayForward.ts";
import { createStageMedia, type StageMedia } from "../../server/media/stageMedia.ts";
import type { MediaGrant } from "../../shared/media.ts";
import { type MediaPageServer, serveMediaPage } from "../fixtures/media/serveMediaPage.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { JANUS_SKIP, type JanusProcess, startJanus, testJanusSettings } from "../helpers/janus.ts";
import { waitUntil } from "../helpers/waitUntil.ts";

const ARTIFACTS = path.resolve("test-results/e2e");

type MediaPage = {
  __media: {
    publish(grant: MediaGrant, caption: string): Promise<void>;
    watch(grant: MediaGrant, caption: string): Promise<void>;
    publisherState(): string;
    viewerState(): string;
    viewerStats(): Promise<ReceiveStats>;
  };
};

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 560, height: 380 } });
  page.on("pageerror", (e) => console.error("page error:", e.message));
  await page.goto(url);
  await page.waitForFunction(() => "__media" in window);
  return page;
}

async function watch(page: Page, grant: MediaGrant, caption: string): Promise<void> {
  await page.evaluate(([g, c]) => (window as unknown as MediaPage).__media.watch(g, c), [
    grant,
    caption,
  ] as const);
}

/** Waits until the page's viewer has decoded video frames and received audio packets. */
function decoding(page: Page, what: string): Promise<ReceiveStats> {
  return waitUntil(
    `${what} to decode video and receive audio`,
    async () => {
      const stats = await page.evaluate(() => (window as unknown as MediaPage).__media.viewerStats());
      return stats.videoFramesDecoded > 0 && stats.audioPacketsReceived > 0 ? stats : null;
    },
    90_000,
  );
}

describe("stage video through Janus", { skip: JANUS_SKIP }, () => {
  const stageId = `e2e-${randomUUID().slice(0, 8)}`;
  let origin: StageMedia;
  let relayJanus: JanusProcess;
  let relay: StageMedia;
  let pages: MediaPageServer;
  let browser: Browser;
  let link: RelayLink | null = null;

  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    origin = createStageMedia(testJanusSettings());
    relayJanus = await startJanus("vitrine-relay-e2e");
    relay = createStageMedia(relayJanus.settings);
    pages = await serveMediaPage();
    browser = await launchBrowser({ fakeMedia: true });
  });
  after(async () => {
    await link?.stop().catch(() => {});
    await browser?.close();
    await origin?.closeStage(stageId).catch(() => {});
    await relay?.closeStage(stageId).catch(() => {});
    await pages?.close();
    await relayJanus?.stop();
  });

  test("a presenter publishes; two viewers decode it on the origin and one on a relay", async () => {
    await origin.openStage(stageId);
    const presenterGrant = await origin.grantPresenter(stageId, {
      participantId: "staff-7",
      display: "Aubrelle",
    });

    const presenter = await openPage(browser, pages.url);
    await presenter.evaluate(
      (g) => (window as unknown as MediaPage).__media.publish(g, "Presenter · camera preview"),
      presenterGrant as MediaGrant,
    );
    await waitUntil("the presenter to be live", () =>
      presenter.evaluate(() => (window as unknown as MediaPage).__media.publisherState() === "live"),
    );

    const viewerA = await openPage(browser, pages.url);
    const viewerB = await openPage(browser, pages.url);
    await watch(
      viewerA,
      origin.grantViewer(stageId, { display: "Viewer A" }),
      "Viewer A · shard 1 · origin Janus",
    );
    await watch(
      viewerB,
      origin.grantViewer(stageId, { display: "Viewer B" }),
      "Viewer B · shard 2 · origin Janus",
    );
    const [statsA, statsB] = await Promise.all([
      decoding(viewerA, "viewer A"),
      decoding(viewerB, "viewer B"),
    ]);
    assert.ok(statsA.frameWidth > 0 && statsB.frameWidth > 0, "decoded frames have a size");

    link = await forwardToRelay(origin, relay, stageId, {
      relayHost: "127.0.0.1",
      feedId: presenterGrant.feedId,
    });
    assert.equal(link.feedId, presenterGrant.feedId);
    const relayed = (await relay.participants(stageId)).find((p) => p.id === presenterGrant.feedId);
    assert.equal(relayed?.remote, true, "the relay lists the presenter as a remote publisher");
    const viewerC = await openPage(browser, pages.url);
    await watch(
      viewerC,
      relay.grantViewer(stageId, { display: "Viewer C" }),
      "Viewer C · shard 3 · relay Janus",
    );
    const statsC = await decoding(viewerC, "viewer C (relay)");
    assert.ok(statsC.frameWidth > 0);

    const audio = await viewerA.evaluate(() => (window as unknown as MediaPage).__media.viewerStats());
    console.log(
      `viewer A: ${audio.videoFramesDecoded} frames (${audio.frameWidth}px wide), ${audio.audioPacketsReceived} audio packets, energy ${audio.audioEnergy}`,
    );
    await viewerA.screenshot({ path: path.join(ARTIFACTS, "media-stage-viewer.png") });
    await viewerC.screenshot({ path: path.join(ARTIFACTS, "media-stage-relay-viewer.png") });
    await presenter.screenshot({ path: path.join(ARTIFACTS, "media-stage-presenter.png") });
  });
});
