/**
 * End to end, in real Chromium against a real server: a brand uploads a model, schedules a drop and
 * makes a collectible of the model that the drop grants; a shopper claims a piece and confirms it,
 * finds the numbered collectible in their wallet (certificate verified), opens their vitrine and sees
 * it on its pedestal with its edition number; a guest visits through the shopper's link and the
 * shopper's page sees them walk in as an avatar. Then the brand's portal section. Screenshots go to
 * test-results/e2e/.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import {
  CollectibleView,
  MyCollectiblesAnswer,
  VitrineShareAnswer,
  VitrineView,
} from "../../shared/collectibles.ts";
import { ClaimAnswer, DropView } from "../../shared/drops.ts";
import { UploadedModel } from "../../shared/models.ts";
import { layoutVitrine } from "../../shared/vitrineRoom.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { startTestServer, type TestServer } from "../helpers/server.ts";
import { waitUntil } from "../helpers/waitUntil.ts";

const ARTIFACTS = path.resolve("test-results/e2e");
const MODEL_FILE = path.resolve("assets/models/VintagePocketWatch.glb");
const CLOCK_FILE = path.resolve("assets/models/AntiqueWallClock.glb");
const STEP_TIMEOUT_MS = 240_000;

const ACCOUNTS = {
  owner: { email: "owner.aubrelle@vitrine.demo", password: "vitrine-owner-1" },
  shopper: { email: "shopper@vitrine.demo", password: "vitrine-shopper-1" },
} as const;

type PedestalProbe = { copyId: string; name: string; editionLabel: string; model: string; screen: unknown };
type AvatarProbe = { sessionId: string; name: string; isSelf: boolean; isOwner: boolean };
type SceneProbe = {
  pedestals: PedestalProbe[];
  avatars: AvatarProbe[];
  renderer: { calls: number; lights: number };
};

function until<T>(what: string, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  return waitUntil(what, probe, STEP_TIMEOUT_MS);
}

async function api(
  request: APIRequestContext,
  method: "GET" | "POST",
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown }> {
  const response = await request.fetch(url, { method, data: body, headers, failOnStatusCode: false });
  const text = await response.text();
  return { status: response.status(), json: text ? JSON.parse(text) : null };
}

/** What the vitrine scene reports (null until it has drawn a frame). */
async function vitrineScene(page: Page): Promise<SceneProbe | null> {
  return page.evaluate(() => {
    const hook = (window as unknown as { __vitrineRoom?: { frames: number; scene(): unknown } })
      .__vitrineRoom;
    return hook && hook.frames > 0 ? (hook.scene() as SceneProbe) : null;
  });
}

async function holdFrames(page: Page, hold: boolean): Promise<void> {
  await page.evaluate((h) => {
    (window as unknown as { __vitrineRoom?: { holdFrames(h: boolean): void } }).__vitrineRoom?.holdFrames(h);
  }, hold);
}

const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? "").replace(/\s+/g, " ");

