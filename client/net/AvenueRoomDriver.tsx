import { CloseCode } from "@colyseus/sdk";
import i18next from "i18next";
import { useEffect } from "react";
import { AvenueProtocol } from "../../shared/avenue/protocol.ts";
import { useNoticeStore } from "../stores/noticeStore.ts";
import { useWorldStore } from "../stores/worldStore.ts";
import { HostSync } from "../world/host/hostSync.ts";
import { attachChat, avenueChatHandlers } from "./avenueChat.ts";
import { type AvenueRoom, joinAvenue } from "./avenueConnection.ts";
import { reloadCatalog } from "./catalogLoader.ts";
import { runWalkableRoom } from "./walkable/runWalkableRoom.ts";

/**
 * Renderless owner of the avenue connection: a walkable room (client/net/walkable) on the
 * catalog's layout, plus what is the avenue's own: the host, the chat, the catalog's version and
 * the connection's status. Remount it (a new `key`) to rejoin.
 */
export function AvenueRoomDriver() {
  useEffect(() => {
    const t = i18next.t.bind(i18next);
    const world = useWorldStore.getState();
    const notices = useNoticeStore.getState();
    world.setConnection("connecting");
    const requestedShard = new URLSearchParams(window.location.search).get("shard");
    let shardUnavailable = false;

    return runWalkableRoom<AvenueRoom, typeof AvenueProtocol.server, AvenueRoom["state"]>({
      join: async () => {
        const joined = await joinAvenue(requestedShard);
        shardUnavailable = joined.shardUnavailable;
        return joined.room;
      },
      attach: (room) => {
        if (shardUnavailable) notices.push("info", t("errors.shardUnavailable"));
        world.setConnection("connected", room.roomId, room.sessionId);
        /** The host's pose and lines. */
        const host = new HostSync();
        const detachChat = attachChat(room);
        // The catalog's version is read at patch time, not in the frame: a software-rendered page
        // can go seconds between frames, and a publish must not wait for one to be fetched.
        let catalogVersion = -1;
        const onCatalogVersion = (state: AvenueRoom["state"]) => {
          // The first state also reloads: a publish between the page's catalog fetch and this join
          // bumped no version we could have seen (the request revalidates by ETag, so it is cheap).
          if (state.catalogVersion === catalogVersion) return;
          catalogVersion = state.catalogVersion;
          void reloadCatalog();
        };
        room.onStateChange(onCatalogVersion);
        return {
          server: AvenueProtocol.server,
          layout: () => useWorldStore.getState().layout,
          messages: {
            ...avenueChatHandlers,
            error: (error) => notices.push("error", error.message),
          },
          onState: (state, arrivedAt) => host.onPatch(state, arrivedAt),
          onFrame: (now) => host.frame(now),
          dispose: () => {
            room.onStateChange.remove(onCatalogVersion);
            detachChat();
            host.dispose();
          },
        };
      },
      onDrop: () => world.setConnection("reconnecting"),
      onReconnect: (room) => world.setConnection("connected", room.roomId, room.sessionId),
      onLeave: (code, reason) => {
        world.setConnection("offline");
        if (code === CloseCode.WITH_ERROR)
          notices.push("error", t("errors.kicked", { reason: reason ?? code }));
      },
      onJoinFailed: (error) => {
        world.setConnection("offline");
        const reason = error instanceof Error ? error.message : String(error);
        notices.push("error", t("errors.joinFailed", { reason }));
      },
    });
  }, []);
  return null;
}
