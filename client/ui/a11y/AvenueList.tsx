import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { Catalog } from "../../../shared/catalog.ts";
import type { DropListItem } from "../../../shared/dropRoom.ts";
import { formatPrice, localize } from "../../../shared/money.ts";
import { fetchDropList } from "../../net/dropApi.ts";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { useWorldStore } from "../../stores/worldStore.ts";
import { BookAppointmentButton } from "../clienteling/BookAppointmentButton.tsx";
import { formatInstant } from "../drops/formatInstant.ts";
import { WishlistButton } from "../viewer/WishlistButton.tsx";
import { useComfortStore } from "./comfortStore.ts";
import { useLinkedPiece } from "./useLinkedPiece.ts";

export const AVENUE_LIST_ID = "avenue-list";

/**
 * The 2D Vitrine: the avenue's boutiques and pieces, its drops and the person's own pages, as a
 * page a keyboard and a screen reader walk like any other. The avenue's room stays joined beneath
 * it (AvenueApp), so the reader is counted, greeted and can ask the host in the chat.
 * `webgl` false: the piece's details are shown here (the viewer's stage needs WebGL); true: a
 * piece's button opens the viewer as in 3D.
 */
export function AvenueList({ catalog, webgl }: { catalog: Catalog; webgl: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const user = useSessionStore((s) => s.user);
  const drops = useDropList();
  // A shared piece's address: its viewer where there is 3D, else the piece's entry in the list.
  useLinkedPiece(catalog, ({ productId }) => {
    if (webgl) useWorldStore.getState().selectProduct(productId);
    else
      requestAnimationFrame(() => {
        const entry = document.querySelector<HTMLElement>(`[data-product-id="${CSS.escape(productId)}"]`);
        entry?.scrollIntoView({ block: "center" });
        entry?.querySelector<HTMLElement>("button")?.focus();
      });
  });
  return (
    <main className="avenue-list" id={AVENUE_LIST_ID} tabIndex={-1} data-testid="avenue-list">
      <header className="avenue-list__header">
        <h1>{t("a11y.list.title")}</h1>
        <p>{webgl ? t("a11y.list.intro") : t("a11y.list.noWebgl")}</p>
        {webgl ? (
          <button
            type="button"
            className="button"
            onClick={() => useComfortStore.getState().change({ view: "auto" })}
            data-testid="show-3d"
          >
            {t("a11y.list.to3d")}
          </button>
        ) : null}
      </header>

      <section aria-labelledby="avenue-list-drops" className="avenue-list__section">
        <h2 id="avenue-list-drops">{t("a11y.list.drops")}</h2>
        {drops && drops.length === 0 ? <p>{t("a11y.list.noDrops")}</p> : null}
        <ul className="avenue-list__drops">
          {(drops ?? []).map((d) => (
            <li key={d.id}>
              <Link href={`/drops/${encodeURIComponent(d.id)}`} data-testid="list-drop-link">
                {localize(d.title, locale)}
              </Link>{" "}
              <span className="avenue-list__meta">
                {d.brandName} · {localize(d.productName, locale)} ·{" "}
                {d.phase === "early_access" || d.phase === "public"
                  ? t("a11y.list.dropOpen", { remaining: d.remaining, stock: d.stock })
                  : t("a11y.list.dropOpens", {
                      when: formatInstant(d.earlyAccessStartsAt, locale),
                    })}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="avenue-list-boutiques" className="avenue-list__section">
        <h2 id="avenue-list-boutiques">{t("a11y.list.boutiques")}</h2>
        {catalog.brands.map((brand) => (
          <section
            key={brand.id}
            className="avenue-list__brand"
            style={{ borderColor: brand.facade.trim }}
            aria-labelledby={`brand-${brand.id}`}
            data-testid="list-brand"
          >
            <h3 id={`brand-${brand.id}`}>{brand.name}</h3>
            <p className="avenue-list__tagline">
              {localize(brand.tagline, locale)} · {t("a11y.list.pieces", { count: brand.products.length })}
            </p>
            {/* Booking the maison's advisors from its boutique (guests are asked to sign in at a piece). */}
            {user ? (
              <BookAppointmentButton brandId={brand.id} brandName={brand.name} source="boutique" />
            ) : null}
            <ul className="avenue-list__pieces">
              {brand.products.map((p) => (
                <li key={p.id} className="avenue-list__piece" data-testid="list-piece" data-product-id={p.id}>
                  <div className="avenue-list__piece-head">
                    <span className="avenue-list__name">{localize(p.name, locale)}</span>
                    <span className="avenue-list__price">{formatPrice(p.price, locale)}</span>
                  </div>
                  <p>{localize(p.description, locale)}</p>
                  {webgl ? (
                    <button
                      type="button"
                      className="button"
                      onClick={() => useWorldStore.getState().selectProduct(p.id)}
                    >
                      {t("a11y.list.see", { name: localize(p.name, locale) })}
                    </button>
                  ) : (
                    <WishlistButton productId={p.id} />
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>

      {user ? (
        <nav aria-labelledby="avenue-list-elsewhere" className="avenue-list__section">
          <h2 id="avenue-list-elsewhere">{t("a11y.list.elsewhere")}</h2>
          <ul className="avenue-list__links">
            <li>
              <Link href="/wallet">{t("a11y.list.wallet")}</Link>
            </li>
            <li>
              <Link href="/vitrine">{t("a11y.list.vitrine")}</Link>
            </li>
          </ul>
        </nav>
      ) : null}
    </main>
  );
}

/** The current and upcoming drops, or null while they load (none when the list cannot be read). */
function useDropList(): DropListItem[] | null {
  const [drops, setDrops] = useState<DropListItem[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    fetchDropList().then(
      (list) => !cancelled && setDrops(list.drops),
      () => !cancelled && setDrops([]),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return drops;
}
