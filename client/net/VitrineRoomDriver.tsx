import { Client, type Room } from "@colyseus/sdk";
import { useEffect } from "react";
import { PROTOCOL_VERSION } from "../../shared/constants.ts";
import {
  layoutVitrine,
  VITRINE_ROOM,
  type VitrineJoinOptions,
  VitrineProtocol,
  VitrineRefusals,
  VitrineState,
} from "../../shared/vitrineRoom.ts";
import { type PedestalView, useVitrineStore } from "../ui/vitrine/vitrineStore.ts";
import { runWalkableRoom } from "./walkable/runWalkableRoom.ts";

type State = InstanceType<typeof VitrineState>;
type VitrineRoom = Room<unknown, State>;

function pedestalsOf(state: State): PedestalView[] {
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

/** Copies who is inside and whose vitrine it is into the store, when they changed. */
function mirrorPeople(state: State, sessionId: string): void {
  const store = useVitrineStore.getState();
  const people = [...state.avatars.entries()].map(([id, a]) => ({ sessionId: id, name: a.name }));
  const key = (list: Array<{ sessionId: string; name: string }>) =>
    list.map((p) => p.sessionId + p.name).join();
  if (key(people) !== key(store.people)) store.setPeople(people);
  if (store.ownerName !== state.ownerName || store.ownerSessionId !== state.ownerSessionId)
    store.setRoom({ ownerName: state.ownerName, ownerSessionId: state.ownerSessionId, sessionId });
}

/**
 * Renderless owner of the vitrine connection: a walkable room (client/net/walkable) on the
 * gallery's layout, joined as its owner or with the visitor link's token, whose pedestals and
 * people are mirrored into the store. Remount it (a new `key`) to join again.
 */
export function VitrineRoomDriver({ owner, token }: { owner: string; token: string | null }) {
  useEffect(() => {
    const store = useVitrineStore.getState();
    let layout = layoutVitrine(0);
    let signature = "";
    store.setStatus("connecting");
    const options: VitrineJoinOptions = token
      ? { protocol: PROTOCOL_VERSION, owner, token }
      : { protocol: PROTOCOL_VERSION, owner };

    const stop = runWalkableRoom<VitrineRoom, typeof VitrineProtocol.server, State>({
      join: () => new Client(window.location.origin).joinOrCreate(VITRINE_ROOM, options, VitrineState),
      attach: (room) => {
        store.setStatus("connected");
        return {
          server: VitrineProtocol.server,
          layout: () => layout,
          messages: {
            refused: (refusal) => store.setStatus("refused", { refusal }),
            // A refused intent (a click beyond the floor) needs no word: the avatar simply stays.
            error: () => undefined,
          },
          onState: (state) => {
            const pedestals = pedestalsOf(state);
            const next = signatureOf(pedestals);
            if (next !== signature) {
              signature = next;
              layout = layoutVitrine(pedestals.length);
              store.setPedestals(pedestals);
            }
            mirrorPeople(state, room.sessionId);
          },
        };
      },
      onDrop: () => store.setStatus("reconnecting"),
      onReconnect: () => store.setStatus("connected"),
      onLeave: () => {
        if (useVitrineStore.getState().status !== "refused") store.setStatus("offline");
      },
      onJoinFailed: (error) => {
        const refusal = VitrineRefusals.fromJoinError(error);
        if (refusal) store.setStatus("refused", { refusal });
        else store.setStatus("offline", { error: error instanceof Error ? error.message : String(error) });
      },
    });
    return () => {
      stop();
      useVitrineStore.getState().reset();
    };
  }, [owner, token]);
  return null;
}
