/**
 * The stage's Janus room for real (TEST_JANUS_URL): the server opens a room, a presenter's grant
 * joins as a publisher, a viewer's grant (as a browser would use it: token, no API secret) cannot
 * publish nor manage rooms, revoking sends the presenter out, and closing the room ends it.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { type JanusCredentials, withSession } from "../../server/media/janusHttp.ts";
import { signJanusToken, VIDEOROOM_PLUGIN } from "../../server/media/janusToken.ts";
import { MediaError } from "../../server/media/mediaError.ts";
import { createStageMedia, type StageMedia } from "../../server/media/stageMedia.ts";
import { janusCode, VIDEOROOM_NO_SUCH_ROOM, VIDEOROOM_UNAUTHORIZED } from "../../server/media/videoroom.ts";
import { MediaErrorCode, type MediaGrant } from "../../shared/media.ts";
import { JANUS_SKIP, testJanusSettings } from "../helpers/janus.ts";

/**
 * Joins the grant's room as a publisher the way janus.js would, with only what a browser holds, runs
 * `whileJoined` (if given) before leaving, and returns the join's answer and what `whileJoined` gave.
 */
async function joinAsPublisher<T>(
  media: StageMedia,
  grant: MediaGrant,
  publishToken: string | undefined,
  whileJoined: () => Promise<T>,
): Promise<{ joined: Record<string, unknown> | undefined; during: T }>;
async function joinAsPublisher(media: StageMedia, grant: MediaGrant, publishToken?: string): Promise<unknown>;
async function joinAsPublisher<T>(
  media: StageMedia,
  grant: MediaGrant,
  publishToken?: string,
  whileJoined?: () => Promise<T>,
) {
  const credentials: JanusCredentials = grant.token ? { token: grant.token } : {};
  return withSession({ baseUrl: media.settings.janusUrl, credentials }, async (session) => {
    const handle = await session.attach(VIDEOROOM_PLUGIN);
    const event = await handle.send({
      request: "join",
      ptype: "publisher",
      room: grant.room,
      pin: grant.pin,
      display: grant.display,
      ...(grant.type === "publish" ? { id: grant.feedId } : {}),
      ...(publishToken ? { token: publishToken } : {}),
    });
    return { joined: event.plugindata?.data, during: whileJoined ? await whileJoined() : undefined };
  });
}

async function refusal(promise: Promise<unknown>): Promise<MediaError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof MediaError, `expected a MediaError, got ${String(error)}`);
    return error;
  }
  assert.fail("expected a refusal");
}

describe("a stage's Janus room", { skip: JANUS_SKIP }, () => {
  let media: StageMedia;
  const stageId = `it-${randomUUID().slice(0, 8)}`;

  before(() => {
    media = createStageMedia(testJanusSettings());
  });
  after(async () => {
    await media?.closeStage(stageId);
  });

  test("Janus is reachable and says its version; a wrong URL is reported unreachable", async () => {
    assert.deepEqual(await media.status(), { available: true, version: "1.1.2" });
    const nowhere = createStageMedia({ ...testJanusSettings(), janusUrl: "http://127.0.0.1:9/janus" });
    assert.deepEqual(await nowhere.status(), { available: false, reason: "unreachable" });
  });

  test("opening is idempotent; a bad stage id is refused before Janus is asked", async () => {
    assert.equal((await media.openStage(stageId)).created, true);
    assert.equal((await media.openStage(stageId)).created, false);
    assert.equal(await media.isOpen(stageId), true);
    const bad = await refusal(media.openStage("../etc"));
    assert.equal(bad.code, MediaErrorCode.invalidRequest);
  });

  test("a viewer cannot publish; a presenter can, until revoked", async () => {
    const viewer = media.grantViewer(stageId, { display: "Viewer" });
    assert.equal(viewer.type, "watch");
    const denied = await refusal(joinAsPublisher(media, viewer));
    assert.equal(janusCode(denied), VIDEOROOM_UNAUTHORIZED);
    assert.match(denied.message, /not in the allowed list/);
    const guessed = await refusal(joinAsPublisher(media, viewer, "a-guessed-token-that-is-long"));
    assert.equal(janusCode(guessed), VIDEOROOM_UNAUTHORIZED);

    const presenter = await media.grantPresenter(stageId, {
      participantId: "account-42",
      display: "Presenter",
    });
    // Wrong pin: the publish token alone does not open the room.
    const wrongPin = await refusal(
      joinAsPublisher(media, { ...presenter, pin: "nope" }, presenter.publishToken),
    );
    assert.equal(janusCode(wrongPin), VIDEOROOM_UNAUTHORIZED);
    // The presenter stays in the room (its session open) while the server revokes it.
    const seen = await joinAsPublisher(media, presenter, presenter.publishToken, async () => {
      const inRoom = (await media.participants(stageId)).map((p) => p.id);
      await media.revokePresenter(stageId, "account-42");
      const afterRevoke = (await media.participants(stageId)).map((p) => p.id);
      return { inRoom, afterRevoke };
    });
    assert.equal(seen.joined?.videoroom, "joined");
    assert.equal(seen.joined?.id, presenter.feedId);
    assert.deepEqual(seen.during, { inRoom: [presenter.feedId], afterRevoke: [] });
    const revoked = await refusal(joinAsPublisher(media, presenter, presenter.publishToken));
    assert.match(revoked.message, /not in the allowed list/);
  });

  test("without credentials, with an expired token or a viewer's token, Janus refuses to manage rooms", async () => {
    const anonymous = await refusal(
      withSession({ baseUrl: media.settings.janusUrl, credentials: {} }, async () => 0),
    );
    assert.equal(anonymous.code, MediaErrorCode.refused);
    const expired = signJanusToken(media.settings.tokenSecret, new Date(Date.now() - 60_000), [
      VIDEOROOM_PLUGIN,
    ]);
    await refusal(
      withSession({ baseUrl: media.settings.janusUrl, credentials: { token: expired } }, async () => 0),
    );
    const forged = signJanusToken("not-the-secret", new Date(Date.now() + 60_000), [VIDEOROOM_PLUGIN]);
    await refusal(
      withSession({ baseUrl: media.settings.janusUrl, credentials: { token: forged } }, async () => 0),
    );

    const viewer = media.grantViewer(stageId, { display: "Viewer" });
    const create = await refusal(
      withSession(
        { baseUrl: media.settings.janusUrl, credentials: { token: viewer.token ?? "" } },
        async (s) => {
          const handle = await s.attach(VIDEOROOM_PLUGIN);
          return handle.request({ request: "create", room: "vitrine-stage-rogue" });
        },
      ),
    );
    assert.equal(create.code, MediaErrorCode.refused);
    const destroy = await refusal(
      withSession(
        { baseUrl: media.settings.janusUrl, credentials: { token: viewer.token ?? "" } },
        async (s) => {
          const handle = await s.attach(VIDEOROOM_PLUGIN);
          return handle.request({ request: "destroy", room: viewer.room, secret: "guess" });
        },
      ),
    );
    assert.equal(create.code, destroy.code);
  });

  test("closing the stage destroys the room: nobody can join it any more", async () => {
    await media.closeStage(stageId);
    assert.equal(await media.isOpen(stageId), false);
    const viewer = media.grantViewer(stageId, { display: "Late" });
    const gone = await refusal(joinAsPublisher(media, viewer));
    assert.equal(janusCode(gone), VIDEOROOM_NO_SUCH_ROOM);
    await media.closeStage(stageId);
  });
});
