import { create } from "zustand";
import { ApiErrorBody } from "../../../shared/errors.ts";
import { Wishlist, WishlistItem } from "../../../shared/models.ts";
import { ApiError, apiRequest } from "../../net/api.ts";

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
    const list = await apiRequest("/api/wishlist", Wishlist);
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
    const path = `/api/wishlist/${encodeURIComponent(productId)}`;
    try {
      if (adding) await apiRequest(path, WishlistItem, { method: "PUT" });
      else await deleteItem(path);
    } catch (error) {
      set({ ids: before });
      throw error;
    }
  },
}));

/** DELETE answers 204 without a body, which apiRequest's JSON schema cannot describe. */
async function deleteItem(path: string): Promise<void> {
  const response = await fetch(path, { method: "DELETE", credentials: "same-origin" });
  if (response.ok) return;
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not our JSON error body (a proxy's page): fall through to the generic error.
  }
  const parsed = ApiErrorBody.safeParse(body);
  if (parsed.success) {
    const e = parsed.data.error;
    throw new ApiError(response.status, e.code, e.message, e.details);
  }
  throw new ApiError(response.status, "http_error", `The server answered ${response.status}.`);
}
