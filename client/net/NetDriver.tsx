import { CloseCode } from "@colyseus/sdk";
import i18next from "i18next";
import { useEffect } from "react";
import { RoomErrorMessage, ServerMessageType } from "../../shared/avenue/messages.ts";
import { useNoticeStore } from "../stores/noticeStore.ts";
import { useWorldStore } from "../stores/worldStore.ts";
import { type AvenueRoom, joinAvenue } from "./avenueConnection.ts";
import { AvenueSync } from "./avenueSync.ts";
import { reloadCatalog } from "./catalogLoader.ts";

/**
 * Renderless owner of the avenue connection: joins, applies patches, runs the per-frame sync and
 * reports the connection's status. Remount it (a new `key`) to rejoin.
 */
export function NetDriver() {
  useEffect(() => {
    const t = i18next.t.bind(i18next);
    let disposed = false;
    let room: AvenueRoom | null = null;
    let sync: AvenueSync | null = null;
    let raf = 0;
    let pump: ReturnType<typeof setInterval> | undefined;
    let catalogVersion = -1;
    const world = useWorldStore.getState();
    const notices = useNoticeStore.getState();
    world.setConnection("connecting");

    const requestedShard = new URLSearchParams(window.location.search).get("shard");
    joinAvenue(requestedShard)
      .then(({ room: joined, shardUnavailable }) => {
        if (disposed) {
          void joined.leave();
          return;
        }
        room = joined;
        if (shardUnavailable) notices.push("info", t("errors.shardUnavailable"));
        sync = new AvenueSync(joined, () => useWorldStore.getState().layout);
        world.setConnection("connected", joined.roomId, joined.sessionId);
        joined.onStateChange((state) => {
          sync?.onPatch(performance.now());
          // The first state also reloads: a publish between the page's catalog fetch and this join
          // bumped no version we could have seen (the request revalidates by ETag, so it is cheap).
          if (state.catalogVersion !== catalogVersion) void reloadCatalog();
          catalogVersion = state.catalogVersion;
        });
        joined.onMessage(ServerMessageType.error, (payload: unknown) => {
          const parsed = RoomErrorMessage.safeParse(payload);
          if (parsed.success) notices.push("error", parsed.data.message);
        });
        joined.onDrop(() => world.setConnection("reconnecting"));
        joined.onReconnect(() => world.setConnection("connected", joined.roomId, joined.sessionId));
        joined.onLeave((code, reason) => {
          if (disposed) return;
          world.setConnection("offline");
          if (code === CloseCode.WITH_ERROR)
            notices.push("error", t("errors.kicked", { reason: reason ?? code }));
        });
        let last = performance.now();
        const tick = (now: number) => {
          sync?.frame(now, Math.min(1, (now - last) / 1000));
          last = now;
          raf = requestAnimationFrame(tick);
        };
        raf = requestAnimationFrame(tick);
        pump = setInterval(() => sync?.pumpIntents(performance.now()), 50);
      })
      .catch((error: unknown) => {
        if (disposed) return;
        world.setConnection("offline");
        notices.push(
          "error",
          t("errors.joinFailed", { reason: error instanceof Error ? error.message : String(error) }),
        );
      });

    return () => {
      disposed = true;
      cancelAnimationFrame(raf);
      clearInterval(pump);
      sync?.dispose();
      void room?.leave();
    };
  }, []);
  return null;
}
