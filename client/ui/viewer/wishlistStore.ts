import { create } from "zustand";
import { models } from "../../../shared/api/index.ts";
import { callApi } from "../../net/api.ts";

type WishlistStore = {
  /** Product ids on the signed-in shopper's wishlist; null until loaded (or when signed out). */
  ids: ReadonlySet<string> | null;
  /** Whose wishlist `ids` is, so a sign-in as someone else loads theirs. */
  userId: string | null;
  /** Loads the wishlist of `userId` (once per user); clears it for null. */
  load: (userId: string | null) => Promise<void>;
  /** Adds or removes a product; the heart changes at once and goes back if the server refuses. */
  toggle: (productId: string) => Promise<void>;
};

export const useWishlistStore = create<WishlistStore>((set, get) => ({
  ids: null,
  userId: null,
  load: async (userId) => {
    if (userId === get().userId && (get().ids || !userId)) return;
    set({ userId, ids: null });
    if (!userId) return;
    const list = await callApi(models.wishlist);
    if (get().userId === userId) set({ ids: new Set(list.items.map((i) => i.productId)) });
  },
  toggle: async (productId) => {
    const before = get().ids;
    if (!before) return;
    const adding = !before.has(productId);
    const next = new Set(before);
    if (adding) next.add(productId);
    else next.delete(productId);
    set({ ids: next });
    try {
      await callApi(adding ? models.addToWishlist : models.removeFromWishlist, { params: { productId } });
    } catch (error) {
      set({ ids: before });
      throw error;
    }
  },
}));
