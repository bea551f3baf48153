/**
 * A pinned product's card: its name and price, and adding it to the wishlist (signed in). Reads the
 * shopper's wishlist (the viewer's store), so a piece already kept says so, live or in the replay.
 */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatPrice } from "../../../shared/money.ts";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { useWishlistStore } from "../viewer/wishlistStore.ts";
import { type ProductIndex, productName } from "./eventWords.ts";

export function PinnedCard({ productId, products }: { productId: string; products: ProductIndex }) {
  const { t, i18n } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const ids = useWishlistStore((s) => s.ids);
  const [error, setError] = useState<string | null>(null);
  const userId = user?.id ?? null;
  const product = products.get(productId);
  useEffect(() => {
    useWishlistStore
      .getState()
      .load(userId)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [userId]);
  const added = ids?.has(productId) ?? false;
  const add = () => {
    setError(null);
    useWishlistStore
      .getState()
      .toggle(productId)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <li className="event-pin" data-testid="event-pin" data-product={productId}>
      <strong>{productName(products, productId, i18n.language)}</strong>
      {product ? <span>{formatPrice(product.price, i18n.language)}</span> : null}
      {user ? (
        <button type="button" className="button" disabled={added || ids === null} onClick={add}>
          {added ? t("events.live.wishlisted") : t("events.live.wishlist")}
        </button>
      ) : null}
      {error ? <span role="alert">{error}</span> : null}
    </li>
  );
}
