import { Client } from "@colyseus/sdk";
import { useEffect } from "react";
import {
  SALON_LAYOUT,
  SALON_ROOM,
  SalonProtocol,
  SalonRefusals,
  SalonState,
} from "../../shared/clienteling/salonRoom.ts";
import { PROTOCOL_VERSION } from "../../shared/constants.ts";
import { type SalonItem, type SalonPerson, useSalonStore } from "../ui/salon/salonStore.ts";
import { type SalonRoom, setSalonRoom } from "./salonConnection.ts";
import { runWalkableRoom } from "./walkable/runWalkableRoom.ts";

type State = InstanceType<typeof SalonState>;

const keyOf = (value: unknown) => JSON.stringify(value);

/** Copies the room's people, table, engraving and list into the store when they changed. */
function mirror(state: State, sessionId: string): void {
  const store = useSalonStore.getState();
  const people: SalonPerson[] = [...state.people.values()].map((p) => ({
    sessionId: p.sessionId,
    role: p.role,
    name: p.name,
  }));
  const t = state.table;
  const table = {
    productId: t.productId,
    variant: t.variant,
    yaw: t.yaw,
    pitch: t.pitch,
    zoom: t.zoom,
    by: t.by,
  };
  const selection: SalonItem[] = state.selection.map((i) => ({
    itemId: i.itemId,
    productId: i.productId,
    variant: i.variant,
    personalisation: i.personalisation,
    handover: i.handover,
  }));
  const patch: Parameters<typeof store.mirror>[0] = {};
  if (store.sessionId !== sessionId) patch.sessionId = sessionId;
  if (keyOf(people) !== keyOf(store.people)) patch.people = people;
  if (keyOf(table) !== keyOf(store.table)) patch.table = table;
  if (store.engraving !== state.engraving.choice || store.engravingProduct !== state.engraving.productId) {
    patch.engraving = state.engraving.choice;
    patch.engravingProduct = state.engraving.productId;
  }
  if (keyOf(selection) !== keyOf(store.selection)) patch.selection = selection;
  if (Object.keys(patch).length > 0) store.mirror(patch);
}

/**
 * Renderless owner of the salon connection: the appointment's walkable room (client/net/walkable)
 * on the salon's layout, whose people, table, engraving and selection are mirrored into the store,
 * and which the controls and the call send through (salonConnection.ts). Remount to join again.
 */
export function SalonRoomDriver({
  appointmentId,
  onRoom,
}: {
  appointmentId: string;
  /** The joined room (for the call), and null once it is left. */
  onRoom(room: SalonRoom | null): void;
}) {
  useEffect(() => {
    const store = useSalonStore.getState();
    store.setStatus("connecting");
    const stop = runWalkableRoom<SalonRoom, typeof SalonProtocol.server, State>({
      join: () =>
        new Client(window.location.origin).joinOrCreate(
          SALON_ROOM,
          { protocol: PROTOCOL_VERSION, appointmentId },
          SalonState,
        ),
      attach: (room) => {
        store.setStatus("connected");
        setSalonRoom(room, SalonProtocol.client);
        onRoom(room);
        return {
          server: SalonProtocol.server,
          layout: () => SALON_LAYOUT,
          messages: {
            refused: (refusal) => useSalonStore.getState().setStatus("refused", refusal),
            error: (error) => useSalonStore.getState().setNotice(error.message),
            handedOver: (answer) => useSalonStore.getState().setHandedOver(answer),
            // Heard straight from the SDK by the call's transport (salonConnection.ts).
            call: () => undefined,
          },
          onState: (state) => mirror(state, room.sessionId),
          dispose: () => {
            setSalonRoom(null, null);
            onRoom(null);
          },
        };
      },
      onDrop: () => useSalonStore.getState().setStatus("reconnecting"),
      onReconnect: () => useSalonStore.getState().setStatus("connected"),
      onLeave: (code, reason) => {
        const s = useSalonStore.getState();
        if (s.status === "refused") return;
        // The room closes a connection it sends away with the refusal's reason.
        const parsed = code === SalonRefusals.closeCode ? SalonRefusals.Reason.safeParse(reason) : null;
        if (parsed?.success) s.setStatus("refused", SalonRefusals.make(parsed.data));
        else {
          // Said in the console, for whoever looks into a salon that was lost.
          console.warn(
            `Vitrine salon: the room closed the connection (${code}${reason ? `: ${reason}` : ""})`,
          );
          s.setStatus("offline");
        }
      },
      onJoinFailed: (error) => {
        const refusal = SalonRefusals.fromJoinError(error);
        if (!refusal) console.warn("Vitrine salon: joining failed", error);
        useSalonStore.getState().setStatus(refusal ? "refused" : "offline", refusal);
      },
    });
    return () => {
      stop();
      useSalonStore.getState().reset();
    };
  }, [appointmentId, onRoom]);
  return null;
}
