import type { KeyboardEvent } from "react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { AvenueLayout } from "../../../shared/avenue/layout.ts";
import type { Catalog } from "../../../shared/catalog.ts";
import { localize } from "../../../shared/money.ts";
import { localInput, walkTo } from "../../net/localInput.ts";
import { useWorldStore } from "../../stores/worldStore.ts";
import { boutiqueApproach } from "./approach.ts";
import { useLinkedPiece } from "./useLinkedPiece.ts";

/**
 * The 3D avenue's keyboard path: every boutique and piece on the street as a button, reached with
 * Tab and moved between with the arrow keys (Up/Down across everything, Left/Right from boutique to
 * boutique). Choosing a boutique walks the avatar in front of it and turns the camera to it;
 * choosing a piece also opens its viewer. Out of sight until it holds focus, over the scene then.
 */
export function AvenueNavigator({ catalog, layout }: { catalog: Catalog; layout: AvenueLayout }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const nav = useRef<HTMLElement>(null);

  const goTo = (brandId: string) => {
    const b = layout.boutiques.find((x) => x.brandId === brandId);
    if (!b) return;
    const p = boutiqueApproach(b);
    localInput.cameraYaw = p.yaw;
    walkTo(p.x, p.z);
  };

  // A shared piece's address: walk to its boutique and open its viewer, as choosing it here does.
  useLinkedPiece(catalog, ({ productId, brandId }) => {
    goTo(brandId);
    useWorldStore.getState().selectProduct(productId);
  });

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const step = { ArrowDown: 1, ArrowUp: -1, ArrowRight: 1, ArrowLeft: -1 }[e.key];
    if (step === undefined || !nav.current) return;
    // Arrows here move the focus, never the avatar (the walking keys listen on window).
    e.preventDefault();
    e.stopPropagation();
    const selector = e.key === "ArrowLeft" || e.key === "ArrowRight" ? "[data-nav-boutique]" : "button";
    const items = Array.from(nav.current.querySelectorAll<HTMLElement>(selector));
    const current = document.activeElement as HTMLElement | null;
    const from = current?.closest("[data-nav-brand]")?.querySelector<HTMLElement>("[data-nav-boutique]");
    const at = items.indexOf(
      selector === "button" ? (current as HTMLElement) : (from ?? (current as HTMLElement)),
    );
    const next = items[(at + step + items.length) % items.length];
    next?.focus();
  };

  return (
    <nav
      ref={nav}
      className="avenue-nav"
      aria-label={t("a11y.nav.label")}
      onKeyDown={onKeyDown}
      data-testid="avenue-nav"
    >
      <p className="avenue-nav__hint">{t("a11y.nav.hint")}</p>
      <ul>
        {catalog.brands.map((brand) => (
          <li key={brand.id} data-nav-brand>
            <button
              type="button"
              className="avenue-nav__boutique"
              data-nav-boutique
              onClick={() => goTo(brand.id)}
              onFocus={() => goTo(brand.id)}
            >
              {t("a11y.nav.walkTo", { name: brand.name })}
            </button>
            <ul>
              {brand.products.map((p) => (
                <li key={p.id}>
                  <button
                    type="button"
                    className="avenue-nav__piece"
                    onClick={() => {
                      goTo(brand.id);
                      useWorldStore.getState().selectProduct(p.id);
                    }}
                  >
                    {t("a11y.list.see", { name: localize(p.name, locale) })}
                  </button>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </nav>
  );
}
