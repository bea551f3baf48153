/**
 * The admin console end to end: a shopper's line in a real avenue room is reported by another
 * shopper; the admin opens /admin, finds it in the moderation queue with its context, suspends the
 * author from there, and the author's next line is refused by the room; the audit log shows the
 * suspension. Every section is photographed into test-results/e2e/.
 */
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { ChatLine, ChatRefused } from "../../shared/host/chatMessages.ts";
import { launchBrowser } from "../helpers/browser.ts";
import {
  type AvenueTestRoom,
  joinAvenue,
  leaveQuietly,
  startTestServer,
  type TestServer,
  waitFor,
} from "../helpers/server.ts";

const ARTIFACTS = path.resolve("test-results/e2e");
const SECTIONS = ["people", "brands", "programmes", "events", "drops"] as const;

async function cookieOf(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/signin`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(res.status, 200, `${email} signs in`);
  return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

describe("an admin suspends a reported chat author from the moderation queue", () => {
  let server: TestServer;
  let browser: Browser;
  let reporter: AvenueTestRoom;
  let author: AvenueTestRoom;
  const heard: ChatLine[] = [];
  const refused: ChatRefused[] = [];

  before(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    server = await startTestServer();
    browser = await launchBrowser();
  });
  after(async () => {
    for (const r of [reporter, author]) if (r) await leaveQuietly(r);
    await browser?.close();
    await server?.stop();
  });

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(ARTIFACTS, `admin-${name}.png`), fullPage: true });
  }

  test("report, queue with context, suspension, refused line, audit entry", {
    timeout: 300_000,
  }, async () => {
    reporter = await joinAvenue(server.url, {
      cookie: await cookieOf(server.url, "shopper@vitrine.demo", "vitrine-shopper-1"),
    });
    reporter.onMessage("chatLine", (l: ChatLine) => heard.push(l));
    reporter.onMessage("*", () => {});
    author = await joinAvenue(server.url, {
      cookie: await cookieOf(server.url, "vip@vitrine.demo", "vitrine-vip-pass-1"),
      roomId: reporter.roomId,
    });
    author.onMessage("chatRefused", (r: ChatRefused) => refused.push(r));
    author.onMessage("*", () => {});
    const say = async (room: AvenueTestRoom, text: string) => {
      room.send("chat", { text, channel: "shard", lang: "en" });
      await waitFor(`"${text}" heard`, () => heard.some((l) => l.text === text), 30_000);
      return heard.find((l) => l.text === text) as ChatLine;
    };
    await say(author, "Good evening, avenue");
    await say(reporter, "Good evening Inès");
    const rude = await say(author, "Nobody here has any taste");
    await say(reporter, "That is unkind");
    reporter.send("chatReport", { messageId: rude.id, reason: "insulting everyone" });

    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: "en-GB" });
    context.setDefaultTimeout(120_000);
    const signIn = await context.request.post(`${server.url}/api/auth/signin`, {
      data: { email: "admin@vitrine.demo", password: "vitrine-admin-1" },
    });
    assert.equal(signIn.status(), 200);
    const page = await context.newPage();
    page.on("pageerror", (e) => console.error("[page error]", e.message));
    await page.goto(`${server.url}/admin`, { waitUntil: "domcontentloaded", timeout: 120_000 });

    // The queue: the line, between what was said before and after it.
    const report = page.getByTestId("moderation-report").filter({ hasText: rude.text });
    await report.waitFor({ timeout: 120_000 });
    assert.ok(
      ((await report.getByTestId("reported-line").textContent()) ?? "").includes(rude.text),
      "the line",
    );
    const around = await report.getByTestId("context-line").allInnerTexts();
    assert.ok(
      around.some((t) => t.includes("Good evening Inès")),
      "the line before it",
    );
    assert.ok(
      around.some((t) => t.includes("That is unkind")),
      "the line after it",
    );
    assert.ok(((await report.textContent()) ?? "").includes("insulting everyone"), "the reporter's reason");
    await shot(page, "moderation");

    await report.getByTestId("suspend-reason").fill("Insults on the avenue");
    await report.getByTestId("suspend-author").click();
    // Acted on, the report leaves the open queue.
    await report.waitFor({ state: "detached", timeout: 120_000 });
    await page.getByTestId("moderation-status").selectOption("actioned");
    await page
      .getByTestId("moderation-report")
      .filter({ hasText: rude.text })
      .getByText("Suspended")
      .first()
      .waitFor();
    await shot(page, "moderation-actioned");

    author.send("chat", { text: "Can anyone hear me?", channel: "shard", lang: "en" });
    await waitFor(
      "the author's next line refused",
      () => refused.some((r) => r.code === "suspended"),
      30_000,
    );
    assert.equal(
      heard.some((l) => l.text === "Can anyone hear me?"),
      false,
      "nobody heard it",
    );

    await page.getByTestId("admin-tab-audit").click();
    const row = page.locator('[data-testid="audit-row"][data-action="chat_author_suspended"]');
    await row.waitFor();
    assert.ok(((await row.textContent()) ?? "").includes("Insults on the avenue"));
    await shot(page, "audit");

    // Filtered to one maison: its drops' and programmes' rows, each under a readable label.
    await page.getByTestId("audit-brand").selectOption("aubrelle");
    await page.getByTestId("audit-filters").getByRole("button", { name: "Apply" }).click();
    await page.locator('[data-testid="audit-row"][data-action="drop_scheduled"]').first().waitFor();
    const actions = await page.getByTestId("audit-row").evaluateAll((rows) =>
      rows.map((r) => ({
        kind: r.getAttribute("data-action") ?? "",
        label: r.querySelector(".admin__action")?.textContent ?? "",
      })),
    );
    assert.ok(actions.length > 0);
    for (const { kind, label } of actions) assert.notEqual(label, kind, `${kind} has a label`);
    assert.ok(
      !actions.some((a) => a.kind.startsWith("chat_") || a.kind === "brand_staff_set"),
      "nothing of the platform's or other maisons' rows",
    );
    await shot(page, "audit-brand");

    for (const section of SECTIONS) {
      await page.getByTestId(`admin-tab-${section}`).click();
      await page.getByTestId(`admin-${section}`).locator("table, .section__empty").first().waitFor();
      await shot(page, section);
      if (section === "people") {
        const vip = page.getByTestId("person-row").filter({ hasText: "vip@vitrine.demo" });
        assert.match((await vip.textContent()) ?? "", /suspended/i, "the people list shows the suspension");
      }
    }
    await context.close();
  });
});
