import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { PRESENT_RADIUS } from "../../../shared/host/hostState.ts";
import { formatPrice, localize } from "../../../shared/money.ts";
import { selfEntry } from "../../net/avatarFrame.ts";
import { useHostStore } from "../../stores/hostStore.ts";
import { useWorldStore } from "../../stores/worldStore.ts";
import { hostFrame } from "../../world/host/hostFrame.ts";

/** How often the distance to the host is checked (a UI rate, not per frame). */
const CHECK_MS = 400;

/** Whether the local avatar stands within the host's presenting radius. */
function nearHost(): boolean {
  const self = selfEntry();
  if (!self || !hostFrame.present) return false;
  return Math.hypot(self.x - hostFrame.x, self.z - hostFrame.z) <= PRESENT_RADIUS;
}

/**
 * When the host presents a piece and the shopper stands near it, a light card of that piece opens
 * (name, maison, price, description) with a way into the full 3D viewer. Closing it keeps it
 * closed for that presentation.
 */
export function HostPresentation() {
  const { t, i18n } = useTranslation();
  const productId = useHostStore((s) => s.status?.presentingProductId ?? "");
  const dismissed = useHostStore((s) => s.dismissedPresentation);
  const hostName = useHostStore((s) => s.status?.name ?? "");
  const catalog = useWorldStore((s) => s.catalog);
  const viewerOpen = useWorldStore((s) => s.selectedProductId !== null);
  const [near, setNear] = useState(false);

  useEffect(() => {
    if (!productId) return;
    setNear(nearHost());
    const id = setInterval(() => setNear(nearHost()), CHECK_MS);
    return () => clearInterval(id);
  }, [productId]);
  // A new presentation may open the card again.
  useEffect(() => {
    if (productId && productId !== dismissed) return;
    if (!productId && dismissed) useHostStore.getState().dismissPresentation("");
  }, [productId, dismissed]);

  if (!productId || !near || dismissed === productId || viewerOpen || !catalog) return null;
  const brand = catalog.brands.find((b) => b.products.some((p) => p.id === productId));
  const product = brand?.products.find((p) => p.id === productId);
  if (!brand || !product) return null; // never show a piece the catalog does not have
  const lang = i18n.language;
  return (
    <aside className="host-piece" data-testid="host-presentation" data-product={product.id}>
      <div className="host-piece__eyebrow">✦ {t("host.present.eyebrow", { name: hostName })}</div>
      <div className="host-piece__brand">{brand.name}</div>
      <h3 className="host-piece__name">{localize(product.name, lang)}</h3>
      <div className="host-piece__price">{formatPrice(product.price, lang)}</div>
      <p className="host-piece__text">{localize(product.description, lang)}</p>
      <div className="host-piece__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => useWorldStore.getState().selectProduct(product.id)}
        >
          {t("host.present.view")}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => useHostStore.getState().dismissPresentation(product.id)}
        >
          {t("host.present.close")}
        </button>
      </div>
    </aside>
  );
}
