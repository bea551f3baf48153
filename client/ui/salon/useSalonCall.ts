/**
 * The salon's voice and video: a peer-to-peer call (client/net/media/peerCall.ts) signalled
 * through the joined room, calling every other person the room reports inside. Publishes
 * `window.__salonCall` (peers, receive statistics) for end-to-end tests.
 */
import { useEffect, useMemo } from "react";
import { SalonProtocol } from "../../../shared/clienteling/salonRoom.ts";
import type { IceServers } from "../../../shared/media.ts";
import { readReceiveStats } from "../../net/media/mediaStats.ts";
import type { PeerCallOptions } from "../../net/media/peerCall.ts";
import { usePeerCall } from "../../net/media/usePeerCall.ts";
import { type SalonRoom, salonCallTransport } from "../../net/salonConnection.ts";
import { useSalonStore } from "./salonStore.ts";

export function useSalonCall(room: SalonRoom | null, iceServers: IceServers) {
  const options = useMemo<PeerCallOptions | null>(
    () =>
      room
        ? { selfId: room.sessionId, transport: salonCallTransport(room, SalonProtocol.client), iceServers }
        : null,
    [room, iceServers],
  );
  const { call, remoteStreams, error } = usePeerCall(options);
  const people = useSalonStore((s) => s.people);
  const self = useSalonStore((s) => s.sessionId);

  // Call whoever is inside; perfect negotiation settles who offers. Hang up on whoever left.
  useEffect(() => {
    if (!call) return;
    const inside = new Set(people.map((p) => p.sessionId));
    for (const id of inside) if (id !== self) call.connect(id);
    for (const id of call.peers()) if (!inside.has(id)) call.disconnect(id);
  }, [call, people, self]);

  useEffect(() => {
    if (!call) return;
    const w = window as unknown as { __salonCall?: unknown };
    w.__salonCall = {
      peers: () => call.peers(),
      stats: (peerId: string) => readReceiveStats(call.link(peerId)?.pc),
      localVideoTracks: () => call.localStream.getVideoTracks().length,
    };
    return () => {
      delete w.__salonCall;
    };
  }, [call]);

  return { call, remoteStreams, error };
}
