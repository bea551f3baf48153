import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { useWishlistStore } from "./wishlistStore.ts";

/**
 * The heart of the viewer: adds the piece to the signed-in shopper's wishlist or takes it off.
 * Guests are told that a wishlist needs an account.
 */
export function WishlistButton({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const ids = useWishlistStore((s) => s.ids);
  const [error, setError] = useState<string | null>(null);
  const userId = user?.id ?? null;

  useEffect(() => {
    setError(null);
    useWishlistStore
      .getState()
      .load(userId)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [userId]);

  if (!user) {
    return (
      <p className="viewer__wishlist-note" data-testid="wishlist-guest">
        {t("viewer.wishlist.guest")}
      </p>
    );
  }
  const saved = ids?.has(productId) ?? false;
  const toggle = () => {
    setError(null);
    useWishlistStore
      .getState()
      .toggle(productId)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <div className="viewer__wishlist">
      <button
        type="button"
        className="button viewer__heart"
        aria-pressed={saved}
        disabled={ids === null}
        onClick={toggle}
        data-testid="wishlist-button"
      >
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
          <path
            d="M12 20.5s-7.5-4.6-7.5-10.1A4.4 4.4 0 0 1 12 7.6a4.4 4.4 0 0 1 7.5 2.8c0 5.5-7.5 10.1-7.5 10.1z"
            fill={saved ? "currentColor" : "none"}
            stroke="currentColor"
            strokeWidth="1.4"
          />
        </svg>
        {t(saved ? "viewer.wishlist.saved" : "viewer.wishlist.add")}
      </button>
      {error ? (
        <p className="viewer__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
