import { useTranslation } from "react-i18next";
import { formatPrice, localize } from "../../shared/money.ts";
import { useWorldStore } from "../stores/worldStore.ts";

/** The card of the piece a shopper clicked in a window. */
export function ProductCard() {
  const { t, i18n } = useTranslation();
  const selected = useWorldStore((s) => s.selectedProductId);
  const catalog = useWorldStore((s) => s.catalog);
  const selectProduct = useWorldStore((s) => s.selectProduct);
  if (!selected || !catalog) return null;
  const brand = catalog.brands.find((b) => b.products.some((p) => p.id === selected));
  const product = brand?.products.find((p) => p.id === selected);
  if (!brand || !product) return null;
  const locale = i18n.language;
  return (
    <aside className="card" aria-label={localize(product.name, locale)} data-testid="product-card">
      <button
        type="button"
        className="card__close"
        onClick={() => selectProduct(null)}
        aria-label={t("product.close")}
      >
        ×
      </button>
      <div className="card__brand">{t("product.by", { brand: brand.name })}</div>
      <h2 className="card__name">{localize(product.name, locale)}</h2>
      <div className="card__price">{formatPrice(product.price, locale)}</div>
      <p className="card__description">{localize(product.description, locale)}</p>
      {product.model.kind === "gltf" && product.model.credit ? (
        <p className="card__credit">{product.model.credit}</p>
      ) : null}
    </aside>
  );
}
