/**
 * The event's live-video grant over HTTP (POST /api/events/:eventId/media): its named presenter
 * publishes, admins publish platform events, the admitted audience watches, everyone else is told
 * why not; without Janus every admitted caller hears `media_not_configured` (the page's "no video"),
 * and with Janus (TEST_JANUS_URL) the presenter's grant opens the stage's room and joins its
 * allow-list while a viewer's carries no publish token. On PGlite and, with TEST_DATABASE_URL, PostgreSQL.
 */
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { describe, test } from "node:test";
import express from "express";
import { SESSION_COOKIE_NAME } from "../../server/accounts/sessionCookie.ts";
import { createSession } from "../../server/accounts/sessions.ts";
import { type Database, type DbLike, drizzleOf } from "../../server/db/database.ts";
import { stageIdOfEvent } from "../../server/events/eventMedia.ts";
import { scheduleEvent } from "../../server/events/scheduling.ts";
import { apiNotFound, errorMiddleware } from "../../server/http/errors.ts";
import { createEventRoutes } from "../../server/http/eventRoutes.ts";
import { createStageMedia, type StageMedia } from "../../server/media/stageMedia.ts";
import { ApiErrorBody } from "../../shared/errors.ts";
import { StagePublishGrant, StageWatchGrant } from "../../shared/media.ts";
import { databaseTargets, withDatabase } from "../helpers/databases.ts";
import { JANUS_SKIP, testJanusSettings } from "../helpers/janus.ts";
import { createUsers } from "./drops-fixtures.ts";
import { at, createEventWorld, PRODUCT_ID, showBody } from "./events-fixtures.ts";

async function cookieOf(database: DbLike, userId: string): Promise<string> {
  return `${SESSION_COOKIE_NAME}=${(await createSession(database, userId, 1)).token}`;
}

/** The world with a live open show (presented by the owner), a live platform show and a live salon. */
async function liveWorld(database: Database, media: StageMedia | null, suffix: string) {
  const world = await createEventWorld(database);
  const [shopperId] = await createUsers(drizzleOf(database), 1, "shopper");
  const ids = { show: `show-${suffix}`, platform: `platform-${suffix}`, salon: `salon-${suffix}` };
  await scheduleEvent(database, world.owner, { ...showBody(world.owner.id), id: ids.show }, world.clock);
  await scheduleEvent(
    database,
    world.admin,
    {
      ...showBody(world.owner.id, {
        brandId: null,
        presenters: [{ kind: "host" }],
        hostScript: { segments: [{ productId: PRODUCT_ID, atSeconds: 0, line: { en: "Here it is." } }] },
      }),
      id: ids.platform,
    },
    world.clock,
  );
  await scheduleEvent(
    database,
    world.owner,
    { ...showBody(world.owner.id, { kind: "invite", seatCap: 5 }), id: ids.salon },
    world.clock,
  );
  world.clock.set(at(0));
  const cookies = {
    owner: await cookieOf(database, world.owner.id),
    merch: await cookieOf(database, world.merch.id),
    admin: await cookieOf(database, world.admin.id),
    shopper: await cookieOf(database, shopperId as string),
  };
  const app = express();
  const api = express.Router();
  api.use(express.json());
  api.use(createEventRoutes({ database, clock: world.clock, media }));
  api.use(apiNotFound);
  api.use(errorMiddleware);
  app.use("/api", api);
  const server = app.listen(0);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  const ask = async (eventId: string, role: unknown, who: string | null) => {
    const res = await fetch(`${base}/events/${eventId}/media`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(who ? { cookie: who } : {}) },
      body: JSON.stringify({ role }),
    });
    return { status: res.status, json: (await res.json()) as unknown };
  };
  const refusalOf = async (eventId: string, role: unknown, who: string | null) => {
    const answer = await ask(eventId, role, who);
    const { error } = ApiErrorBody.parse(answer.json);
    return `${answer.status} ${error.code}/${(error.details as { reason?: string } | undefined)?.reason}`;
  };
  return { ids, cookies, ask, refusalOf, close: () => new Promise((r) => server.close(r)) };
}

