/**
 * A peer-to-peer call for two or three people (a full mesh of PeerLinks), signalled through an
 * injected transport — the appointment salon sends the shared/media.ts messages through its Colyseus
 * room, which sets `from` itself. Camera and microphone are captured once and shared by every link.
 * Framework-free; see usePeerCall.ts for React.
 */
import {
  CALL_MAX_PEERS,
  type CallSignal,
  CallSignalFromPeer,
  type CallSignalToPeer,
  type IceServers,
  isPoliteTowards,
} from "../../../shared/media.ts";
import { createPeerLink, type PeerLink } from "./peerLink.ts";

/** How signals leave and arrive; the room behind it relays them between the call's peers. */
export type CallTransport = {
  send(message: CallSignalToPeer): void;
  /** Registers the handler for incoming signals; returns the unsubscribe. */
  subscribe(onMessage: (message: unknown) => void): () => void;
};

export type PeerCallEvents = {
  onRemoteStream?(peerId: string, stream: MediaStream): void;
  onPeerState?(peerId: string, state: RTCPeerConnectionState): void;
  onPeerMedia?(peerId: string, media: { audio: boolean; video: boolean }): void;
  onPeerLeft?(peerId: string): void;
};

export type PeerCallOptions = PeerCallEvents & {
  /** This person's id in the room (the room's session id). */
  selfId: string;
  transport: CallTransport;
  /** From the server (ICE_SERVERS); empty means host candidates only. */
  iceServers: IceServers;
  /** Capture constraints for the camera (default 640×360). */
  video?: MediaTrackConstraints;
};

export type PeerCall = {
  readonly localStream: MediaStream;
  /** Calls a peer who is in the room (both sides may call: perfect negotiation sorts it out). */
  connect(peerId: string): void;
  /** Ends the link to one peer, telling them. */
  disconnect(peerId: string): void;
  peers(): string[];
  link(peerId: string): PeerLink | undefined;
  setMicrophoneEnabled(on: boolean): void;
  /** Off releases the camera (its light goes out); on captures it again. */
  setCameraEnabled(on: boolean): Promise<void>;
  /** Restarts ICE with one peer, or all. */
  restartIce(peerId?: string): void;
  /** Leaves the call: tells every peer, closes every link, releases camera and microphone. */
  hangUp(): void;
};

export async function createPeerCall(options: PeerCallOptions): Promise<PeerCall> {
  const videoConstraints = options.video ?? { width: 640, height: 360, frameRate: 24 };
  // Listen before the camera is captured: a peer who already knows of us may offer while
  // getUserMedia is still pending (a permission prompt, a slow camera); that offer is kept and
  // applied once the stream exists, instead of being lost to a transport nobody listened to yet.
  let handle: ((raw: unknown) => void) | null = null;
  const early: unknown[] = [];
  const unsubscribe = options.transport.subscribe((raw) => (handle ? handle(raw) : early.push(raw)));
  let localStream: MediaStream;
  try {
    localStream = await navigator.mediaDevices.getUserMedia({ audio: true, video: videoConstraints });
  } catch (error) {
    unsubscribe();
    throw error;
  }
  const links = new Map<string, PeerLink>();
  const media = { audio: true, video: true };
  const sendTo = (to: string, signal: CallSignal) => options.transport.send({ to, signal });

  const open = (peerId: string): PeerLink | undefined => {
    const existing = links.get(peerId);
    if (existing) return existing;
    if (peerId === options.selfId || links.size >= CALL_MAX_PEERS - 1) return undefined;
    const link = createPeerLink({
      peerId,
      polite: isPoliteTowards(options.selfId, peerId),
      iceServers: options.iceServers,
      localStream,
      send: (signal) => sendTo(peerId, signal),
      onRemoteStream: (stream) => options.onRemoteStream?.(peerId, stream),
      onState: (state) => options.onPeerState?.(peerId, state),
      onRemoteMedia: (m) => options.onPeerMedia?.(peerId, m),
      onHangUp: () => close(peerId),
    });
    links.set(peerId, link);
    // Let the new peer know straight away if this side's camera or microphone is off.
    if (!media.audio || !media.video) sendTo(peerId, { type: "media", ...media });
    return link;
  };
  const close = (peerId: string) => {
    const link = links.get(peerId);
    if (!link) return;
    links.delete(peerId);
    link.close();
    options.onPeerLeft?.(peerId);
  };
  handle = (raw) => {
    const parsed = CallSignalFromPeer.safeParse(raw);
    if (!parsed.success) return;
    const { from, signal } = parsed.data;
    // Only a description opens a link from the other side; strays for closed links are dropped.
    const link = signal.type === "offer" ? open(from) : links.get(from);
    void link?.receive(signal);
  };
  for (const raw of early.splice(0)) handle(raw);
  const announceMedia = () => {
    for (const peerId of links.keys()) sendTo(peerId, { type: "media", ...media });
  };

  return {
    localStream,
    connect: (peerId) => void open(peerId),
    disconnect(peerId) {
      if (links.has(peerId)) sendTo(peerId, { type: "hangup", reason: "left" });
      close(peerId);
    },
    peers: () => [...links.keys()],
    link: (peerId) => links.get(peerId),
    setMicrophoneEnabled(on) {
      for (const track of localStream.getAudioTracks()) track.enabled = on;
      media.audio = on;
      announceMedia();
    },
    async setCameraEnabled(on) {
      if (on === media.video) return;
      if (!on) {
        for (const track of localStream.getVideoTracks()) {
          track.stop();
          localStream.removeTrack(track);
        }
        await Promise.all([...links.values()].map((l) => l.replaceTrack("video", null)));
      } else {
        const captured = await navigator.mediaDevices.getUserMedia({ video: videoConstraints });
        const [track] = captured.getVideoTracks();
        if (!track) return;
        localStream.addTrack(track);
        await Promise.all([...links.values()].map((l) => l.replaceTrack("video", track)));
      }
      media.video = on;
      announceMedia();
    },
    restartIce(peerId) {
      for (const [id, link] of links) if (!peerId || id === peerId) link.restartIce();
    },
    hangUp() {
      for (const peerId of [...links.keys()]) {
        sendTo(peerId, { type: "hangup", reason: "left" });
        close(peerId);
      }
      unsubscribe();
      for (const track of localStream.getTracks()) track.stop();
    },
  };
}
