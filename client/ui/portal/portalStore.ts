import { create } from "zustand";
import type {
  BrandProduct,
  ModelLimits,
  Placement,
  PublishResult,
  UploadedModel,
} from "../../../shared/models.ts";
import { portalApi } from "./portalApi.ts";

/** The brand the portal shows: its products (drafts and published), placement, uploads and limits. */
type PortalStore = {
  brandId: string | null;
  status: "idle" | "loading" | "ready" | "failed";
  error: string | null;
  products: BrandProduct[];
  placement: Placement | null;
  models: UploadedModel[];
  limits: ModelLimits | null;
  lastPublish: PublishResult | null;
  /** Loads everything of a brand (again, when `brandId` is the current one and `force`). */
  load: (brandId: string, force?: boolean) => Promise<void>;
  addModel: (model: UploadedModel) => void;
  putProduct: (product: BrandProduct) => void;
  setPlacement: (placement: Placement) => void;
  published: (result: PublishResult) => Promise<void>;
};

export const usePortalStore = create<PortalStore>((set, get) => ({
  brandId: null,
  status: "idle",
  error: null,
  products: [],
  placement: null,
  models: [],
  limits: null,
  lastPublish: null,
  load: async (brandId, force = false) => {
    if (!force && get().brandId === brandId && get().status !== "failed") return;
    const fresh = get().brandId !== brandId;
    // A refresh of the brand on screen keeps showing it; only a new brand shows the loading state.
    set({
      brandId,
      error: null,
      ...(fresh || get().status !== "ready"
        ? { status: "loading", products: [], placement: null, models: [], lastPublish: null }
        : {}),
    });
    try {
      const [list, models, limits] = await Promise.all([
        portalApi.products(brandId),
        portalApi.models(brandId),
        get().limits ? Promise.resolve(get().limits) : portalApi.limits(),
      ]);
      if (get().brandId !== brandId) return;
      set({
        status: "ready",
        products: list.products,
        placement: list.placement,
        models: models.models,
        limits,
      });
    } catch (error) {
      if (get().brandId !== brandId) return;
      set({ status: "failed", error: error instanceof Error ? error.message : String(error) });
    }
  },
  addModel: (model) => set((s) => ({ models: [model, ...s.models.filter((m) => m.id !== model.id)] })),
  putProduct: (product) =>
    set((s) => ({
      products: s.products.some((p) => p.id === product.id)
        ? s.products.map((p) => (p.id === product.id ? product : p))
        : [...s.products, product],
    })),
  setPlacement: (placement) => set({ placement }),
  published: async (result) => {
    set({ lastPublish: result, placement: result.placement });
    // Statuses changed on the server (draft → published): read them back.
    const brandId = get().brandId;
    if (brandId) await get().load(brandId, true);
  },
}));
