/**
 * The salon's page state at UI rate: who is inside, the piece on the table (with its variant and
 * pose), the engraving shown to everyone, the selection list, and the last word the room said.
 * Written by client/net/SalonRoomDriver.tsx from the room's state; read by the panels and the scene.
 */
import { create } from "zustand";
import type { SalonRefusal } from "../../../shared/clienteling/salonRoom.ts";
import type { HandoverAnswer } from "../../../shared/clienteling/selection.ts";

export type SalonStatus = "connecting" | "connected" | "reconnecting" | "refused" | "offline";
export type SalonPerson = { sessionId: string; role: string; name: string };
export type SalonTable = {
  productId: string;
  variant: string;
  yaw: number;
  pitch: number;
  zoom: number;
  by: string;
};
export type SalonItem = {
  itemId: string;
  productId: string;
  variant: string;
  personalisation: string;
  handover: string;
};

type SalonStore = {
  status: SalonStatus;
  refusal: SalonRefusal | null;
  sessionId: string;
  people: SalonPerson[];
  table: SalonTable;
  /** The validated choice as JSON ("" when none), for `engravingProduct`. */
  engraving: string;
  engravingProduct: string;
  selection: SalonItem[];
  /** The room's last refusal of one of our messages, for the panel to say. */
  notice: string | null;
  handedOver: HandoverAnswer | null;
  setStatus(status: SalonStatus, refusal?: SalonRefusal | null): void;
  mirror(
    patch: Partial<
      Pick<SalonStore, "sessionId" | "people" | "table" | "engraving" | "engravingProduct" | "selection">
    >,
  ): void;
  setNotice(notice: string | null): void;
  setHandedOver(answer: HandoverAnswer): void;
  reset(): void;
};

export const EMPTY_TABLE: SalonTable = { productId: "", variant: "", yaw: 0, pitch: 0, zoom: 1, by: "" };

const initial = {
  status: "connecting" as SalonStatus,
  refusal: null,
  sessionId: "",
  people: [],
  table: EMPTY_TABLE,
  engraving: "",
  engravingProduct: "",
  selection: [],
  notice: null,
  handedOver: null,
};

export const useSalonStore = create<SalonStore>((set) => ({
  ...initial,
  setStatus: (status, refusal = null) => set({ status, refusal }),
  mirror: (patch) => set(patch),
  setNotice: (notice) => set({ notice }),
  setHandedOver: (handedOver) => set({ handedOver }),
  reset: () => set(initial),
}));
