/**
 * The event stage's media, as the events domain uses it: one Janus VideoRoom per stage, grants that
 * let a presenter publish and viewers watch, and whether Janus is reachable at all. Without
 * JANUS_URL there is no StageMedia (`stageMediaFromConfig` gives null) and events run without video.
 *
 * Who may do what: a viewer's grant holds a short-lived signed token (opens the VideoRoom plugin
 * only) and the room's pin (this room only) — joining as a publisher needs an allow-list entry as
 * well, which only presenters' grants carry, so a viewer cannot publish. Creating rooms needs the
 * admin key, editing them the room secret: both stay on the server.
 */
import {
  type IceServers,
  type MediaStatus,
  type StagePublishGrant,
  StagePublishGrant as StagePublishGrantSchema,
  type StageRoomId,
  type StageWatchGrant,
  StageWatchGrant as StageWatchGrantSchema,
} from "../../shared/media.ts";
import type { Config } from "../config.ts";
import { janusInfo } from "./janusHttp.ts";
import { signJanusToken, VIDEOROOM_PLUGIN } from "./janusToken.ts";
import { MediaError } from "./mediaError.ts";
import { presenterFeedId, publishToken, roomPin, stageRoomId } from "./stageSecrets.ts";
import {
  createRoom,
  destroyRoom,
  editAllowed,
  kick,
  listParticipants,
  roomExists,
  type StageRoomOptions,
  videoroomOf,
} from "./videoroom.ts";

/** Where one Janus is and the secrets it was started with. */
export type StageMediaSettings = {
  /** Janus' HTTP API, e.g. http://127.0.0.1:8088/janus (JANUS_URL). */
  janusUrl: string;
  /** What browsers connect to (JANUS_PUBLIC_URL), e.g. wss://media.example.com/janus. */
  publicUrl: string;
  apiSecret: string;
  tokenSecret: string;
  iceServers: IceServers;
  /** Clock for token expiry (tests pass their own). */
  now?: () => Date;
};

/** Who a grant is for: a stable id (account or session) for presenters, and the name shown. */
export type GrantHolder = { participantId: string; display: string };

/** Default life of a grant's token: long enough for a show, short enough to be worthless after. */
export const DEFAULT_GRANT_SECONDS = 6 * 3600;

export type StageMedia = {
  readonly settings: StageMediaSettings;
  /** Whether Janus answers, and its version. Never throws. */
  status(): Promise<MediaStatus>;
  /** Creates the stage's room (idempotent). */
  openStage(stageId: string, options?: StageRoomOptions): Promise<{ room: StageRoomId; created: boolean }>;
  /** Destroys the stage's room; everyone in it leaves. */
  closeStage(stageId: string): Promise<void>;
  isOpen(stageId: string): Promise<boolean>;
  /** A presenter's grant: adds them to the room's allow-list. The room must be open. */
  grantPresenter(stageId: string, holder: GrantHolder, validForSeconds?: number): Promise<StagePublishGrant>;
  /** A viewer's grant: watch only. */
  grantViewer(
    stageId: string,
    holder: Pick<GrantHolder, "display">,
    validForSeconds?: number,
  ): StageWatchGrant;
  /** Takes a presenter's right to publish away and sends their feed out of the room. */
  revokePresenter(stageId: string, participantId: string): Promise<void>;
  /** Participants of the stage's room (publishing or not). */
  participants(stageId: string): ReturnType<typeof listParticipants>;
};

/** A StageMedia for one Janus. */
export function createStageMedia(settings: StageMediaSettings): StageMedia {
  const now = settings.now ?? (() => new Date());
  const vr = videoroomOf(settings);
  const common = (room: StageRoomId, display: string, validForSeconds: number) => {
    const expiresAt = new Date(now().getTime() + validForSeconds * 1000);
    return {
      server: settings.publicUrl,
      token: signJanusToken(settings.tokenSecret, expiresAt, [VIDEOROOM_PLUGIN]),
      room,
      pin: roomPin(settings.apiSecret, room),
      display,
      iceServers: settings.iceServers,
      expiresAt: expiresAt.toISOString(),
    };
  };
  return {
    settings,
    async status() {
      try {
        const info = await janusInfo(vr.endpoint);
        return { available: true, version: info.version_string };
      } catch (error) {
        if (error instanceof MediaError) return { available: false, reason: "unreachable" };
        throw error;
      }
    },
    async openStage(stageId, options) {
      const room = stageRoomId(stageId);
      const created = await createRoom(vr, room, { description: `Vitrine stage ${stageId}`, ...options });
      return { room, created };
    },
    closeStage: (stageId) => destroyRoom(vr, stageRoomId(stageId)),
    isOpen: (stageId) => roomExists(vr, stageRoomId(stageId)),
    async grantPresenter(stageId, holder, validForSeconds = DEFAULT_GRANT_SECONDS) {
      const room = stageRoomId(stageId);
      const feedId = presenterFeedId(settings.apiSecret, room, holder.participantId);
      const token = publishToken(settings.apiSecret, room, feedId);
      await editAllowed(vr, room, "add", [token]);
      return StagePublishGrantSchema.parse({
        type: "publish",
        ...common(room, holder.display, validForSeconds),
        feedId,
        publishToken: token,
      });
    },
    grantViewer(stageId, holder, validForSeconds = DEFAULT_GRANT_SECONDS) {
      return StageWatchGrantSchema.parse({
        type: "watch",
        ...common(stageRoomId(stageId), holder.display, validForSeconds),
      });
    },
    async revokePresenter(stageId, participantId) {
      const room = stageRoomId(stageId);
      const feedId = presenterFeedId(settings.apiSecret, room, participantId);
      await editAllowed(vr, room, "remove", [publishToken(settings.apiSecret, room, feedId)]);
      await kick(vr, room, feedId);
    },
    participants: (stageId) => listParticipants(vr, stageRoomId(stageId)),
  };
}

/** The StageMedia this process's configuration describes, or null without JANUS_URL. */
export function stageMediaFromConfig(config: Config): StageMedia | null {
  if (!config.JANUS_URL || !config.JANUS_API_SECRET || !config.JANUS_TOKEN_SECRET) return null;
  return createStageMedia({
    janusUrl: config.JANUS_URL,
    publicUrl: config.JANUS_PUBLIC_URL ?? config.JANUS_URL,
    apiSecret: config.JANUS_API_SECRET,
    tokenSecret: config.JANUS_TOKEN_SECRET,
    iceServers: config.ICE_SERVERS,
  });
}
