/**
 * A viewer of a stage: waits for a presenter to publish in the grant's room (on the origin Janus or a
 * relay), subscribes to all their streams and hands a MediaStream to the page; when the presenter
 * leaves or ICE fails, it waits and subscribes again. Framework-free; see useStageVideo.ts for React.
 */
import type { JanusJS } from "janus-gateway";
import type { StageWatchGrant } from "../../../shared/media.ts";
import { attachPlugin, openJanusSession, pluginRequest } from "./janusLoader.ts";

export type ViewerState = "waiting" | "connecting" | "watching" | "stopped";

export type StageViewer = {
  state(): ViewerState;
  /** The presenter's audio and video (empty until watching); attach it to a <video>. */
  readonly stream: MediaStream;
  peerConnection(): RTCPeerConnection | null;
  stop(): void;
};

export type WatchOptions = {
  onState?: (state: ViewerState) => void;
  /** Called whenever the stream's tracks change. */
  onStream?: (stream: MediaStream) => void;
  /** How often to look for a presenter while nobody publishes (ms). */
  pollMs?: number;
};

type Participant = { id: string; publisher: boolean };

/** Starts watching; resolves as soon as the session is open (the state says the rest). */
export async function watchStage(grant: StageWatchGrant, options: WatchOptions = {}): Promise<StageViewer> {
  const session = await openJanusSession(grant);
  const probe = await attachPlugin(session, {});
  const stream = new MediaStream();
  let current: ViewerState = "waiting";
  let stopped = false;
  let active: JanusJS.PluginHandle | null = null;
  const setState = (s: ViewerState) => {
    current = s;
    options.onState?.(s);
  };
  const findPresenter = async (): Promise<string | null> => {
    const data = await pluginRequest(probe, { request: "listparticipants", room: grant.room });
    const participants = Array.isArray(data.participants) ? (data.participants as Participant[]) : [];
    return participants.find((p) => p.publisher)?.id ?? null;
  };
  const loop = async () => {
    while (!stopped) {
      const feed = await findPresenter().catch(() => null);
      if (!feed) {
        await new Promise((r) => setTimeout(r, options.pollMs ?? 1500));
        continue;
      }
      setState("connecting");
      await subscribeOnce(session, grant, feed, stream, {
        onHandle: (h) => {
          active = h;
        },
        onWatching: () => setState("watching"),
        onStream: () => options.onStream?.(stream),
      });
      active = null;
      for (const track of stream.getTracks()) stream.removeTrack(track);
      options.onStream?.(stream);
      if (!stopped) setState("waiting");
    }
  };
  void loop();
  return {
    state: () => current,
    stream,
    peerConnection: () => (active as JanusJS.PluginHandle | null)?.webrtcStuff.pc ?? null,
    stop: () => {
      stopped = true;
      session.destroy({});
      setState("stopped");
    },
  };
}

type SubscribeHooks = {
  onHandle(h: JanusJS.PluginHandle): void;
  onWatching(): void;
  onStream(): void;
};

/** One subscription to `feed`; resolves when it ends (feed gone, ICE failed, handle cleaned up). */
async function subscribeOnce(
  session: JanusJS.Janus,
  grant: StageWatchGrant,
  feed: string,
  stream: MediaStream,
  hooks: SubscribeHooks,
): Promise<void> {
  let end: () => void = () => {};
  const ended = new Promise<void>((resolve) => {
    end = resolve;
  });
  let handle: JanusJS.PluginHandle | null = null;
  handle = await attachPlugin(session, {
    iceState: (s) => {
      if (s === "connected") hooks.onWatching();
      if (s === "failed") end();
    },
    onmessage: (message, jsep) => {
      const streams = Array.isArray(message.streams)
        ? (message.streams as Array<{ active?: boolean }>)
        : null;
      const feedGone = message.unpublished !== undefined || message.leaving !== undefined;
      if (message.error || feedGone || streams?.every((s) => s.active === false)) {
        end();
        return;
      }
      const h = handle;
      if (jsep && h) {
        h.createAnswer({
          jsep,
          tracks: [{ type: "data", capture: false }],
          success: (answer) => h.send({ message: { request: "start", room: grant.room }, jsep: answer }),
          error: () => end(),
        });
      }
    },
    onremotetrack: (track, _mid, on) => {
      if (on && !stream.getTrackById(track.id)) stream.addTrack(track);
      if (!on && stream.getTrackById(track.id)) stream.removeTrack(track);
      hooks.onStream();
    },
    oncleanup: () => end(),
  }).catch(() => null);
  if (!handle) return;
  hooks.onHandle(handle);
  handle.send({
    message: { request: "join", ptype: "subscriber", room: grant.room, pin: grant.pin, streams: [{ feed }] },
    error: () => end(),
  });
  await ended;
  handle.detach({});
}
