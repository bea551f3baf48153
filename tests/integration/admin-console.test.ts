/**
 * The admin console's domain through the real server (issue 13, item 3): chat reports made in a real
 * avenue room reach the moderation queue with their context; dismissing leaves the author be, a mute
 * or a suspension refuses their next line; a suspended person cannot sign in and their sessions are
 * gone; brands, staff, people, programmes, events, drops and the audit log with its filters and pages;
 * every write of the console leaves its audit row, by the admin who made it.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  AdminBrand,
  AdminBrandList,
  AdminDropList,
  AdminEventList,
  AdminPeopleList,
  AdminPerson,
  AdminProgrammeList,
  AUDIT_KINDS,
  AuditPage,
  BrandStaffList,
  ModerationQueue,
  ModerationReport,
  SessionsEnded,
} from "../../shared/admin.ts";
import { admin } from "../../shared/api/index.ts";
import { Catalog } from "../../shared/catalog.ts";
import { ApiErrorBody } from "../../shared/errors.ts";
import type { ChatLine, ChatRefused } from "../../shared/host/chatMessages.ts";
import {
  type AvenueTestRoom,
  joinAvenue,
  leaveQuietly,
  startTestServer,
  type TestServer,
  waitFor,
} from "../helpers/server.ts";

type Inbox = { lines: ChatLine[]; refused: ChatRefused[]; reported: string[] };

function inbox(room: AvenueTestRoom): Inbox {
  const box: Inbox = { lines: [], refused: [], reported: [] };
  room.onMessage("chatLine", (l: ChatLine) => box.lines.push(l));
  room.onMessage("chatRefused", (r: ChatRefused) => box.refused.push(r));
  room.onMessage("chatReported", (r: { messageId: string }) => box.reported.push(r.messageId));
  room.onMessage("*", () => {});
  return box;
}

describe("admin console (real server and avenue room)", () => {
  let server: TestServer;
  let adminCookie: string;
  let reporterCookie: string;
  let authorCookie: string;
  let muteeCookie: string;
  let reporter: AvenueTestRoom;
  let author: AvenueTestRoom;
  let mutee: AvenueTestRoom;
  let rb: Inbox;
  let ab: Inbox;
  let mb: Inbox;

  async function signIn(email: string, password: string): Promise<Response> {
    return fetch(`${server.url}/api/auth/signin`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
  }
  async function cookieOf(email: string, password: string): Promise<string> {
    const res = await signIn(email, password);
    assert.equal(res.status, 200, `${email} signs in`);
    return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  }
  async function call(method: string, path: string, body?: unknown, cookie = adminCookie) {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
  }
  const errorOf = (json: unknown) => ApiErrorBody.parse(json).error;

  /** Says a line on the shard channel and waits until the reporter has heard it. */
  async function say(room: AvenueTestRoom, text: string): Promise<ChatLine> {
    room.send("chat", { text, channel: "shard", lang: "en" });
    await waitFor(`"${text}" heard`, () => rb.lines.some((l) => l.text === text), 10_000);
    return rb.lines.find((l) => l.text === text) as ChatLine;
  }
  async function report(line: ChatLine): Promise<ModerationReport> {
    reporter.send("chatReport", { messageId: line.id, reason: "rude" });
    await waitFor("the report acknowledged", () => rb.reported.includes(line.id), 10_000);
    const { json } = await call("GET", "/api/admin/moderation/reports");
    const found = ModerationQueue.parse(json).reports.find((r) => r.message === line.text);
    assert.ok(found, `the report of "${line.text}" is in the queue`);
    return found;
  }

  before(async () => {
    server = await startTestServer();
    adminCookie = await cookieOf("admin@vitrine.demo", "vitrine-admin-1");
    reporterCookie = await cookieOf("shopper@vitrine.demo", "vitrine-shopper-1");
    authorCookie = await cookieOf("vip@vitrine.demo", "vitrine-vip-pass-1");
    muteeCookie = await cookieOf("advisor.nerolie@vitrine.demo", "vitrine-advisor-1");
    reporter = await joinAvenue(server.url, { cookie: reporterCookie });
    rb = inbox(reporter);
    author = await joinAvenue(server.url, { cookie: authorCookie, roomId: reporter.roomId });
    ab = inbox(author);
    mutee = await joinAvenue(server.url, { cookie: muteeCookie, roomId: reporter.roomId });
    mb = inbox(mutee);
    await waitFor("everyone placed", () => reporter.state.avatars.size >= 3, 10_000);
  });
  after(async () => {
    for (const r of [reporter, author, mutee]) if (r) await leaveQuietly(r);
    await server?.stop();
  });

  test("only admins reach the console's endpoints", async () => {
    const guest = await fetch(`${server.url}/api/admin/moderation/reports`);
    assert.equal(guest.status, 401);
    const shopper = await call("GET", "/api/admin/people", undefined, reporterCookie);
    assert.equal(shopper.status, 403);
    assert.equal(errorOf(shopper.json).code, "forbidden");
  });

  test("a report carries the line and its context; dismissing it leaves the author speaking", async () => {
    await say(author, "good evening avenue");
    await say(reporter, "hello Inès");
    const rude = await say(author, "what a dreadful taste you have");
    await say(author, "anyway, see you");
    const queued = await report(rude);
    assert.equal(queued.authorName, rude.from.name);
    assert.equal(queued.reporterName, "Camille Laurent");
    assert.equal(queued.authorSuspended, false);
    const mine = ["good evening avenue", "hello Inès", "what a dreadful taste you have", "anyway, see you"];
    assert.deepEqual(
      queued.context.map((c) => c.text).filter((t) => mine.includes(t)),
      mine,
      "the lines around it, oldest first (the host's own lines may sit between them)",
    );
    assert.deepEqual(
      queued.context.filter((c) => c.reported).map((c) => c.text),
      ["what a dreadful taste you have"],
    );

    const bad = await call("POST", `/api/admin/moderation/reports/${queued.id}/actions`, {
      action: "mute",
      minutes: 0,
    });
    assert.equal(bad.status, 400, "a mute of zero minutes is refused");
    const dismissed = await call("POST", `/api/admin/moderation/reports/${queued.id}/actions`, {
      action: "dismiss",
    });
    assert.equal(dismissed.status, 200);
    assert.equal(ModerationReport.parse(dismissed.json).status, "dismissed");
    const again = await call("POST", `/api/admin/moderation/reports/${queued.id}/actions`, {
      action: "dismiss",
    });
    assert.equal(again.status, 409, "a closed report cannot be decided twice");
    const open = ModerationQueue.parse((await call("GET", "/api/admin/moderation/reports")).json).reports;
    assert.equal(
      open.some((r) => r.id === queued.id),
      false,
      "it left the open queue",
    );
    const closed = ModerationQueue.parse(
      (await call("GET", "/api/admin/moderation/reports?status=dismissed")).json,
    );
    assert.ok(closed.reports.some((r) => r.id === queued.id));
    await say(author, "still here after the dismissal");
  });

  test("a muted author's next line is refused", async () => {
    const line = await say(mutee, "shh, this is a boutique");
    const queued = await report(line);
    const muted = await call("POST", `/api/admin/moderation/reports/${queued.id}/actions`, {
      action: "mute",
      minutes: 30,
    });
    assert.equal(muted.status, 200);
    const view = ModerationReport.parse(muted.json);
    assert.equal(view.status, "actioned");
    assert.ok(view.authorMutedUntil, "the queue shows the mute");
    mutee.send("chat", { text: "can you hear me", channel: "shard", lang: "en" });
    await waitFor("the line refused", () => mb.refused.some((r) => r.code === "muted_by_moderator"), 10_000);
    assert.equal(
      rb.lines.some((l) => l.text === "can you hear me"),
      false,
    );
  });

  test("suspending the author from the queue: no next line, no session, no sign-in; lifting it", async () => {
    const line = await say(author, "you are all fools");
    const queued = await report(line);
    const suspended = await call("POST", `/api/admin/moderation/reports/${queued.id}/actions`, {
      action: "suspend",
      reason: "insults on the avenue",
    });
    assert.equal(suspended.status, 200);
    assert.equal(ModerationReport.parse(suspended.json).authorSuspended, true);

    author.send("chat", { text: "hello again", channel: "shard", lang: "en" });
    await waitFor("the next line refused", () => ab.refused.some((r) => r.code === "suspended"), 10_000);
    assert.equal(
      rb.lines.some((l) => l.text === "hello again"),
      false,
    );
    const me = await call("GET", "/api/auth/me", undefined, authorCookie);
    assert.deepEqual(me.json, { user: null }, "the author's session ended");
    const signIn1 = await signIn("vip@vitrine.demo", "vitrine-vip-pass-1");
    assert.equal(signIn1.status, 403);
    assert.deepEqual(errorOf(await signIn1.json()).details, { reason: "account_suspended" });
    const wrong = await signIn("vip@vitrine.demo", "not-the-password");
    assert.equal(wrong.status, 401, "a wrong password learns nothing of the suspension");

    const authorId = queued.authorId as string;
    const audit = AuditPage.parse(
      (await call("GET", `/api/admin/audit?action=chat_author_suspended&target=${authorId}`)).json,
    );
    assert.equal(audit.entries.length, 1);
    assert.equal(audit.entries[0]?.reason, "insults on the avenue");
    assert.equal(audit.entries[0]?.details?.reportId, queued.id);
    assert.match(audit.entries[0]?.actorName ?? "", /admin@vitrine\.demo/);

    const lifted = await call("DELETE", `/api/admin/people/${authorId}/suspension`);
    assert.equal(AdminPerson.parse(lifted.json).suspendedAt, null);
    assert.equal((await signIn("vip@vitrine.demo", "vitrine-vip-pass-1")).status, 200);
  });

  test("brands: create, refuse a taken id, edit, give and take staff roles", async () => {
    const body = {
      id: "maison-test",
      name: "Maison Test",
      tagline: { en: "Made for the test", fr: "Faite pour le test" },
      facade: { style: "classic", wall: "#223344", trim: "#c9a96e", light: "#ffd9a0" },
    };
    const created = await call("POST", "/api/admin/brands", body);
    assert.equal(created.status, 201);
    const brand = AdminBrand.parse(created.json);
    const others = AdminBrandList.parse((await call("GET", "/api/admin/brands")).json).brands;
    assert.equal(brand.position, Math.max(...others.map((b) => b.position)), "it takes the last place");
    assert.equal((await call("POST", "/api/admin/brands", body)).status, 409);
    const hostile = await call("POST", "/api/admin/brands", { ...body, id: "Bad Id", name: "" });
    assert.equal(hostile.status, 400);
    const edited = await call("PATCH", "/api/admin/brands/maison-test", { name: "Maison Essai" });
    assert.equal(AdminBrand.parse(edited.json).name, "Maison Essai");
    assert.equal((await call("PATCH", "/api/admin/brands/maison-test", {})).status, 400);
    assert.equal((await call("PATCH", "/api/admin/brands/no-such-brand", { name: "X" })).status, 404);
    const catalog = Catalog.parse(await (await fetch(`${server.url}/api/catalog`)).json());
    assert.ok(catalog.brands.some((b) => b.id === "maison-test" && b.name === "Maison Essai"));

    const staffed = await call("PUT", "/api/admin/brands/maison-test/staff", {
      email: "Shopper@Vitrine.demo",
      role: "owner",
    });
    const staff = BrandStaffList.parse(staffed.json).staff;
    assert.deepEqual(
      staff.map((s) => [s.email, s.role]),
      [["shopper@vitrine.demo", "owner"]],
    );
    const changed = await call("PUT", "/api/admin/brands/maison-test/staff", {
      email: "shopper@vitrine.demo",
      role: "advisor",
    });
    assert.equal(BrandStaffList.parse(changed.json).staff[0]?.role, "advisor");
    const nobody = await call("PUT", "/api/admin/brands/maison-test/staff", {
      email: "nobody@x.test",
      role: "owner",
    });
    assert.equal(nobody.status, 404);
    const userId = staff[0]?.userId as string;
    const removed = await call("DELETE", `/api/admin/brands/maison-test/staff/${userId}`);
    assert.deepEqual(BrandStaffList.parse(removed.json).staff, []);
    assert.equal((await call("DELETE", `/api/admin/brands/maison-test/staff/${userId}`)).status, 404);
    const log = AuditPage.parse((await call("GET", "/api/admin/audit?target=maison-test")).json);
    assert.deepEqual(
      log.entries.map((e) => e.action),
      ["brand_staff_removed", "brand_staff_set", "brand_staff_set", "brand_edited", "brand_created"],
    );
  });

  test("people: find, change role, end sessions; an admin cannot suspend or demote themself", async () => {
    const found = AdminPeopleList.parse((await call("GET", "/api/admin/people?q=valmont")).json).people;
    assert.deepEqual(
      found.map((p) => p.email),
      ["vip@vitrine.demo"],
    );
    const vip = found[0] as AdminPerson;
    const wildcard = AdminPeopleList.parse((await call("GET", "/api/admin/people?q=%25")).json).people;
    assert.equal(wildcard.length, 0, "a typed % matches itself, not everything");
    const promoted = await call("PUT", `/api/admin/people/${vip.id}/role`, { role: "admin" });
    assert.equal(AdminPerson.parse(promoted.json).role, "admin");
    await call("PUT", `/api/admin/people/${vip.id}/role`, { role: "shopper" });
    assert.equal((await call("PUT", `/api/admin/people/${vip.id}/role`, { role: "king" })).status, 400);

    const fresh = await cookieOf("vip@vitrine.demo", "vitrine-vip-pass-1");
    const ended = SessionsEnded.parse((await call("DELETE", `/api/admin/people/${vip.id}/sessions`)).json);
    assert.ok(ended.ended >= 1);
    assert.deepEqual((await call("GET", "/api/auth/me", undefined, fresh)).json, { user: null });

    const admin = AdminPeopleList.parse((await call("GET", "/api/admin/people?q=admin@vitrine")).json)
      .people[0] as AdminPerson;
    const self = await call("PUT", `/api/admin/people/${admin.id}/suspension`, { reason: "testing myself" });
    assert.equal(self.status, 409);
    assert.equal((await call("PUT", `/api/admin/people/${admin.id}/role`, { role: "shopper" })).status, 409);
    assert.equal(
      (await call("PUT", "/api/admin/people/no-such-person/suspension", { reason: "why not" })).status,
      404,
    );

    const roles = AuditPage.parse(
      (await call("GET", `/api/admin/audit?action=role_changed&target=${vip.id}`)).json,
    );
    assert.deepEqual(
      roles.entries.map((e) => e.details?.to),
      ["shopper", "admin"],
    );
  });

  test("programmes, events and drops across brands, with their brand and status", async () => {
    const programmes = AdminProgrammeList.parse(
      (await call("GET", "/api/admin/pass-programmes")).json,
    ).programmes;
    assert.ok(programmes.length > 0, "the demo seed has programmes");
    assert.ok(programmes.every((p) => p.brandId === null || typeof p.brandName === "string"));
    assert.ok(
      programmes.some((p) => p.activePasses > 0),
      "the demo's pass holders count",
    );
    const drops = AdminDropList.parse((await call("GET", "/api/admin/drops")).json).drops;
    assert.ok(drops.length > 0);
    assert.ok(new Set(drops.map((d) => d.brandId)).size > 1, "drops of several brands");
    AdminEventList.parse((await call("GET", "/api/admin/events")).json);
  });

  test("the audit log pages back by seq and filters by actor and dates; bad filters are named", async () => {
    const first = AuditPage.parse(
      (await call("GET", "/api/admin/audit?actor=admin@vitrine.demo&limit=2")).json,
    );
    assert.equal(first.entries.length, 2);
    assert.ok(first.nextBefore);
    const second = AuditPage.parse(
      (await call("GET", `/api/admin/audit?actor=admin@vitrine.demo&limit=2&before=${first.nextBefore}`))
        .json,
    );
    assert.ok(second.entries.every((e) => e.seq < (first.entries.at(-1)?.seq ?? 0)));
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const none = AuditPage.parse(
      (await call("GET", `/api/admin/audit?from=${encodeURIComponent(future)}`)).json,
    );
    assert.deepEqual(none, { entries: [], nextBefore: null });
    const badLimit = await call("GET", "/api/admin/audit?limit=1000");
    assert.equal(badLimit.status, 400);
    assert.match(JSON.stringify(errorOf(badLimit.json).details), /limit/);
    const badAction = await call("GET", "/api/admin/audit?action=not_a_kind");
    assert.equal(badAction.status, 400);
    assert.match(JSON.stringify(errorOf(badAction.json).details), /action/);
    assert.equal((await call("GET", "/api/admin/audit?brand=Bad%20Id!")).status, 400);
    const badRange = await call(
      "GET",
      `/api/admin/audit?from=${encodeURIComponent(future)}&to=${encodeURIComponent(new Date().toISOString())}`,
    );
    assert.equal(badRange.status, 400);
  });

  test("the audit log filters by brand: rows naming it, or about its drops, passes and events", async () => {
    const drops = AdminDropList.parse((await call("GET", "/api/admin/drops")).json).drops;
    const brand = drops[0]?.brandId as string;
    const brandDrops = new Set(drops.filter((d) => d.brandId === brand).map((d) => d.id));
    const rows = AuditPage.parse(
      (await call("GET", `/api/admin/audit?brand=${brand}&limit=100`)).json,
    ).entries;
    assert.ok(
      rows.some((r) => r.dropId && brandDrops.has(r.dropId)),
      "the brand's drops' rows are found by its id",
    );
    const events = AdminEventList.parse((await call("GET", "/api/admin/events")).json).events;
    const brandEvents = new Set(events.filter((e) => e.brandId === brand).map((e) => e.id));
    for (const row of rows) {
      const about =
        row.details?.brandId === brand ||
        (row.dropId !== null && brandDrops.has(row.dropId)) ||
        brandEvents.has(String(row.details?.eventId)) ||
        row.passId !== null;
      assert.ok(about, `row ${row.seq} (${row.action}) is about ${brand}`);
    }
    const otherDrops = drops.filter((d) => d.brandId !== brand).map((d) => d.id);
    assert.ok(!rows.some((r) => r.dropId && otherDrops.includes(r.dropId)), "no other brand's drop");
    const created = AuditPage.parse((await call("GET", "/api/admin/audit?brand=maison-test")).json).entries;
    assert.deepEqual(
      created.map((e) => e.action),
      ["brand_staff_removed", "brand_staff_set", "brand_staff_set", "brand_edited", "brand_created"],
    );
    const staffChanges = AuditPage.parse(
      (await call("GET", "/api/admin/audit?brand=maison-test&action=brand_staff_set")).json,
    ).entries;
    assert.equal(staffChanges.length, 2, "brand and action filters combine");
  });

  test("every row of the whole audit log is of a kind the console labels", async () => {
    const seen = new Set<string>();
    let before: number | null = null;
    do {
      const page: AuditPage = AuditPage.parse(
        (await call("GET", `/api/admin/audit?limit=100${before ? `&before=${before}` : ""}`)).json,
      );
      for (const e of page.entries) seen.add(e.action);
      before = page.nextBefore;
    } while (before);
    const known = new Set<string>(AUDIT_KINDS);
    assert.deepEqual(
      [...seen].filter((k) => !known.has(k)),
      [],
    );
    assert.ok(seen.size >= 10, `the seed and this file wrote many kinds (${[...seen].join(", ")})`);
  });

  test("every write of the console is audited, by the admin who made it (this file made each one)", async () => {
    // Each write endpoint and the audit kinds it leaves; a new write endpoint fails here until listed.
    const audits: Record<string, string[]> = {
      "admin.createBrand": ["brand_created"],
      "admin.editBrand": ["brand_edited"],
      "admin.setBrandStaff": ["brand_staff_set"],
      "admin.removeBrandStaff": ["brand_staff_removed"],
      "admin.setRole": ["role_changed"],
      "admin.suspend": ["person_suspended"],
      "admin.unsuspend": ["person_unsuspended"],
      "admin.endSessions": ["sessions_ended"],
      "admin.actOnReport": ["chat_report_dismissed", "chat_author_muted", "chat_author_suspended"],
    };
    const writes = admin.adminEndpoints.filter((e) => e.method !== "GET").map((e) => e.id);
    assert.deepEqual(writes.sort(), Object.keys(audits).sort());

    // The one write no test above made succeed: suspending someone from the people section.
    const found = AdminPeopleList.parse(
      (await call("GET", "/api/admin/people?q=shopper@vitrine")).json,
    ).people;
    const shopper = found[0] as AdminPerson;
    const suspended = await call("PUT", `/api/admin/people/${shopper.id}/suspension`, {
      reason: "audit check",
    });
    assert.equal(suspended.status, 200);
    assert.ok(AdminPerson.parse(suspended.json).suspendedAt);
    await call("DELETE", `/api/admin/people/${shopper.id}/suspension`);

    const me = AdminPeopleList.parse((await call("GET", "/api/admin/people?q=admin@vitrine")).json)
      .people[0] as AdminPerson;
    for (const kind of Object.values(audits).flat()) {
      const rows = AuditPage.parse(
        (await call("GET", `/api/admin/audit?action=${kind}&actor=${me.id}&limit=100`)).json,
      ).entries;
      assert.ok(rows.length >= 1, `${kind} is audited`);
      for (const row of rows) assert.equal(row.actorUserId, me.id, `${kind} names its admin`);
    }
    const direct = AuditPage.parse(
      (await call("GET", `/api/admin/audit?action=person_suspended&target=${shopper.id}`)).json,
    ).entries;
    assert.equal(direct[0]?.reason, "audit check");
  });
});
