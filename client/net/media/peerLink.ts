/**
 * One RTCPeerConnection to one other person, negotiated with the "perfect negotiation" pattern: both
 * sides may offer at any time (adding a peer, ICE restarts, track changes); when offers collide the
 * polite side (isPoliteTowards) rolls back and answers, the impolite side ignores the other's offer.
 * Signals are applied strictly in arrival order. ICE that fails (or stays disconnected) is restarted.
 */
import type { CallSignal } from "../../../shared/media.ts";

/** Seconds an ICE "disconnected" may last before this side restarts ICE (it often recovers alone). */
const DISCONNECTED_GRACE_MS = 4_000;
/** How long a link may stay at "new" before this side repeats its offer (see stallWatch). */
const STALL_MS = 6_000;

export type PeerLinkOptions = {
  peerId: string;
  polite: boolean;
  iceServers: RTCIceServer[];
  localStream: MediaStream;
  send(signal: CallSignal): void;
  onRemoteStream(stream: MediaStream): void;
  onState(state: RTCPeerConnectionState): void;
  onRemoteMedia(media: { audio: boolean; video: boolean }): void;
  onHangUp(): void;
};

export type PeerLink = {
  readonly pc: RTCPeerConnection;
  readonly remoteStream: MediaStream;
  /** Applies a signal from the peer (queued behind earlier ones). */
  receive(signal: CallSignal): Promise<void>;
  /** Renegotiates ICE from this side (e.g. after the signalling channel came back). */
  restartIce(): void;
  /** Swaps the outgoing track of a kind (null: send nothing), without renegotiation. */
  replaceTrack(kind: "audio" | "video", track: MediaStreamTrack | null): Promise<void>;
  /** How many ICE restarts this link has made (for tests and diagnostics). */
  iceRestarts(): number;
  close(): void;
};

export function createPeerLink(options: PeerLinkOptions): PeerLink {
  const pc = new RTCPeerConnection({ iceServers: options.iceServers });
  const remoteStream = new MediaStream();
  let makingOffer = false;
  let ignoreOffer = false;
  let settingRemoteAnswer = false;
  let restarts = 0;
  let disconnectedTimer: ReturnType<typeof setTimeout> | null = null;
  let queue: Promise<void> = Promise.resolve();

  for (const track of options.localStream.getTracks()) pc.addTrack(track, options.localStream);

  /**
   * Sends the description just set, with its own type. An argument-less setLocalDescription makes
   * an answer when the peer's offer got in first (its setRemoteDescription was queued on the
   * connection before ours): sent as an "offer", the impolite peer ignored it and both sides
   * stayed unconnected (seen in CI as a call stuck at "new").
   */
  const sendLocalDescription = () => {
    const local = pc.localDescription;
    if (local && (local.type === "offer" || local.type === "answer"))
      options.send({ type: local.type, sdp: local.sdp });
  };

  const restartIce = () => {
    restarts += 1;
    pc.restartIce();
  };
  pc.onnegotiationneeded = async () => {
    try {
      makingOffer = true;
      await pc.setLocalDescription();
      sendLocalDescription();
    } catch {
      // A newer negotiation supersedes this one; the next negotiationneeded tries again.
    } finally {
      makingOffer = false;
    }
  };
  pc.onicecandidate = ({ candidate }) => {
    // The end of candidates is implicit for the receiver (it stops being told of new ones).
    if (!candidate) return;
    const { sdpMid, sdpMLineIndex, usernameFragment } = candidate;
    options.send({
      type: "candidate",
      candidate: { candidate: candidate.candidate, sdpMid, sdpMLineIndex, usernameFragment },
    });
  };
  pc.ontrack = ({ track }) => {
    if (!remoteStream.getTrackById(track.id)) remoteStream.addTrack(track);
    track.addEventListener("ended", () => remoteStream.removeTrack(track));
    options.onRemoteStream(remoteStream);
  };
  pc.oniceconnectionstatechange = () => {
    if (disconnectedTimer) clearTimeout(disconnectedTimer);
    disconnectedTimer = null;
    if (pc.iceConnectionState === "failed") restartIce();
    if (pc.iceConnectionState === "disconnected")
      disconnectedTimer = setTimeout(restartIce, DISCONNECTED_GRACE_MS);
  };
  pc.onconnectionstatechange = () => options.onState(pc.connectionState);

  /**
   * A link still at "new" after STALL_MS lost a signal on the way (an offer ignored in a collision
   * whose counter-offer never came, candidates dropped): this side offers again, so one lost message
   * cannot leave a call silent. Once the link has left "new", ICE restarts take over. It calls
   * pc.restartIce() itself: `restarts` counts restarts of a link that had been up.
   */
  const stallWatch = setInterval(() => {
    if (pc.connectionState !== "new") return clearInterval(stallWatch);
    if (pc.signalingState === "have-local-offer") sendLocalDescription();
    else if (pc.signalingState === "stable") pc.restartIce();
  }, STALL_MS);

  const apply = async (signal: CallSignal) => {
    if (signal.type === "offer" || signal.type === "answer") {
      const readyForOffer = !makingOffer && (pc.signalingState === "stable" || settingRemoteAnswer);
      const collision = signal.type === "offer" && !readyForOffer;
      ignoreOffer = !options.polite && collision;
      if (ignoreOffer) return;
      settingRemoteAnswer = signal.type === "answer";
      try {
        await pc.setRemoteDescription({ type: signal.type, sdp: signal.sdp });
      } finally {
        settingRemoteAnswer = false;
      }
      // The negotiationneeded handler may already have answered this offer (see sendLocalDescription).
      if (signal.type === "offer" && pc.signalingState === "have-remote-offer") {
        await pc.setLocalDescription();
        sendLocalDescription();
      }
    } else if (signal.type === "candidate") {
      if (!signal.candidate) return;
      try {
        await pc.addIceCandidate(signal.candidate);
      } catch (error) {
        if (!ignoreOffer) throw error;
      }
    } else if (signal.type === "media") {
      options.onRemoteMedia({ audio: signal.audio, video: signal.video });
    } else if (signal.type === "hangup") {
      options.onHangUp();
    }
  };

  return {
    pc,
    remoteStream,
    receive(signal) {
      // One at a time, in order; a failed signal must not block the ones after it.
      queue = queue.then(() => apply(signal)).catch(() => {});
      return queue;
    },
    restartIce,
    async replaceTrack(kind, track) {
      const transceivers = pc.getTransceivers().filter((t) => t.receiver.track.kind === kind);
      // A link opened while the camera was off has no video sender yet: adding one renegotiates.
      if (transceivers.length === 0 && track) pc.addTrack(track, options.localStream);
      for (const transceiver of transceivers) await transceiver.sender.replaceTrack(track);
    },
    iceRestarts: () => restarts,
    close() {
      if (disconnectedTimer) clearTimeout(disconnectedTimer);
      clearInterval(stallWatch);
      pc.close();
      for (const track of remoteStream.getTracks()) track.stop();
    },
  };
}
