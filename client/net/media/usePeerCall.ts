/**
 * React: join a peer-to-peer call while `options` is given, with the other peers' streams in state.
 * Connect peers with `call.connect(id)` as the room reports them; the call hangs up on unmount.
 */
import { useEffect, useState } from "react";
import { createPeerCall, type PeerCall, type PeerCallOptions } from "./peerCall.ts";

export function usePeerCall(options: PeerCallOptions | null): {
  call: PeerCall | null;
  remoteStreams: ReadonlyMap<string, MediaStream>;
  error: string | null;
} {
  const [call, setCall] = useState<PeerCall | null>(null);
  const [remoteStreams, setRemoteStreams] = useState<ReadonlyMap<string, MediaStream>>(new Map());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!options) return;
    let created: PeerCall | null = null;
    let cancelled = false;
    createPeerCall({
      ...options,
      onRemoteStream: (peerId, stream) => {
        setRemoteStreams((m) => new Map(m).set(peerId, new MediaStream(stream.getTracks())));
        options.onRemoteStream?.(peerId, stream);
      },
      onPeerLeft: (peerId) => {
        setRemoteStreams((m) => {
          const next = new Map(m);
          next.delete(peerId);
          return next;
        });
        options.onPeerLeft?.(peerId);
      },
    }).then(
      (c) => {
        if (cancelled) c.hangUp();
        else {
          created = c;
          setCall(c);
        }
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      cancelled = true;
      created?.hangUp();
      setCall(null);
    };
  }, [options]);
  return { call, remoteStreams, error };
}
