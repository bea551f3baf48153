/**
 * VideoRoom requests a stage needs, each in its own short Janus session: create and destroy a room,
 * edit its allow-list, kick a participant, list participants, and join one as a hidden observer (to
 * read a publisher's streams before cascading them). Secrets come from stageSecrets.ts.
 */
import { MediaErrorCode } from "../../shared/media.ts";
import { ListedPublisher, Participants } from "./janusAnswers.ts";
import { type JanusEndpoint, type JanusHandle, withSession } from "./janusHttp.ts";
import { VIDEOROOM_PLUGIN } from "./janusToken.ts";
import { MediaError } from "./mediaError.ts";
import { roomPin, roomSecret } from "./stageSecrets.ts";

/** VideoRoom error codes this code reacts to (janus_videoroom.c). */
export const VIDEOROOM_NO_SUCH_ROOM = 426;
export const VIDEOROOM_ROOM_EXISTS = 427;
export const VIDEOROOM_NO_SUCH_FEED = 428;
export const VIDEOROOM_UNAUTHORIZED = 433;

/** How a stage's room is shaped. */
export type StageRoomOptions = {
  /** People who may publish at once: the presenters plus a viewer invited on stage (default 3). */
  maxPublishers?: number;
  /** Cap of each publisher's video bitrate in bit/s (default 1.2 Mbit/s). */
  videoBitrate?: number;
  description?: string;
};

/** A VideoRoom client bound to one Janus and its API secret (used for the admin key too). */
export type Videoroom = { endpoint: JanusEndpoint; apiSecret: string };

export function janusCode(error: unknown): number | null {
  return error instanceof MediaError && typeof error.details.janusCode === "number"
    ? error.details.janusCode
    : null;
}

/** Runs synchronous VideoRoom requests on one handle of a fresh session. */
export function withVideoroom<T>(vr: Videoroom, work: (handle: JanusHandle) => Promise<T>): Promise<T> {
  return withSession(vr.endpoint, async (session) => work(await session.attach(VIDEOROOM_PLUGIN)));
}

/** Creates the room; an existing room of that id is left as it is. Returns whether it was created. */
export async function createRoom(
  vr: Videoroom,
  room: string,
  options: StageRoomOptions = {},
): Promise<boolean> {
  try {
    await withVideoroom(vr, (h) =>
      h.request({
        request: "create",
        room,
        admin_key: vr.apiSecret,
        description: options.description ?? room,
        secret: roomSecret(vr.apiSecret, room),
        pin: roomPin(vr.apiSecret, room),
        is_private: true,
        permanent: false,
        publishers: options.maxPublishers ?? 3,
        bitrate: options.videoBitrate ?? 1_200_000,
        bitrate_cap: true,
        fir_freq: 10,
        audiocodec: "opus",
        videocodec: "vp8,h264",
        // An empty allow-list turns the check on: only listed tokens may join as publishers.
        allowed: [],
        notify_joining: false,
      }),
    );
    return true;
  } catch (error) {
    if (janusCode(error) === VIDEOROOM_ROOM_EXISTS) return false;
    throw error;
  }
}

/** Destroys the room (everyone in it is told and leaves); a room already gone is fine. */
export async function destroyRoom(vr: Videoroom, room: string): Promise<void> {
  try {
    await withVideoroom(vr, (h) =>
      h.request({ request: "destroy", room, secret: roomSecret(vr.apiSecret, room) }),
    );
  } catch (error) {
    if (janusCode(error) !== VIDEOROOM_NO_SUCH_ROOM) throw error;
  }
}

export async function roomExists(vr: Videoroom, room: string): Promise<boolean> {
  const data = await withVideoroom(vr, (h) => h.request({ request: "exists", room }));
  return data.exists === true;
}

/** Adds or removes allow-list entries (who may join as a publisher). */
export async function editAllowed(vr: Videoroom, room: string, action: "add" | "remove", tokens: string[]) {
  await withVideoroom(vr, (h) =>
    h.request({ request: "allowed", room, secret: roomSecret(vr.apiSecret, room), action, allowed: tokens }),
  );
}

/** Sends a participant out of the room; one not in it is fine. */
export async function kick(vr: Videoroom, room: string, feedId: string): Promise<void> {
  try {
    await withVideoroom(vr, (h) =>
      h.request({ request: "kick", room, secret: roomSecret(vr.apiSecret, room), id: feedId }),
    );
  } catch (error) {
    if (janusCode(error) !== VIDEOROOM_NO_SUCH_FEED) throw error;
  }
}

export async function listParticipants(vr: Videoroom, room: string): Promise<Participants["participants"]> {
  const data = await withVideoroom(vr, (h) => h.request({ request: "listparticipants", room }));
  const parsed = Participants.safeParse(data);
  if (!parsed.success)
    throw new MediaError(MediaErrorCode.invalidAnswer, "Janus listed participants oddly.", { data });
  return parsed.data.participants;
}

/**
 * Joins as a publisher that never publishes, with an allow-list entry of its own, to read the
 * publishers' streams (which `listparticipants` does not give), then leaves with the session.
 */
export async function observePublishers(
  vr: Videoroom,
  room: string,
  observerToken: string,
): Promise<ListedPublisher[]> {
  await editAllowed(vr, room, "add", [observerToken]);
  try {
    const joined = await withVideoroom(vr, (h) =>
      h.send({
        request: "join",
        ptype: "publisher",
        room,
        pin: roomPin(vr.apiSecret, room),
        token: observerToken,
        display: "vitrine-observer",
      }),
    );
    const listed = ListedPublisher.array().safeParse(joined.plugindata?.data.publishers ?? []);
    if (!listed.success) throw new MediaError(MediaErrorCode.invalidAnswer, "Janus listed publishers oddly.");
    return listed.data;
  } finally {
    await editAllowed(vr, room, "remove", [observerToken]);
  }
}

/** The VideoRoom client for a Janus given by its settings (HTTP API URL and API secret). */
export function videoroomOf(settings: { janusUrl: string; apiSecret: string }): Videoroom {
  return {
    endpoint: { baseUrl: settings.janusUrl, credentials: { apiSecret: settings.apiSecret } },
    apiSecret: settings.apiSecret,
  };
}
