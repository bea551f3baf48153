/**
 * A merchandiser brings a model from their desk to the avenue: signs in on /brand, uploads a real
 * .glb (byte and processing progress, figures), describes the piece, places it on a display and
 * publishes; a shopper who was already on the avenue sees it appear without reloading, clicks it
 * and inspects it in the viewer. Screenshots land in test-results/e2e/.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../helpers/browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { waitUntil as until } from "../helpers/waitUntil.ts";

const ARTIFACTS = path.resolve("test-results/e2e");
const MODEL = path.resolve("assets/models/PottedPlant04.glb");
const BRAND = "brevanne";
/** Display 2 of the boutique (index 1), where the new piece goes. */
const SLOT = 1;

type Display = {
  brandId: string;
  slot: number;
  productId: string;
  model: string;
  lod: string;
  screen: { x: number; y: number } | null;
};

async function displays(page: Page): Promise<Display[]> {
  return page.evaluate(() => {
    const hook = (window as unknown as { __vitrine?: { scene(): { displays: unknown } } }).__vitrine;
    return hook ? (hook.scene().displays as Display[]) : [];
  });
}

describe("a brand uploads a model and publishes it to shoppers already on the avenue", () => {
  let server: TestServer;
  let browser: Browser;
  const foreignRequests: string[] = [];

  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(
    url: string,
    { account, height = 800 }: { account?: { email: string; password: string }; height?: number } = {},
  ): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1152, height }, locale: "en-GB" });
    // Software rendering on a shared machine: give actions time.
    context.setDefaultTimeout(120_000);
    if (account) {
      const signIn = await context.request.post(`${server.url}/api/auth/signin`, { data: account });
      assert.equal(signIn.status(), 200, `${account.email} signs in`);
    }
    const page = await context.newPage();
    page.on("request", (r) => {
      const u = r.url();
      if (!u.startsWith(server.url) && !u.startsWith("data:") && !u.startsWith("blob:"))
        foreignRequests.push(u);
    });
    page.on("pageerror", (e) => console.error("[page error]", e.message));
    page.on("response", (r) => {
      if (r.status() >= 400) console.log(`[page] ${r.request().method()} ${r.url()} answered ${r.status()}`);
    });
    page.on("console", (m) => {
      if ((m.type() === "error" || m.type() === "warning") && !m.text().includes("THREE.Clock"))
        console.log(`[page ${m.type()}] ${m.text()}`);
    });
    await page.goto(url, { waitUntil: "domcontentloaded", timeout: 120_000 });
    return page;
  }

  test("upload, figures, placement, publish; the shopper's avenue updates and the viewer shows it", async () => {
    // The merchandiser signs in on the portal.
    // Tall enough for the window's plan and its 3D preview in one screenshot.
    const portal = await open(`${server.url}/brand`, { height: 1180 });
    await portal.getByLabel("Email").fill("merch.brevanne@vitrine.demo");
    await portal.getByLabel("Password").fill("vitrine-merch-1");
    await portal.getByRole("button", { name: "Continue" }).click();
    const workspace = portal.getByTestId("brand-workspace");
    await workspace.waitFor({ timeout: 60_000 });
    assert.equal(await workspace.getAttribute("data-brand"), BRAND, "a one-brand merchandiser lands on it");
    assert.equal(await portal.getByTestId("portal-role").textContent(), "Signed in as merchandiser");

    // Upload: every phase and server stage the page shows is recorded as it happens.
    await portal.getByRole("link", { name: "Upload", exact: true }).click();
    await portal.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      const note = () => {
        const phase = document.querySelector("[data-testid=upload-status]")?.getAttribute("data-phase");
        const stage = document.querySelector("[data-testid=processing-progress]")?.getAttribute("data-stage");
        const sent = document.querySelector("[data-testid=bytes-progress]")?.getAttribute("aria-valuenow");
        const entry = `${phase}/${stage}/${sent}`;
        if (phase && seen[seen.length - 1] !== entry) seen.push(entry);
      };
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    // The bytes go at a home connection's pace (the page's own network, throttled through the
    // DevTools protocol), so the server reports its "receiving" stage for seconds and the page's
    // polls see it however loaded the machine is; on localhost the whole file would land at once.
    const cdp = await portal.context().newCDPSession(portal);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 120 * 1024,
    });
    await portal.getByTestId("upload-input").setInputFiles(MODEL);
    await portal.getByTestId("upload-progress").waitFor();
    const status = portal.getByTestId("upload-status");
    await until("the upload to end", async () => {
      const phase = await status.getAttribute("data-phase");
      return phase === "done" || phase === "rejected" ? phase : null;
    });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await cdp.detach();
    const seen = await portal.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    console.log(`upload states seen (phase/stage/bytes%): ${seen.join(" → ")}`);
    assert.equal(await status.getAttribute("data-phase"), "done", "PottedPlant04.glb is accepted");
    assert.ok(
      seen.some((s) => s.startsWith("sending/") || s.startsWith("processing/")),
      "the progress bars showed while the upload ran",
    );
    assert.ok(
      seen.some((s) => /\/(receiving|validating|optimizing|storing)\//.test(s)),
      "the processing bar showed at least one of the server's stages",
    );
    assert.equal(await portal.getByTestId("bytes-progress").getAttribute("aria-valuenow"), "100");
    assert.equal(await portal.getByTestId("processing-progress").getAttribute("data-stage"), "done");

    const figures = portal.getByTestId("upload-figures");
    await figures.waitFor();
    const row = (figure: string) =>
      figures
        .locator(`tr[data-figure=${figure}] > *`)
        .evaluateAll((cells) => cells.map((c) => c.textContent?.trim() ?? "").join(" | "));
    const sizeRow = await row("bytes");
    const trianglesRow = await row("triangles");
    console.log(`figures: ${sizeRow} | ${trianglesRow}`);
    assert.match(sizeRow, /594 KB/, "the original's size is shown");
    assert.match(trianglesRow, /6,097/, "the original's triangles are shown");
    await portal.screenshot({ path: path.join(ARTIFACTS, "portal-upload.png"), timeout: 180_000 });

    // Describe the piece with the shared schema's rules; a missing description is refused first.
    await portal.getByRole("link", { name: "Describe this piece" }).click();
    await portal.getByTestId("product-form").waitFor();
    await portal.locator("[name='name.en']").fill("Jardin d'Hiver Planter");
    await portal.locator("[name=amount]").fill("2400");
    await portal.locator("[name=currency]").selectOption("CHF");
    await portal.getByRole("button", { name: "Create the draft" }).click();
    await portal.getByText("Some fields need attention.").waitFor();
    await portal.locator("[name='description.en']").fill("A winter-garden planter, glazed by hand.");
    await portal
      .locator("[name='description.fr']")
      .fill("Une jardinière de jardin d'hiver, émaillée à la main.");
    assert.match((await portal.getByTestId("price-preview").textContent()) ?? "", /CHF/);
    await portal.getByRole("button", { name: "Create the draft" }).click();

    // Place it on display 2.
    const placement = portal.getByTestId("placement");
    await placement.waitFor({ timeout: 60_000 });
    const productId = await until("the new draft in the tray", async () => {
      const ids = await portal
        .locator(".chip[data-product-id]")
        .evaluateAll((chips) => chips.map((c) => c.getAttribute("data-product-id") ?? ""));
      return ids.find((id) => id.includes("jardin-d-hiver-planter")) ?? null;
    });
    await portal.getByLabel("Display 2", { exact: true }).selectOption(productId);
    await until("the arrangement saved as a draft", async () => {
      const slots = ((await placement.getAttribute("data-slots")) ?? "").split(",");
      return slots[SLOT] === productId;
    });
    await portal.getByTestId("placement-state").filter({ hasText: "Draft" }).waitFor();
    // A page screenshot, not an element one: an element's "stable" check waits for animation
    // frames, which software rendering can starve for minutes.
    await portal.evaluate(() => document.getElementById("window-title")?.scrollIntoView({ block: "start" }));
    await portal.waitForTimeout(2000);
    await portal.screenshot({ path: path.join(ARTIFACTS, "portal-placement.png"), timeout: 180_000 });

    // The shopper comes onto the avenue now, before anything is published (opened only now so
    // that two software-rendered pages do not starve each other during the portal work).
    const shopper = await open(server.url, {
      account: { email: "shopper@vitrine.demo", password: "vitrine-shopper-1" },
    });
    const before = await until("the avenue with every display", async () => {
      const d = await displays(shopper);
      return d.length >= 24 ? d : null;
    });
    const brandBefore = before.filter((d) => d.brandId === BRAND).map((d) => d.productId);
    console.log(`${BRAND} displays before publishing: ${brandBefore.join(", ")}`);
    // In the room and synced: the client has seen the room's catalogVersion, so a bump reaches it.
    await until("the shopper's own avatar from the room's state", async () =>
      shopper.evaluate(() => {
        const hook = (window as unknown as { __vitrine?: { scene(): { avatars: { isSelf: boolean }[] } } })
          .__vitrine;
        return hook?.scene().avatars.some((a) => a.isSelf) ?? false;
      }),
    );
    assert.ok(!brandBefore.includes(productId), "nothing reaches shoppers before publishing");

    // Publish, behind a confirmation.
    await portal.getByRole("button", { name: "Publish to the avenue" }).click();
    await portal.getByTestId("publish-confirm").waitFor();
    await portal.getByRole("button", { name: "Publish now" }).click();
    await portal.getByTestId("publish-result").waitFor({ timeout: 60_000 });
    console.log(`publish: ${await portal.getByTestId("publish-result").textContent()}`);
    await portal.context().close();

    // The shopper, who never reloaded, sees the new piece on display 2 with its model loaded.
    let lastSeen = "";
    const shown = await until("the new piece on the shopper's avenue", async () => {
      const d = await displays(shopper);
      const now = d
        .filter((x) => x.brandId === BRAND)
        .map((x) => `${x.slot}:${x.productId}:${x.model}`)
        .join(", ");
      if (now !== lastSeen) console.log(`shopper's ${BRAND} displays: ${now}`);
      lastSeen = now;
      return d.find(
        (x) => x.brandId === BRAND && x.slot === SLOT && x.productId === productId && x.model === "ready",
      );
    });
    // The uploaded model's lighter level of detail loads too, for the far displays.
    await until("the new piece's lighter level of detail", async () =>
      (await displays(shopper)).some((x) => x.productId === productId && x.lod === "ready"),
    );
    const brandAfter = (await displays(shopper)).filter((d) => d.brandId === BRAND).map((d) => d.productId);
    console.log(`${BRAND} displays after: ${brandAfter.join(", ")}`);
    assert.equal(brandAfter.length, 4);

    // The shopper clicks it and inspects it.
    await shopper
      .waitForSelector("[data-testid=loading]", { state: "detached", timeout: 120_000 })
      .catch(() => {});
    const target = shown.screen ?? (await displays(shopper)).find((d) => d.productId === productId)?.screen;
    assert.ok(target, "the new piece is in the shopper's view from the spawn point");
    await shopper.mouse.click(target.x, target.y);
    const viewer = shopper.getByTestId("product-viewer");
    await viewer.waitFor({ timeout: 60_000 });
    assert.equal(await viewer.getAttribute("data-product-id"), productId);
    const viewerStatus = await until("the model in the viewer", async () => {
      const status = await viewer.getAttribute("data-status");
      return status === "loading" ? null : status;
    });
    assert.equal(viewerStatus, "ready", "the viewer shows the uploaded model");
    assert.equal(await shopper.getByTestId("viewer-name").textContent(), "Jardin d'Hiver Planter");
    // Intl separates currency and amount with a no-break space.
    const price = (await shopper.getByTestId("viewer-price").textContent())?.replace(/\s/g, " ");
    assert.equal(price, "CHF 2,400", "the price formatted for the shopper's locale");
    assert.ok(Number(await viewer.getAttribute("data-triangles")) > 0, "the viewer draws the model");
    // The signed-in shopper keeps it on their wishlist.
    const heart = shopper.getByTestId("wishlist-button");
    await until("the wishlist loaded", async () => !(await heart.isDisabled()));
    assert.equal(await heart.getAttribute("aria-pressed"), "false");
    await heart.click();
    await until("the heart filled", async () => (await heart.getAttribute("aria-pressed")) === "true");
    // The heart fills at once; the server answers a moment later.
    const kept = await until(
      "the server keeps the wish",
      async () => {
        const wishlist = (await (
          await shopper.context().request.get(`${server.url}/api/wishlist`)
        ).json()) as {
          items: { productId: string }[];
        };
        const ids = wishlist.items.map((i) => i.productId);
        return ids.length > 0 ? ids : null;
      },
      30_000,
    );
    assert.deepEqual(kept, [productId], "the server keeps the wish");
    await shopper.waitForTimeout(1500);
    await shopper.screenshot({ path: path.join(ARTIFACTS, "viewer.png"), timeout: 180_000 });
    await shopper.keyboard.press("Escape");
    await viewer.waitFor({ state: "detached" });

    assert.deepEqual(foreignRequests, [], "nothing loads from another host");
    await shopper.context().close();
  });
});
