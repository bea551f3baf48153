import { useState } from "react";
import { useTranslation } from "react-i18next";
import { pieceLink } from "./deepLink.ts";

/**
 * Copies the piece's address (the avenue at its boutique, its viewer open) for sharing. The result
 * is announced in a polite live region, so a screen reader hears it without the focus moving.
 */
export function SharePieceButton({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const [said, setSaid] = useState("");
  const link = pieceLink(window.location.origin, productId);
  const copy = () => {
    const clipboard = navigator.clipboard;
    if (!clipboard) {
      setSaid(t("a11y.share.failed", { link }));
      return;
    }
    clipboard.writeText(link).then(
      () => setSaid(t("a11y.share.copied")),
      () => setSaid(t("a11y.share.failed", { link })),
    );
  };
  return (
    <div className="share-piece">
      <button type="button" className="button" onClick={copy} data-testid="share-piece" data-link={link}>
        {t("a11y.share.copy")}
      </button>
      <p className="share-piece__status" aria-live="polite" data-testid="share-piece-status">
        {said}
      </p>
    </div>
  );
}
