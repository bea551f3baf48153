import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearch } from "wouter";
import type { Brand } from "../../../shared/catalog.ts";
import { localize } from "../../../shared/money.ts";
import { BoutiquePreview } from "./BoutiquePreview.tsx";
import { PublishPanel } from "./PublishPanel.tsx";
import { asCatalogProduct, assignSlot } from "./placement.ts";
import { portalApi } from "./portalApi.ts";
import { usePortalStore } from "./portalStore.ts";
import type { PortalRole } from "./roles.ts";
import { SlotBoard } from "./SlotBoard.tsx";

/**
 * The boutique window: arrange products on the display slots (each change is saved as a draft at
 * once), see the window in 3D, and publish.
 */
export function PlacementSection({
  brand,
  editable,
  role,
}: {
  brand: Brand;
  editable: boolean;
  role: PortalRole | null;
}) {
  const { t, i18n } = useTranslation();
  const products = usePortalStore((s) => s.products);
  const placement = usePortalStore((s) => s.placement);
  const search = useSearch();
  const [picked, setPicked] = useState<string | null>(() => new URLSearchParams(search).get("place"));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const slots = placement?.slots ?? [];
  const pickedProduct = products.find((p) => p.id === picked);

  async function assign(slot: number, productId: string | null) {
    const next = assignSlot(slots, slot, productId);
    setSaving(true);
    setError(null);
    try {
      usePortalStore.getState().setPlacement(await portalApi.savePlacement(brand.id, { slots: next }));
      setPicked(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  }

  const shown = slots.map((id) => {
    const p = id ? products.find((x) => x.id === id) : undefined;
    return p ? asCatalogProduct(p) : null;
  });
  return (
    <section className="section" aria-labelledby="window-title">
      <div className="section__head">
        <h2 id="window-title" className="section__title">
          {t("portal.window.title")}
        </h2>
        <span className="section__state" role="status" data-testid="placement-state">
          {saving
            ? t("portal.window.saving")
            : placement?.unpublished
              ? t("portal.window.draft")
              : t("portal.window.live")}
        </span>
      </div>
      <p className="section__lede">
        {pickedProduct
          ? t("portal.window.placing", { name: localize(pickedProduct.name, i18n.language) })
          : t("portal.window.lede")}
      </p>
      {error ? (
        <p className="form__notice" role="alert">
          {error}
        </p>
      ) : null}
      <div className="window" data-testid="placement" data-slots={slots.map((s) => s ?? "").join(",")}>
        <SlotBoard
          slots={slots}
          products={products}
          disabled={!editable || saving}
          picked={picked}
          onPick={setPicked}
          onAssign={(slot, id) => void assign(slot, id)}
        />
        <BoutiquePreview brand={brand} slots={shown} />
      </div>
      <PublishPanel brandId={brand.id} brandName={brand.name} canPublish={editable && role !== "advisor"} />
    </section>
  );
}
