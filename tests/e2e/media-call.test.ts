/**
 * A peer-to-peer call for real, in Chromium with fake cameras: two pages join the test's signalling
 * room (Colyseus, relaying shared/media.ts signals as the appointment salon will), and each decodes
 * the other's video and receives their audio. Then: mute and camera off reach the other side, the
 * camera comes back, an ICE restart renegotiates without losing the call, and a hang-up ends it for
 * both. Screenshot of one side seeing the other.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { ReceiveStats } from "../../client/net/media/mediaStats.ts";
import { type MediaPageServer, serveMediaPage } from "../fixtures/media/serveMediaPage.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { waitUntil } from "../helpers/waitUntil.ts";

const ARTIFACTS = path.resolve("test-results/e2e");

type CallPage = {
  __media: {
    joinCall(caption: string): Promise<string>;
    callPeers(): string[];
    callStats(peerId: string): Promise<ReceiveStats>;
    callState(peerId: string): string;
    iceRestarts(peerId: string): number;
    remoteMedia(peerId: string): { audio: boolean; video: boolean } | null;
    setMicrophone(on: boolean): void;
    setCamera(on: boolean): Promise<void>;
    restartIce(peerId: string): void;
    localVideoTracks(): number;
    hangUp(): void;
    dropOffers(count: number): void;
  };
};

async function joinCall(browser: Browser, url: string, caption: string): Promise<{ page: Page; id: string }> {
  const page = await browser.newPage({ viewport: { width: 1140, height: 380 } });
  page.on("pageerror", (e) => console.error("page error:", e.message));
  await page.goto(url);
  await page.waitForFunction(() => "__media" in window);
  // Each side's first offer is lost on the way: the call must still come up (a stalled link offers again).
  await page.evaluate(() => (window as unknown as CallPage).__media.dropOffers(1));
  const id = await page.evaluate((c) => (window as unknown as CallPage).__media.joinCall(c), caption);
  return { page, id };
}

function stats(page: Page, peerId: string): Promise<ReceiveStats> {
  return page.evaluate((p) => (window as unknown as CallPage).__media.callStats(p), peerId);
}

/** Waits until `page` has decoded more than `after` frames from `peerId`, with audio arriving. */
function framesPast(page: Page, peerId: string, afterFrames: number, what: string): Promise<ReceiveStats> {
  let last = "";
  return waitUntil(
    what,
    async () => {
      const s = await stats(page, peerId);
      // What the page knows of the call, printed when it changes: a timeout then says where it stuck.
      const seen = await page.evaluate((p) => {
        const m = (window as unknown as CallPage).__media;
        return `peers [${m.callPeers().join(", ")}], state ${m.callState(p)}`;
      }, peerId);
      const line = `${what}: ${seen}, ${s.videoFramesDecoded} frames, ${s.audioPacketsReceived} audio packets`;
      if (line !== last) console.log(line);
      last = line;
      return s.videoFramesDecoded > afterFrames && s.audioPacketsReceived > 0 ? s : null;
    },
    90_000,
  );
}

describe("a peer-to-peer call", () => {
  let pages: MediaPageServer;
  let browser: Browser;

  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    pages = await serveMediaPage();
    browser = await launchBrowser({ fakeMedia: true });
  });
  after(async () => {
    await browser?.close();
    await pages?.close();
  });

  test("two people see and hear each other, though their first offers were lost; mute, camera, ICE restart and hang-up work", async () => {
    const advisor = await joinCall(browser, pages.url, "Advisor");
    const client = await joinCall(browser, pages.url, "Client");
    const [atAdvisor, atClient] = await Promise.all([
      framesPast(advisor.page, client.id, 0, "the advisor to decode the client's video"),
      framesPast(client.page, advisor.id, 0, "the client to decode the advisor's video"),
    ]);
    assert.ok(atAdvisor.frameWidth > 0 && atClient.frameWidth > 0);

    await advisor.page.evaluate(() => (window as unknown as CallPage).__media.setMicrophone(false));
    await waitUntil("the client to learn the advisor is muted", () =>
      client.page.evaluate(
        (p) => (window as unknown as CallPage).__media.remoteMedia(p)?.audio === false,
        advisor.id,
      ),
    );
    await advisor.page.evaluate(() => (window as unknown as CallPage).__media.setCamera(false));
    assert.equal(
      await advisor.page.evaluate(() => (window as unknown as CallPage).__media.localVideoTracks()),
      0,
      "the camera is released",
    );
    await waitUntil("the client to learn the advisor's camera is off", () =>
      client.page.evaluate(
        (p) => (window as unknown as CallPage).__media.remoteMedia(p)?.video === false,
        advisor.id,
      ),
    );
    await advisor.page.evaluate(() => (window as unknown as CallPage).__media.setCamera(true));
    await advisor.page.evaluate(() => (window as unknown as CallPage).__media.setMicrophone(true));
    const beforeBack = await stats(client.page, advisor.id);
    await framesPast(
      client.page,
      advisor.id,
      beforeBack.videoFramesDecoded,
      "the advisor's video to come back",
    );
    assert.deepEqual(
      await client.page.evaluate((p) => (window as unknown as CallPage).__media.remoteMedia(p), advisor.id),
      {
        audio: true,
        video: true,
      },
    );

    await client.page.evaluate((p) => (window as unknown as CallPage).__media.restartIce(p), advisor.id);
    assert.equal(
      await client.page.evaluate((p) => (window as unknown as CallPage).__media.iceRestarts(p), advisor.id),
      1,
    );
    const beforeRestart = await stats(advisor.page, client.id);
    await framesPast(
      advisor.page,
      client.id,
      beforeRestart.videoFramesDecoded,
      "video to flow after the ICE restart",
    );
    assert.equal(
      await client.page.evaluate((p) => (window as unknown as CallPage).__media.callState(p), advisor.id),
      "connected",
    );

    await client.page.screenshot({ path: path.join(ARTIFACTS, "media-call-client.png") });

    await advisor.page.evaluate(() => (window as unknown as CallPage).__media.hangUp());
    await waitUntil("the client to see the advisor leave", () =>
      client.page.evaluate(() => (window as unknown as CallPage).__media.callPeers().length === 0),
    );
  });
});
