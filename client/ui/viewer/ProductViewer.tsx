import { useCallback, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Brand, Product } from "../../../shared/catalog.ts";
import { formatPrice, localize } from "../../../shared/money.ts";
import { useViewerFacts } from "../../net/viewerFacts.ts";
import { useWorldStore } from "../../stores/worldStore.ts";
import { SharePieceButton } from "../a11y/SharePieceButton.tsx";
import { BookAppointmentButton } from "../clienteling/BookAppointmentButton.tsx";
import "./viewer.css";
import { useFocusTrap } from "./useFocusTrap.ts";
import { VariantPicker } from "./VariantPicker.tsx";
import { ViewerLoading } from "./ViewerLoading.tsx";
import { ViewerStage } from "./ViewerStage.tsx";
import { LOADING_INFO, type ViewerInfo } from "./viewerInfo.ts";
import { WishlistButton } from "./WishlistButton.tsx";

/** The shopper's 3D viewer of the piece clicked in a window (nothing while none is selected). */
export function ProductViewer() {
  const selected = useWorldStore((s) => s.selectedProductId);
  const catalog = useWorldStore((s) => s.catalog);
  if (!selected || !catalog) return null;
  const brand = catalog.brands.find((b) => b.products.some((p) => p.id === selected));
  const product = brand?.products.find((p) => p.id === selected);
  if (!brand || !product) return null;
  // A new key per product: the variant and the loading state start afresh.
  return <ViewerDialog key={product.id} brand={brand} product={product} />;
}

function ViewerDialog({ brand, product }: { brand: Brand; product: Product }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const [info, setInfo] = useState<ViewerInfo>(LOADING_INFO);
  const [variant, setVariant] = useState<number | null>(null);
  const close = useCallback(() => useWorldStore.getState().selectProduct(null), []);
  useFocusTrap(dialog, close);
  useViewerFacts(product.id, variant);
  const model = product.model;
  const variantLabels = model.kind === "gltf" ? (model.variants ?? []) : [];

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the backdrop closes on click; Esc does it by keyboard
    <div
      className="viewer"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) close();
      }}
      // Keys typed in the viewer never walk the avatar (the avenue listens on window).
      onKeyDown={(e) => e.stopPropagation()}
    >
      <div
        ref={dialog}
        className="viewer__panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="product-viewer"
        data-product-id={product.id}
        data-status={info.status}
        data-variants={info.variants.join("|")}
        data-variant={variant === null ? "" : (info.variants[variant] ?? "")}
        data-triangles={info.triangles}
      >
        <div className="viewer__stage">
          <ViewerStage model={model} variant={variant} status={info.status} onInfo={setInfo} />
          <ViewerLoading info={info} />
          <p className="viewer__hint">{t("viewer.hint")}</p>
        </div>
        <div className="viewer__details">
          <button
            type="button"
            className="viewer__close"
            onClick={close}
            aria-label={t("viewer.close")}
            data-autofocus
          >
            ×
          </button>
          <div className="viewer__brand">{brand.name}</div>
          <h2 id={titleId} className="viewer__name" data-testid="viewer-name">
            {localize(product.name, locale)}
          </h2>
          <div className="viewer__price" data-testid="viewer-price">
            {formatPrice(product.price, locale)}
          </div>
          <p className="viewer__description">{localize(product.description, locale)}</p>
          <VariantPicker
            names={info.variants}
            labels={variantLabels}
            selected={variant}
            onSelect={setVariant}
          />
          <WishlistButton productId={product.id} />
          <SharePieceButton productId={product.id} />
          <BookAppointmentButton brandId={brand.id} brandName={brand.name} source="viewer" />
          {model.kind === "gltf" && model.credit ? (
            <p className="viewer__credit" data-testid="viewer-credit">
              {t("viewer.credit", { credit: model.credit })}
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}
