import { type DragEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BrandProduct } from "../../../shared/models.ts";
import { localize } from "../../../shared/money.ts";
import { StatusBadge } from "./StatusBadge.tsx";

const DRAG_TYPE = "application/x-vitrine-product";

/**
 * The boutique from above: the shop behind its two windows (two display slots each, numbered left
 * to right as seen from the avenue), the door between them, the avenue in front. Place a product
 * by dragging it onto a slot, by picking it and clicking a slot, or with each slot's list.
 */
export function SlotBoard({
  slots,
  products,
  disabled,
  picked,
  onPick,
  onAssign,
}: {
  slots: readonly (string | null)[];
  products: readonly BrandProduct[];
  disabled: boolean;
  picked: string | null;
  onPick: (productId: string | null) => void;
  onAssign: (slot: number, productId: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const [over, setOver] = useState<number | null>(null);
  const name = (id: string) => {
    const p = products.find((x) => x.id === id);
    return p ? localize(p.name, i18n.language) : id;
  };
  const drop = (slot: number) => (e: DragEvent) => {
    e.preventDefault();
    setOver(null);
    const id = e.dataTransfer.getData(DRAG_TYPE);
    if (!disabled && id) onAssign(slot, id);
  };

  const slot = (i: number) => {
    const id = slots[i] ?? null;
    return (
      // biome-ignore lint/a11y/noStaticElementInteractions: drop target; the list and button inside are the keyboard path
      <div
        key={i}
        className="slot"
        data-filled={id !== null}
        data-over={over === i}
        data-testid={`slot-${i + 1}`}
        onDragOver={(e) => {
          e.preventDefault();
          if (!disabled) setOver(i);
        }}
        onDragLeave={() => setOver(null)}
        onDrop={drop(i)}
      >
        <span className="slot__number">{t("portal.window.slotName", { n: i + 1 })}</span>
        <button
          type="button"
          className="slot__target"
          disabled={disabled || picked === null}
          onClick={() => {
            if (picked) onAssign(i, picked);
          }}
        >
          {id ? name(id) : t("portal.window.empty")}
        </button>
        <select
          className="slot__select"
          aria-label={t("portal.window.slotName", { n: i + 1 })}
          value={id ?? ""}
          disabled={disabled}
          onChange={(e) => onAssign(i, e.currentTarget.value || null)}
        >
          <option value="">{t("portal.window.empty")}</option>
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {localize(p.name, i18n.language)}
            </option>
          ))}
        </select>
      </div>
    );
  };

  return (
    <div className="board">
      <section className="plan" aria-label={t("portal.window.plan")}>
        <div className="plan__shop">{t("portal.window.shop")}</div>
        <div className="plan__front">
          <div className="plan__window">{[0, 1].map(slot)}</div>
          <div className="plan__door">{t("portal.window.door")}</div>
          <div className="plan__window">{[2, 3].map(slot)}</div>
        </div>
        <div className="plan__avenue">{t("portal.window.avenue")}</div>
      </section>
      <div className="tray">
        <p className="tray__title">{t("portal.window.tray")}</p>
        <ul className="tray__list">
          {products.map((p) => {
            const placed = slots.indexOf(p.id);
            return (
              <li key={p.id}>
                <button
                  type="button"
                  className="chip"
                  draggable={!disabled}
                  aria-pressed={picked === p.id}
                  disabled={disabled}
                  onDragStart={(e) => e.dataTransfer.setData(DRAG_TYPE, p.id)}
                  onClick={() => onPick(picked === p.id ? null : p.id)}
                  data-product-id={p.id}
                >
                  <span className="chip__name">{localize(p.name, i18n.language)}</span>
                  <StatusBadge status={p.status} />
                  {placed >= 0 ? <span className="chip__slot">{placed + 1}</span> : null}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
