/**
 * Avenue benchmark: for 0, 50 and 100 wandering avatars in one shard, the draw calls and triangles
 * of one avenue frame in headless Chromium (SwiftShader), the frame time the renderer spends
 * (`measureFrames`: gl.render + gl.finish, SceneTestHook.tsx) and its ratio to the empty avenue's
 * in the same run, and the downstream bytes per second of one client.
 */
import type { Page } from "playwright-core";
import { launchBrowser } from "../tests/helpers/browser.ts";
import { freePort, startServerProcess } from "../tests/helpers/processes.ts";
import { startTestServer } from "../tests/helpers/server.ts";
import { measureDownstream, startBots, stopBots } from "./avenueBots.ts";

type Row = {
  avatars: number;
  drawCalls: number;
  triangles: number;
  products: number;
  frameMedianMs: number;
  frameP90Ms: number;
  /** Median frame time over the empty avenue's, measured in the same run. */
  frameRatio: number;
  /** Every avatar in view (interest radius larger than the avenue): the worst case. */
  downstreamAllInViewBytesPerSecond: number;
  /** With the default interest radius (DEFAULT_VIEW_RADIUS): what a client really receives. */
  downstreamDefaultRadiusBytesPerSecond: number;
};

type FrameTimes = { medianMs: number; p90Ms: number };

/** The renderer's own time for 40 frames (after 10 to settle), in the page. */
async function frameTimes(page: Page): Promise<FrameTimes> {
  return page.evaluate(async () => {
    const hook = (window as unknown as { __vitrine: { measureFrames(n: number): Promise<FrameTimes> } })
      .__vitrine;
    await hook.measureFrames(10);
    return hook.measureFrames(40);
  });
}

async function sceneInfo(
  page: Page,
): Promise<{ calls: number; triangles: number; avatars: number; products: number } | null> {
  return page.evaluate(() => {
    const hook = (
      window as unknown as {
        __vitrine?: {
          scene(): {
            renderer: { calls: number; triangles: number };
            avatars: unknown[];
            modelsLoaded: number;
            productsShown: number;
          };
        };
      }
    ).__vitrine;
    if (!hook) return null;
    const s = hook.scene();
    return {
      calls: s.renderer.calls,
      triangles: s.renderer.triangles,
      avatars: s.avatars.length,
      products: s.productsShown,
    };
  });
}

export async function benchAvenue(): Promise<Row[]> {
  // The rendered frame must hold every avatar, so this server sends all of them to everyone.
  const server = await startTestServer({ AVENUE_SHARD_CAPACITY: "200", AVENUE_VIEW_RADIUS: "10000" });
  // Colyseus' matchmaker is one per process: the second server must be a process of its own.
  const realistic = await startServerProcess(await freePort(), {
    AVENUE_SHARD_CAPACITY: "200",
    LOG_LEVEL: "warn",
  });
  const browser = await launchBrowser();
  const rows: Row[] = [];
  try {
    let emptyMs = 0;
    for (const count of [0, 50, 100]) {
      const bots = await startBots(server.url, count, count + 7);
      const downstream = await measureDownstream(server.url, 8000);
      const realisticBots = await startBots(realistic.url, count, count + 7);
      const downstreamDefault = await measureDownstream(realistic.url, 8000);
      await stopBots(realisticBots);
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(server.url);
      const started = Date.now();
      let info = await sceneInfo(page);
      while (!info || info.avatars < count + 1) {
        if (Date.now() - started > 300_000)
          throw new Error(
            `scene never showed ${count + 1} avatars (last saw ${info?.avatars ?? "no scene"})`,
          );
        await page.waitForTimeout(500);
        info = await sceneInfo(page);
      }
      await page.waitForFunction(() => document.querySelector("[data-testid=loading]") === null, null, {
        timeout: 120_000,
      });
      await page.waitForTimeout(3000);
      // Average a few frames: avatars walk in and out of the view frustum.
      const samples = [];
      for (let i = 0; i < 5; i++) {
        samples.push(await sceneInfo(page));
        await page.waitForTimeout(400);
      }
      const ok = samples.filter((s): s is NonNullable<typeof s> => s !== null);
      const frames = await frameTimes(page);
      if (count === 0) emptyMs = frames.medianMs;
      const avg = (f: (s: (typeof ok)[number]) => number) =>
        Math.round(ok.reduce((a, s) => a + f(s), 0) / ok.length);
      rows.push({
        avatars: count,
        drawCalls: avg((s) => s.calls),
        triangles: avg((s) => s.triangles),
        products: avg((s) => s.products),
        frameMedianMs: Math.round(frames.medianMs * 10) / 10,
        frameP90Ms: Math.round(frames.p90Ms * 10) / 10,
        frameRatio: Math.round((frames.medianMs / emptyMs) * 100) / 100,
        downstreamAllInViewBytesPerSecond: Math.round(downstream),
        downstreamDefaultRadiusBytesPerSecond: Math.round(downstreamDefault),
      });
      await page.close();
      await stopBots(bots);
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await browser.close();
    await server.stop();
    await realistic.stop();
  }
  return rows;
}
