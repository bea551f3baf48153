import { useTranslation } from "react-i18next";
import type { Catalog } from "../../shared/catalog.ts";
import { formatPrice, localize } from "../../shared/money.ts";

/** The avenue as a plain list: what a browser without WebGL shows instead of a blank page. */
export function BoutiqueList({ catalog }: { catalog: Catalog }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <main className="fallback" data-testid="no-webgl">
      <header className="fallback__header">
        <h1>{t("brand.name")}</h1>
        <p className="fallback__title">{t("noWebgl.title")}</p>
        <p>{t("noWebgl.body")}</p>
      </header>
      {catalog.brands.map((brand) => (
        <section key={brand.id} className="fallback__brand" style={{ borderColor: brand.facade.trim }}>
          <h2>{brand.name}</h2>
          <p className="fallback__tagline">{localize(brand.tagline, locale)}</p>
          <ul>
            {brand.products.map((p) => (
              <li key={p.id}>
                <span className="fallback__product">{localize(p.name, locale)}</span>
                <span className="fallback__price">{formatPrice(p.price, locale)}</span>
                <p>{localize(p.description, locale)}</p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}
