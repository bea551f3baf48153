import { Client, type Room } from "@colyseus/sdk";
import { useEffect } from "react";
import { PROTOCOL_VERSION } from "../../../shared/constants.ts";
import {
  layoutVitrine,
  parseVitrineRefusal,
  VITRINE_ROOM,
  VitrineRoomRefusal,
  VitrineServerMessageType,
  VitrineState,
} from "../../../shared/vitrineRoom.ts";
import { type PedestalView, useVitrineStore } from "./vitrineStore.ts";
import { VitrineSync } from "./vitrineSync.ts";

type VitrineRoom = Room<unknown, InstanceType<typeof VitrineState>>;

/** How often local intents are pumped between frames (a slow renderer must not delay a stop). */
const INTENT_PUMP_MS = 50;

function pedestalsOf(state: InstanceType<typeof VitrineState>): PedestalView[] {
  return state.pedestals.map((p) => ({
    copyId: p.copyId,
    collectibleId: p.collectibleId,
    name: Object.fromEntries(p.name.entries()),
    brandName: p.brandName,
    edition: p.edition,
    editionSize: p.editionSize,
    modelUrl: p.modelUrl,
    displayHeight: p.displayHeight,
  }));
}

const signatureOf = (pedestals: PedestalView[]) =>
  pedestals.map((p) => `${p.copyId}:${p.edition}:${p.modelUrl}`).join("|");

/**
 * Renderless owner of the vitrine connection: joins the owner's room (as its owner, or with the
 * visitor link's token), mirrors the pedestals and people into the store, and runs the per-frame
 * sync (prediction of the local avatar, interpolation of the others, intents).
 * Remount it (a new `key`) to join again.
 */
export function VitrineRoomDriver({ owner, token }: { owner: string; token: string | null }) {
  useEffect(() => {
    const store = useVitrineStore.getState();
    let disposed = false;
    let room: VitrineRoom | null = null;
    let sync: VitrineSync | null = null;
    let raf = 0;
    let pump: ReturnType<typeof setInterval> | undefined;
    let layout = layoutVitrine(0);
    let signature = "";
    store.setStatus("connecting");

    const client = new Client(window.location.origin);
    const options = token
      ? { protocol: PROTOCOL_VERSION, owner, token }
      : { protocol: PROTOCOL_VERSION, owner };
    client
      .joinOrCreate(VITRINE_ROOM, options, VitrineState)
      .then((joined) => {
        if (disposed) {
          void joined.leave();
          return;
        }
        room = joined;
        sync = new VitrineSync(joined, () => layout);
        store.setStatus("connected");
        joined.onStateChange((state) => {
          sync?.onPatch(performance.now());
          const pedestals = pedestalsOf(state);
          const next = signatureOf(pedestals);
          if (next !== signature) {
            signature = next;
            layout = layoutVitrine(pedestals.length);
            store.setPedestals(pedestals);
          }
          const people = [...state.avatars.entries()].map(([sessionId, a]) => ({ sessionId, name: a.name }));
          const current = useVitrineStore.getState();
          if (
            people.map((p) => p.sessionId + p.name).join() !==
            current.people.map((p) => p.sessionId + p.name).join()
          )
            store.setPeople(people);
          if (current.ownerName !== state.ownerName || current.ownerSessionId !== state.ownerSessionId)
            store.setRoom({
              ownerName: state.ownerName,
              ownerSessionId: state.ownerSessionId,
              sessionId: joined.sessionId,
            });
        });
        joined.onMessage(VitrineServerMessageType.refused, (payload: unknown) => {
          const refusal = VitrineRoomRefusal.safeParse(payload);
          if (refusal.success) store.setStatus("refused", { refusal: refusal.data });
        });
        // A refused intent (a click beyond the floor) needs no word: the avatar simply stays.
        joined.onMessage(VitrineServerMessageType.error, () => undefined);
        joined.onDrop(() => store.setStatus("reconnecting"));
        joined.onReconnect(() => store.setStatus("connected"));
        joined.onLeave(() => {
          if (disposed) return;
          if (useVitrineStore.getState().status !== "refused") store.setStatus("offline");
        });
        let last = performance.now();
        const tick = (now: number) => {
          sync?.frame(now, Math.min(1, (now - last) / 1000));
          last = now;
          raf = requestAnimationFrame(tick);
        };
        raf = requestAnimationFrame(tick);
        pump = setInterval(() => sync?.pumpIntents(performance.now()), INTENT_PUMP_MS);
      })
      .catch((error: unknown) => {
        if (disposed) return;
        const refusal = parseVitrineRefusal(error);
        if (refusal) store.setStatus("refused", { refusal });
        else store.setStatus("offline", { error: error instanceof Error ? error.message : String(error) });
      });

    return () => {
      disposed = true;
      cancelAnimationFrame(raf);
      clearInterval(pump);
      sync?.dispose();
      void room?.leave();
      useVitrineStore.getState().reset();
    };
  }, [owner, token]);
  return null;
}
