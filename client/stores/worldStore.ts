import { create } from "zustand";
import type { AvenueLayout } from "../../shared/avenue/layout.ts";
import type { Catalog } from "../../shared/catalog.ts";

export type ConnectionStatus = "idle" | "connecting" | "connected" | "reconnecting" | "offline";

export type LoadingProgress = {
  /** Bytes of 3D models received so far, and the total expected from the catalog. */
  loadedBytes: number;
  totalBytes: number;
  /** True once every model of the catalog has loaded (or failed). */
  done: boolean;
  failed: string[];
};

/** UI-rate state of the avenue. Per-frame values live in `client/net/avatarFrame.ts` instead. */
export type WorldStore = {
  catalog: Catalog | null;
  layout: AvenueLayout | null;
  connection: ConnectionStatus;
  /** Colyseus room id of the shard we are in, for the "invite a friend" link. */
  shardId: string | null;
  selfSessionId: string | null;
  loading: LoadingProgress;
  /** Product the shopper clicked, shown in a card. */
  selectedProductId: string | null;
  setCatalog: (catalog: Catalog, layout: AvenueLayout) => void;
  setConnection: (
    connection: ConnectionStatus,
    shardId?: string | null,
    selfSessionId?: string | null,
  ) => void;
  setLoading: (patch: Partial<LoadingProgress>) => void;
  selectProduct: (productId: string | null) => void;
};

export const useWorldStore = create<WorldStore>((set) => ({
  catalog: null,
  layout: null,
  connection: "idle",
  shardId: null,
  selfSessionId: null,
  loading: { loadedBytes: 0, totalBytes: 0, done: false, failed: [] },
  selectedProductId: null,
  setCatalog: (catalog, layout) => set({ catalog, layout }),
  setConnection: (connection, shardId, selfSessionId) =>
    set((s) => ({
      connection,
      shardId: shardId === undefined ? s.shardId : shardId,
      selfSessionId: selfSessionId === undefined ? s.selfSessionId : selfSessionId,
    })),
  setLoading: (patch) => set((s) => ({ loading: { ...s.loading, ...patch } })),
  selectProduct: (selectedProductId) => set({ selectedProductId }),
}));
