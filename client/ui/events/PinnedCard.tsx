/** A pinned product's card: its name and price, and adding it to the wishlist (signed in). */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { models } from "../../../shared/api/index.ts";
import { formatPrice } from "../../../shared/money.ts";
import { ApiError, callApi } from "../../net/api.ts";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { type ProductIndex, productName } from "./eventWords.ts";

export function PinnedCard({ productId, products }: { productId: string; products: ProductIndex }) {
  const { t, i18n } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const [added, setAdded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const product = products.get(productId);
  const add = async () => {
    try {
      await callApi(models.addToWishlist, { params: { productId } });
      setAdded(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <li className="event-pin" data-testid="event-pin" data-product={productId}>
      <strong>{productName(products, productId, i18n.language)}</strong>
      {product ? <span>{formatPrice(product.price, i18n.language)}</span> : null}
      {user ? (
        <button type="button" className="button" disabled={added} onClick={() => void add()}>
          {added ? t("events.live.wishlisted") : t("events.live.wishlist")}
        </button>
      ) : null}
      {error ? <span role="alert">{error}</span> : null}
    </li>
  );
}
