/**
 * A presenter's camera and microphone into the stage's Janus VideoRoom: joins with the grant's feed
 * id, pin and allow-list token, offers audio + video, and applies Janus' answer. Framework-free; see
 * useStagePublisher.ts for React.
 */
import type { JanusJS } from "janus-gateway";
import type { StagePublishGrant } from "../../../shared/media.ts";
import { attachPlugin, openJanusSession } from "./janusLoader.ts";

export type PublisherState = "connecting" | "live" | "failed" | "stopped";

export type StagePublisher = {
  /** The local camera and microphone (show it muted as the presenter's preview). */
  readonly localStream: MediaStream;
  state(): PublisherState;
  setMicrophoneEnabled(on: boolean): void;
  setCameraEnabled(on: boolean): void;
  peerConnection(): RTCPeerConnection | null;
  /** Unpublishes, leaves the room and releases camera and microphone. */
  stop(): void;
};

export type PublishOptions = {
  onState?: (state: PublisherState, detail?: string) => void;
  /** Capture constraints (defaults: 640×360 at 24 fps, which a stage screen needs). */
  video?: MediaTrackConstraints;
};

/** Starts publishing; resolves once Janus accepted the offer (state "live" follows with ICE). */
export async function publishToStage(
  grant: StagePublishGrant,
  options: PublishOptions = {},
): Promise<StagePublisher> {
  let current: PublisherState = "connecting";
  const setState = (s: PublisherState, detail?: string) => {
    current = s;
    options.onState?.(s, detail);
  };
  const localStream = await navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: true, noiseSuppression: true },
    video: options.video ?? { width: 640, height: 360, frameRate: 24 },
  });
  const session = await openJanusSession(grant);
  let handle: JanusJS.PluginHandle | null = null;
  const answered = new Promise<void>((resolve, reject) => {
    void attachPlugin(session, {
      iceState: (s) => {
        if (s === "connected") setState("live");
        if (s === "failed") setState("failed", "ice");
      },
      onmessage: (message, jsep) => {
        if (message.error) {
          reject(new Error(`Janus refused to publish: ${message.error}`));
          return;
        }
        if (message.videoroom === "joined" && handle) offer(handle, localStream, reject);
        if (jsep && handle)
          handle.handleRemoteJsep({ jsep, success: () => resolve(), error: (e) => reject(new Error(e)) });
      },
    }).then((h) => {
      handle = h;
      h.send({
        message: {
          request: "join",
          ptype: "publisher",
          room: grant.room,
          pin: grant.pin,
          id: grant.feedId,
          display: grant.display,
          token: grant.publishToken,
        },
      });
    }, reject);
  });
  try {
    await answered;
  } catch (error) {
    for (const track of localStream.getTracks()) track.stop();
    session.destroy({});
    setState("failed", String(error));
    throw error;
  }
  return {
    localStream,
    state: () => current,
    setMicrophoneEnabled: (on) => {
      for (const t of localStream.getAudioTracks()) t.enabled = on;
    },
    // A disabled track sends black frames: the feed stays up, so viewers need no renegotiation.
    setCameraEnabled: (on) => {
      for (const t of localStream.getVideoTracks()) t.enabled = on;
    },
    peerConnection: () => handle?.webrtcStuff.pc ?? null,
    stop: () => {
      handle?.send({ message: { request: "unpublish" } });
      for (const track of localStream.getTracks()) track.stop();
      session.destroy({});
      setState("stopped");
    },
  };
}

function offer(handle: JanusJS.PluginHandle, stream: MediaStream, reject: (e: Error) => void): void {
  const [audio] = stream.getAudioTracks();
  const [video] = stream.getVideoTracks();
  const tracks: JanusJS.TrackOption[] = [];
  if (audio) tracks.push({ type: "audio", capture: audio, recv: false });
  if (video) tracks.push({ type: "video", capture: video, recv: false });
  handle.createOffer({
    tracks,
    success: (jsep) => handle.send({ message: { request: "publish" }, jsep }),
    error: (error) => reject(error instanceof Error ? error : new Error(String(error))),
  });
}
