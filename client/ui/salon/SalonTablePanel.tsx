import { useTranslation } from "react-i18next";
import type { Product } from "../../../shared/catalog.ts";
import { VIEWER_ZOOM_MAX, VIEWER_ZOOM_MIN } from "../../../shared/clienteling/salonRoom.ts";
import { formatPrice } from "../../../shared/money.ts";
import { sendSalon } from "../../net/salonConnection.ts";
import { localizedName } from "../vitrine/localizedName.ts";
import { useSalonStore } from "./salonStore.ts";

/**
 * The shared viewer's controls: the maison's pieces to put on the table, the variants of the one
 * there, and its turn, tilt and zoom. Everything goes through the room; what is shown is its state.
 */
export function SalonTablePanel({
  pieces,
  variants,
  canPlace,
}: {
  pieces: Product[];
  variants: Array<{ name: string; label: string }>;
  canPlace: boolean;
}) {
  const { t, i18n } = useTranslation();
  const table = useSalonStore((s) => s.table);
  const onTable = pieces.find((p) => p.id === table.productId) ?? null;
  const turn = (patch: Partial<{ yaw: number; pitch: number; zoom: number }>) =>
    sendSalon("turnTable", { yaw: table.yaw, pitch: table.pitch, zoom: table.zoom, ...patch });
  return (
    <section className="salon-panel" aria-labelledby="salon-table-title" data-testid="salon-table-panel">
      <h2 id="salon-table-title" className="salon-panel__title">
        {t("clienteling.salon.table.title")}
      </h2>
      {canPlace ? (
        <ul className="salon-pieces">
          {pieces.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className={`salon-piece${p.id === table.productId ? " salon-piece--on" : ""}`}
                aria-pressed={p.id === table.productId}
                data-testid={`salon-place-${p.id}`}
                onClick={() => sendSalon("placeOnTable", { productId: p.id, variant: null })}
              >
                <span className="salon-piece__name">{localizedName(p.name, i18n.language)}</span>
                <span className="salon-piece__price">{formatPrice(p.price, i18n.language)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {onTable ? (
        <>
          <p className="salon-panel__lead" data-testid="salon-on-table">
            {t("clienteling.salon.table.onTable", { name: localizedName(onTable.name, i18n.language) })}
          </p>
          {variants.length > 0 && canPlace ? (
            <fieldset className="salon-variants">
              <legend>{t("clienteling.salon.table.variant")}</legend>
              {variants.map((v) => (
                <button
                  key={v.name}
                  type="button"
                  className="button"
                  aria-pressed={table.variant === v.name}
                  data-testid={`salon-variant-${v.name}`}
                  onClick={() => sendSalon("setVariant", { variant: v.name })}
                >
                  {v.label}
                </button>
              ))}
            </fieldset>
          ) : null}
          <label className="salon-range">
            {t("clienteling.salon.table.turn")}
            <input
              type="range"
              min={0}
              max={Math.round(Math.PI * 2 * 100) / 100}
              step={0.01}
              value={table.yaw}
              data-testid="salon-turn"
              onChange={(e) => turn({ yaw: Number(e.target.value) })}
            />
          </label>
          <label className="salon-range">
            {t("clienteling.salon.table.tilt")}
            <input
              type="range"
              min={-0.6}
              max={0.6}
              step={0.01}
              value={table.pitch}
              onChange={(e) => turn({ pitch: Number(e.target.value) })}
            />
          </label>
          <label className="salon-range">
            {t("clienteling.salon.table.zoom")}
            <input
              type="range"
              min={VIEWER_ZOOM_MIN}
              max={Math.min(VIEWER_ZOOM_MAX, 2)}
              step={0.05}
              value={table.zoom}
              data-testid="salon-zoom"
              onChange={(e) => turn({ zoom: Number(e.target.value) })}
            />
          </label>
          {canPlace ? (
            <button type="button" className="button" onClick={() => sendSalon("clearTable", {})}>
              {t("clienteling.salon.table.clear")}
            </button>
          ) : null}
        </>
      ) : (
        <p className="salon-panel__note">{t("clienteling.salon.table.empty")}</p>
      )}
    </section>
  );
}