for (const target of databaseTargets()) {
  describe(`an event's live-video grant over HTTP (${target.name})`, { skip: target.skip }, () => {
    test("without Janus: who may publish and watch, and 'video is not configured' for them", () =>
      withDatabase(target, async (database) => {
        const w = await liveWorld(database, null, "novideo");
        try {
          const { show, platform, salon } = w.ids;
          // Admitted and entitled: told there is no video (the page shows the stage without it).
          assert.equal(
            await w.refusalOf(show, "publish", w.cookies.owner),
            "404 not_found/media_not_configured",
          );
          assert.equal(
            await w.refusalOf(show, "watch", w.cookies.shopper),
            "404 not_found/media_not_configured",
          );
          assert.equal(await w.refusalOf(show, "watch", null), "404 not_found/media_not_configured");
          assert.equal(
            await w.refusalOf(platform, "publish", w.cookies.admin),
            "404 not_found/media_not_configured",
          );
          // Not a presenter: the audience, a merchandiser who moderates, an admin on a brand's show.
          assert.equal(await w.refusalOf(show, "publish", w.cookies.shopper), "403 forbidden/not_presenter");
          assert.equal(await w.refusalOf(show, "publish", w.cookies.merch), "403 forbidden/not_presenter");
          assert.equal(await w.refusalOf(show, "publish", w.cookies.admin), "403 forbidden/not_presenter");
          assert.equal(await w.refusalOf(show, "publish", null), "401 unauthenticated/not_presenter");
          // The salon's video is for its guests (and staff) only, like its stage.
          assert.equal(await w.refusalOf(salon, "watch", w.cookies.shopper), "403 forbidden/invite_only");
          assert.equal(await w.refusalOf(salon, "watch", null), "403 forbidden/invite_only");
          assert.equal(
            await w.refusalOf(salon, "watch", w.cookies.merch),
            "404 not_found/media_not_configured",
          );
          // Bad input and unknown events.
          assert.equal(await w.refusalOf("no-such-show", "watch", null), "404 not_found/not_found");
          assert.equal((await w.ask(show, "record", w.cookies.owner)).status, 400);
          assert.equal((await w.ask("Not An Id", "watch", null)).status, 400);
        } finally {
          await w.close();
        }
      }));
  });
}

test("an event's stage id fits Janus: long ids keep a readable head and stay distinct", () => {
  assert.equal(stageIdOfEvent("aubrelle-nuit-etoilee"), "aubrelle-nuit-etoilee");
  const long = `a${"-b".repeat(39)}`;
  const other = `${long.slice(0, -1)}c`;
  assert.equal(long.length, 79);
  assert.ok(stageIdOfEvent(long).length <= 64);
  assert.ok(stageIdOfEvent(long).startsWith("a-b-b"));
  assert.notEqual(stageIdOfEvent(long), stageIdOfEvent(other));
});

describe("an event's live-video grant with Janus", { skip: JANUS_SKIP }, () => {
  const [first] = databaseTargets();
  test("the presenter's grant opens the stage and may publish; the viewer's may only watch", () =>
    withDatabase(first as NonNullable<typeof first>, async (database) => {
      const media = createStageMedia(testJanusSettings());
      const suffix = Math.random().toString(36).slice(2, 8);
      const w = await liveWorld(database, media, suffix);
      const stageId = stageIdOfEvent(w.ids.show);
      try {
        const published = await w.ask(w.ids.show, "publish", w.cookies.owner);
        assert.equal(published.status, 200, JSON.stringify(published.json));
        const grant = StagePublishGrant.parse(published.json);
        assert.equal(grant.room, `vitrine-stage-${stageId}`);
        assert.ok(await media.isOpen(stageId), "the presenter's grant opened the stage's room");
        const again = StagePublishGrant.parse((await w.ask(w.ids.show, "publish", w.cookies.owner)).json);
        assert.equal(again.feedId, grant.feedId, "one presenter keeps one feed");
        const watched = await w.ask(w.ids.show, "watch", w.cookies.shopper);
        assert.equal(watched.status, 200, JSON.stringify(watched.json));
        const view = StageWatchGrant.parse(watched.json);
        assert.equal(view.room, grant.room);
        assert.equal("publishToken" in view, false, "a viewer's grant cannot publish");
        assert.equal(
          await w.refusalOf(w.ids.show, "publish", w.cookies.shopper),
          "403 forbidden/not_presenter",
        );
      } finally {
        await media.closeStage(stageId).catch(() => {});
        await w.close();
      }
    }));
});
