import { useTranslation } from "react-i18next";
import type { Product } from "../../../shared/catalog.ts";
import { PersonalisationChoice } from "../../../shared/personalisation.ts";
import { sendSalon } from "../../net/salonConnection.ts";
import { localizedName } from "../vitrine/localizedName.ts";
import { useSalonStore } from "./salonStore.ts";

/** What an item's personalisation says, in one line ("JL · navy-alligator"). */
function summary(json: string): string {
  if (!json) return "";
  const parsed = PersonalisationChoice.safeParse(JSON.parse(json));
  if (!parsed.success) return "";
  return Object.values(parsed.data)
    .map((v) => ("text" in v ? v.text : "letters" in v ? v.letters : v.value))
    .join(" · ");
}

/**
 * The selection list of this appointment: the advisor adds the piece on the table (with its
 * variant and engraving) and may take one off; the client keeps the list and decides on a piece,
 * which hands it over to the maison's order (the room stores it and answers `handedOver`).
 */
export function SalonSelectionPanel({ pieces, role }: { pieces: Product[]; role: string }) {
  const { t, i18n } = useTranslation();
  const table = useSalonStore((s) => s.table);
  const engraving = useSalonStore((s) => s.engraving);
  const engravingProduct = useSalonStore((s) => s.engravingProduct);
  const selection = useSalonStore((s) => s.selection);
  const handedOver = useSalonStore((s) => s.handedOver);
  const nameOf = (id: string) => {
    const p = pieces.find((x) => x.id === id);
    return p ? localizedName(p.name, i18n.language) : id;
  };
  const add = () => {
    const personalisation =
      engraving && engravingProduct === table.productId ? (JSON.parse(engraving) as unknown) : undefined;
    sendSalon("selectionAdd", {
      productId: table.productId,
      variant: table.variant || null,
      ...(personalisation ? { personalisation } : {}),
    });
  };
  return (
    <section className="salon-panel" aria-labelledby="salon-selection-title" data-testid="salon-selection">
      <h2 id="salon-selection-title" className="salon-panel__title">
        {t("clienteling.salon.selection.title")}
      </h2>
      {role === "advisor" && table.productId ? (
        <button type="button" className="button" onClick={add} data-testid="salon-selection-add">
          {t("clienteling.salon.selection.add", { name: nameOf(table.productId) })}
        </button>
      ) : null}
      {selection.length === 0 ? (
        <p className="salon-panel__note">{t("clienteling.salon.selection.empty")}</p>
      ) : null}
      <ul className="salon-selection">
        {selection.map((item) => (
          <li key={item.itemId} className="salon-selection__item" data-testid="salon-selection-item">
            <span className="salon-selection__name">{nameOf(item.productId)}</span>
            <span className="salon-selection__detail">
              {[item.variant, summary(item.personalisation)].filter(Boolean).join(" · ")}
            </span>
            <span className="salon-selection__status">
              {item.handover === "none"
                ? null
                : t(`clienteling.salon.selection.status.${item.handover}`, { defaultValue: item.handover })}
            </span>
            {role === "client" && item.handover === "none" ? (
              <button
                type="button"
                className="button button--primary"
                data-testid="salon-handover"
                onClick={() => sendSalon("handover", { itemId: item.itemId, to: "order" })}
              >
                {t("clienteling.salon.selection.decide")}
              </button>
            ) : null}
            {role === "advisor" ? (
              <button
                type="button"
                className="button"
                onClick={() => sendSalon("selectionRemove", { itemId: item.itemId })}
              >
                {t("clienteling.salon.selection.remove")}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {handedOver ? (
        <p className="salon-panel__lead" role="status" data-testid="salon-handed-over">
          {handedOver.to === "order"
            ? t("clienteling.salon.selection.ordered", { name: nameOf(handedOver.item.productId) })
            : t("clienteling.salon.selection.claimed", { name: nameOf(handedOver.item.productId) })}
        </p>
      ) : null}
    </section>
  );
}