describe("a collectible from a drop, in the wallet and the vitrine, with a visitor", () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let collectible: CollectibleView;
  let shopperPage: Page;
  let shopper: BrowserContext;
  let owner: BrowserContext;
  const foreignRequests: string[] = [];

  async function signedInContext(who: keyof typeof ACCOUNTS): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-GB" });
    contexts.push(context);
    const signIn = await api(context.request, "POST", `${server.url}/api/auth/signin`, ACCOUNTS[who]);
    assert.equal(signIn.status, 200, `${who} signs in`);
    return context;
  }

  async function openPage(context: BrowserContext, route: string): Promise<Page> {
    const page = await context.newPage();
    page.on("request", (r) => {
      const url = r.url();
      if (!url.startsWith(server.url) && !url.startsWith("data:") && !url.startsWith("blob:"))
        foreignRequests.push(url);
    });
    page.on("pageerror", (e) => console.error("[page error]", e.message));
    await page.goto(`${server.url}${route}`, { waitUntil: "domcontentloaded", timeout: 120_000 });
    return page;
  }

  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browser = await launchBrowser();
  });
  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  test("the shopper claims in a drop that grants a collectible and finds it in the wallet", {
    timeout: 400_000,
  }, async () => {
    owner = await signedInContext("owner");
    shopper = await signedInContext("shopper");

    // The brand uploads the model its collectible is made of.
    const upload = await owner.request.post(`${server.url}/api/brands/aubrelle/models`, {
      multipart: {
        file: {
          name: "VintagePocketWatch.glb",
          mimeType: "model/gltf-binary",
          buffer: fs.readFileSync(MODEL_FILE),
        },
      },
      timeout: 180_000,
      failOnStatusCode: false,
    });
    assert.equal(upload.status(), 201, await upload.text());
    const model = UploadedModel.parse(await upload.json());
    // A second model, from which the portal test makes a collectible through the form.
    const clock = await owner.request.post(`${server.url}/api/brands/aubrelle/models`, {
      multipart: {
        file: {
          name: "AntiqueWallClock.glb",
          mimeType: "model/gltf-binary",
          buffer: fs.readFileSync(CLOCK_FILE),
        },
      },
      timeout: 180_000,
      failOnStatusCode: false,
    });
    assert.equal(clock.status(), 201, await clock.text());

    // A drop open to everyone now, and the collectible it grants to whoever confirms a piece.
    const now = Date.now();
    const scheduled = await api(owner.request, "POST", `${server.url}/api/brands/aubrelle/drops`, {
      productId: "aubrelle-aube-rose",
      title: { en: "Aube Rose, the keepsake drop" },
      mode: "fcfs",
      stock: 5,
      perAccountLimit: 1,
      announceAt: new Date(now - 120_000).toISOString(),
      earlyAccessStartsAt: new Date(now - 60_000).toISOString(),
      publicStartsAt: new Date(now - 30_000).toISOString(),
      endsAt: new Date(now + 3_600_000).toISOString(),
      holdSeconds: 600,
    });
    assert.equal(scheduled.status, 201, JSON.stringify(scheduled.json));
    const drop = DropView.parse(scheduled.json);
    const created = await api(owner.request, "POST", `${server.url}/api/brands/aubrelle/collectibles`, {
      modelId: model.id,
      name: { en: "Montre de Poche 1862", fr: "Montre de poche 1862" },
      story: {
        en: "Struck for those who were there when Aube Rose first opened: a pocket watch from the maison's archive.",
        fr: "Frappée pour celles et ceux présents à l'ouverture d'Aube Rose : une montre de poche des archives de la maison.",
      },
      editionSize: 250,
      obtainedBy: "drop",
      sourceId: drop.id,
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    collectible = CollectibleView.parse(created.json);

    // The shopper claims a piece and confirms it: the collectible follows.
    const claimed = await api(
      shopper.request,
      "POST",
      `${server.url}/api/drops/${drop.id}/claims`,
      undefined,
      {
        "Idempotency-Key": "e2e-collectible-claim-1",
      },
    );
    assert.equal(claimed.status, 201, JSON.stringify(claimed.json));
    const answer = ClaimAnswer.parse(claimed.json);
    assert.equal(answer.outcome, "held");
    if (answer.outcome !== "held") return;
    const confirmed = await api(
      shopper.request,
      "POST",
      `${server.url}/api/drops/${drop.id}/claims/${answer.claim.id}/confirm`,
    );
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.json));
    const mine = MyCollectiblesAnswer.parse(
      (await api(shopper.request, "GET", `${server.url}/api/collectibles/mine`)).json,
    );
    const copy = mine.copies.find((c) => c.collectible.id === collectible.id);
    assert.ok(copy, "the confirmed claim granted the collectible");
    assert.equal(copy.edition, 1);
    assert.equal(copy.grantReason, "drop_claim");

    // The wallet shows it as a card: name, maison, edition, story, a verified certificate.
    shopperPage = await openPage(shopper, "/wallet");
    await until(
      "the verified collectible card",
      async () => (await shopperPage.getByTestId("collectible-verified").count()) > 0,
    );
    const card = shopperPage.locator(`[data-testid=collectible-card][data-copy-id="${copy.id}"]`);
    const cardText = ((await card.textContent()) ?? "").replace(/\s+/g, " ");
    assert.match(cardText, /Montre de Poche 1862/);
    assert.match(cardText, /#1 of 250/);
    assert.match(cardText, /Aubrelle/);
    assert.match(cardText, /Certificate verified/);
    assert.match(cardText, /claimed in a drop/);
    assert.equal(
      await card.getByTestId("download-glb").getAttribute("href"),
      `/api/collectibles/mine/${copy.id}/model.glb`,
    );
    // Hidden from the vitrine and shown again, from the card.
    await card.getByTestId("toggle-hidden").click();
    await until("the card hidden", async () =>
      (await card.getAttribute("data-hidden")) === "true" ? true : null,
    );
    const whileHidden = VitrineView.parse(
      (await api(shopper.request, "GET", `${server.url}/api/vitrines/mine`)).json,
    );
    assert.deepEqual(whileHidden.copies, [], "a hidden copy is not in the vitrine");
    await card.getByTestId("toggle-hidden").click();
    await until("the card shown", async () =>
      (await card.getAttribute("data-hidden")) === "false" ? true : null,
    );
    await shopperPage.getByTestId("wallet-collectibles").screenshot({
      path: path.join(ARTIFACTS, "wallet-collectibles.png"),
      timeout: 120_000,
    });
  });

  test("in the portal the brand creates a collectible and grants it and the keepsake by email", {
    timeout: 300_000,
  }, async () => {
    // Collectibles are a tab of the brand's workspace: the page starts on the pieces and goes there.
    const portal = await openPage(owner, "/brand/aubrelle/products");
    await portal.getByRole("link", { name: /^Collectibles/ }).click();
    const section = portal.getByTestId("portal-collectibles");
    const card = (id: string) => portal.locator(`[data-collectible-id="${id}"]`);
    await until("the drop's collectible in the portal", async () =>
      (await card(collectible.id).count()) === 1 ? true : null,
    );
    const item = ((await card(collectible.id).textContent()) ?? "").replace(/\s+/g, " ");
    assert.match(item, /Montre de Poche 1862/);
    assert.match(item, /1\s*of 250 issued/);
    assert.match(item, /Claimed in a drop/);

    // A new collectible from the clock the brand uploaded, through the form (no price anywhere).
    const form = portal.getByTestId("collectible-form");
    await form.locator("#collectible-model").selectOption({ label: "AntiqueWallClock.glb" });
    await form.locator("#collectible-size").fill("120");
    await form.locator('input[name="name.en"]').fill("Pendule de Salon");
    await form.locator('input[name="name.fr"]').fill("Pendule de salon");
    await form
      .locator('textarea[name="story.en"]')
      .fill(
        "For the guests of the maison's winter soirée: the salon clock that has kept Aubrelle's hours since 1894.",
      );
    assert.match((await form.textContent()) ?? "", /Collectibles have no price/);
    await form.getByRole("button", { name: "Create collectible" }).click();
    await until("the created notice", async () =>
      /is created/.test((await form.textContent()) ?? "") ? true : null,
    );
    const listed = (await api(owner.request, "GET", `${server.url}/api/brands/aubrelle/collectibles`))
      .json as {
      collectibles: CollectibleView[];
    };
    const clock = listed.collectibles.find((c) => c.name.en === "Pendule de Salon");
    assert.ok(clock, "the form created the collectible");
    assert.equal(clock.editionSize, 120);
    assert.equal(clock.obtainedBy, "manual");

    // Granted by email to the shopper: the clock, then the demo's keepsake.
    for (const id of [clock.id, "aubrelle-etoile-keepsake"]) {
      await card(id).locator("summary").click();
      await card(id).locator("textarea").fill("shopper@vitrine.demo");
      await card(id).getByRole("button", { name: "Grant", exact: true }).click();
      await until(`the grant of ${id}`, async () => {
        const result = card(id).getByTestId("grant-result");
        return (await result.count()) === 1 && /Granted 1/.test((await result.textContent()) ?? "")
          ? true
          : null;
      });
      await until(`one issued of ${id}`, async () =>
        /^1/.test(((await card(id).getByTestId("collectible-issued").textContent()) ?? "").trim())
          ? true
          : null,
      );
    }

    await portal.setViewportSize({ width: 1280, height: 1000 });
    await section.evaluate((el) => {
      // Scrolled to the top of the view, below the portal's sticky header.
      (el as HTMLElement).style.scrollMarginTop = "90px";
      el.scrollIntoView({ block: "start" });
    });
    await portal.screenshot({ path: path.join(ARTIFACTS, "portal-collectibles.png"), timeout: 120_000 });
    await portal.close();
  });

  test("the shopper's vitrine shows the pieces on pedestals; a guest visits through the link", {
    timeout: 600_000,
  }, async () => {
    assert.ok(collectible, "the first test created the collectible");
    await shopperPage.getByTestId("open-vitrine").click();
    await until("the owner's vitrine connected", async () =>
      (await shopperPage.getByTestId("vitrine-room").getAttribute("data-status")) === "connected"
        ? true
        : null,
    );
    const expected = new Map([
      ["Montre de Poche 1862", "#1 of 250"],
      ["Pendule de Salon", "#1 of 120"],
      ["Étoile, the keepsake", "#1 of 250"],
    ]);
    const scene = await until("the three pieces on their pedestals, their models loaded", async () => {
      const s = await vitrineScene(shopperPage);
      return s?.pedestals.length === 3 && s.pedestals.every((p) => p.model === "ready") ? s : null;
    });
    for (const p of scene.pedestals) {
      assert.equal(p.editionLabel, expected.get(p.name), `the plaque of ${p.name}`);
      assert.ok(p.screen, `${p.name} is in view`);
    }
    assert.ok(scene.renderer.lights >= 3, "the pedestals are lit");
    const panel = await text(shopperPage, "vitrine-panel");
    assert.match(panel, /Montre de Poche 1862\s*#1 of 250/);
    assert.match(panel, /Pendule de Salon\s*#1 of 120/);
    assert.match(panel, /Étoile, the keepsake\s*#1 of 250/);
    assert.match(panel, /My vitrine/);
    assert.equal(scene.avatars.filter((a) => a.isSelf && a.isOwner).length, 1, "the owner stands inside");

    // A guest opens the visitor link and walks in; the owner's page sees them arrive.
    const share = VitrineShareAnswer.parse(
      (await api(shopper.request, "GET", `${server.url}/api/vitrine/share`)).json,
    );
    assert.equal(await shopperPage.getByTestId("visitor-link").inputValue(), `${server.url}${share.path}`);
    const guest = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-GB" });
    contexts.push(guest);
    const visitorPage = await openPage(guest, share.path);
    let visitorStatus: string | null = null;
    await until("the visitor inside", async () => {
      visitorStatus = await visitorPage
        .getByTestId("vitrine-room")
        .getAttribute("data-status", { timeout: 1000 })
        .catch(() => null);
      return visitorStatus === "connected";
    }).catch((error: unknown) => {
      throw new Error(`${String(error)} (the visitor's page says: ${visitorStatus ?? "no vitrine panel"})`);
    });
    const seen = await until("the visitor's avatar on the owner's page", async () => {
      const s = await vitrineScene(shopperPage);
      const others = s?.avatars.filter((a) => !a.isSelf) ?? [];
      return others.length === 1 ? others[0] : null;
    });
    assert.equal(seen.isOwner, false);
    const visitorScene = await until("the visitor's scene with the owner and the piece", async () => {
      const s = await vitrineScene(visitorPage);
      return s &&
        s.avatars.length === 2 &&
        s.pedestals.length === 3 &&
        s.pedestals.every((p) => p.model === "ready")
        ? s
        : null;
    });
    assert.equal(
      visitorScene.avatars.filter((a) => a.isOwner && !a.isSelf).length,
      1,
      "the visitor sees the owner",
    );
    assert.deepEqual(
      visitorScene.pedestals.map((p) => p.editionLabel),
      scene.pedestals.map((p) => p.editionLabel),
      "the visitor sees the same plaques",
    );
    assert.match(await text(visitorPage, "vitrine-panel"), /Visiting/);
    assert.match(await text(shopperPage, "vitrine-people"), new RegExp(seen.name));

    // The visitor walks towards the piece; the owner's page follows them.
    // A short press: a step or two towards the piece, not all the way to the wall.
    const walkedIn = layoutVitrine(3).spawn.z - 0.5;
    await visitorPage.keyboard.down("KeyW");
    await new Promise((r) => setTimeout(r, 450));
    await visitorPage.keyboard.up("KeyW");
    await until("the visitor to walk in", async () => {
      const s = await vitrineScene(shopperPage);
      const v = s?.avatars.find((a) => a.sessionId === seen.sessionId) as
        | (AvatarProbe & { z: number })
        | undefined;
      return v && v.z < walkedIn ? v : null;
    });

    for (const [page, file] of [
      [shopperPage, "vitrine-owner.png"],
      [visitorPage, "vitrine-visitor.png"],
    ] as const) {
      await holdFrames(page, true);
      await page.screenshot({ path: path.join(ARTIFACTS, file), timeout: 180_000 });
      await holdFrames(page, false);
    }
    // The owner replaces the link: the visitor is shown out with the reason, the old link is dead.
    const oldLink = await shopperPage.getByTestId("visitor-link").inputValue();
    await shopperPage.getByTestId("rotate-link").click();
    await until("the visitor shown out", async () =>
      (await visitorPage.getByTestId("vitrine-room").getAttribute("data-reason")) === "link_invalid"
        ? true
        : null,
    );
    assert.match(await text(visitorPage, "vitrine-panel"), /no longer opens the vitrine/);
    await until("a new link on the owner's page", async () => {
      const link = await shopperPage.getByTestId("visitor-link").inputValue();
      return link !== oldLink && link.includes("/vitrine/") ? link : null;
    });
    await visitorPage.goto(oldLink, { waitUntil: "domcontentloaded" });
    await until("the dead link explained", async () =>
      (await visitorPage.getByTestId("vitrine-unavailable").count()) === 1 ? true : null,
    );
    await visitorPage.close();
    assert.deepEqual(foreignRequests, [], "nothing loads from another host");
  });
});
