import { useEffect } from "react";
import { PATCH_INTERVAL_MS } from "../../shared/constants.ts";
import {
  DROP_ROOM_REFUSED_CLOSE_CODE,
  DROP_ROOM_TICK_MS,
  DropRoomProtocol,
  type DropRoomRefusal,
} from "../../shared/dropRoom.ts";
import { DropPhase } from "../../shared/drops.ts";
import { sendMessage } from "../../shared/protocol/roomProtocol.ts";
import { serverNow, useDropStore } from "../stores/dropStore.ts";
import { clearDropHost, readDropHost } from "../world/drop/dropHostFrame.ts";
import { type DropRoom, joinDropRoom } from "./dropConnection.ts";
import { loadDrop, refreshClaims } from "./dropSession.ts";
import { listenTo } from "./roomMessages.ts";

/** Clock samples right after joining (the best round trip wins), then one now and then. */
const SYNC_BURST = 4;
const SYNC_EVERY_MS = 30_000;
/** Retry a failed (not refused) join after this long. */
const RETRY_MS = 5_000;
/** Spread re-joins at a window's opening over this much, so a rush does not arrive in one instant. */
const REJOIN_SPREAD_MS = 800;

/**
 * Renderless owner of the drop room: joins (with the session cookie, so remount it when the person
 * signs in), mirrors the room's live values into dropStore, keeps the server clock's offset, and
 * when refused, shows why and joins again when the caller's window opens.
 */
export function DropRoomDriver({ dropId }: { dropId: string }) {
  useEffect(() => {
    const store = useDropStore.getState();
    let disposed = false;
    let room: DropRoom | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let syncTimer: ReturnType<typeof setInterval> | undefined;
    let drawnAt = -1;

    const refused = (refusal: DropRoomRefusal) => {
      store.setRoom("refused", refusal);
      store.setLive(null);
      if (!refusal.opensAt) return;
      const wait = Date.parse(refusal.opensAt) - serverNow();
      timer = setTimeout(join, Math.max(0, wait) + Math.random() * REJOIN_SPREAD_MS);
    };

    const sampleClock = () => {
      if (room) sendMessage(room, DropRoomProtocol.client, "timeSync", { clientTime: Date.now() });
    };

    const attach = (joined: DropRoom) => {
      room = joined;
      store.setRoom("connected", null);
      joined.onStateChange((state) => {
        const phase = DropPhase.safeParse(state.phase);
        if (!phase.success) return;
        readDropHost(state.host);
        store.setLive({
          phase: phase.data,
          remaining: state.remaining,
          soldOutAt: state.soldOutAt,
          drawnAt: state.drawnAt,
          viewers: state.viewers,
        });
        // The tick stamped serverTime up to one tick and one patch before it reached us.
        store.offerOffset(state.serverTime - Date.now(), DROP_ROOM_TICK_MS + PATCH_INTERVAL_MS);
        if (drawnAt !== -1 && state.drawnAt !== drawnAt) {
          // The draw happened: the revealed seed is in the drop, a winner's hold in the claims.
          void loadDrop(dropId);
          void refreshClaims(dropId);
        }
        drawnAt = state.drawnAt;
      });
      // No frame loop here (the stage may draw on demand): messages apply as they arrive.
      listenTo(joined, DropRoomProtocol.server, {
        timeSync: ({ clientTime, serverTime }) => {
          const now = Date.now();
          store.offerOffset(serverTime - (clientTime + now) / 2, now - clientTime);
        },
        refused: (refusal) => store.setRoom("refused", refusal),
        error: () => undefined,
      });
      joined.onDrop(() => store.setRoom("reconnecting"));
      joined.onReconnect(() => store.setRoom("connected"));
      joined.onLeave((code) => {
        room = null;
        clearDropHost();
        clearInterval(syncTimer);
        if (disposed) return;
        const refusal = useDropStore.getState().roomRefusal;
        if (code === DROP_ROOM_REFUSED_CLOSE_CODE && refusal) refused(refusal);
        else {
          store.setRoom("offline");
          timer = setTimeout(join, RETRY_MS);
        }
      });
      for (let i = 0; i < SYNC_BURST; i++) setTimeout(sampleClock, i * 150);
      syncTimer = setInterval(sampleClock, SYNC_EVERY_MS);
    };

    function join() {
      if (disposed) return;
      store.setRoom("connecting");
      joinDropRoom(dropId)
        .then((answer) => {
          if (disposed) {
            void answer.room?.leave();
            return;
          }
          if (answer.room) attach(answer.room);
          else refused(answer.refusal);
        })
        .catch(() => {
          if (disposed) return;
          store.setRoom("offline");
          timer = setTimeout(join, RETRY_MS);
        });
    }

    join();
    return () => {
      disposed = true;
      clearTimeout(timer);
      clearInterval(syncTimer);
      void room?.leave();
    };
  }, [dropId]);
  return null;
}
