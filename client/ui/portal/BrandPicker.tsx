import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { Brand } from "../../../shared/catalog.ts";
import { localize } from "../../../shared/money.ts";

/** For staff of several maisons (and admins): which brand's portal to open. */
export function BrandPicker({ brands }: { brands: Brand[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="portal__picker">
      <h1 className="portal__title">{t("portal.picker.title")}</h1>
      <ul className="portal__brands">
        {brands.map((b) => (
          <li key={b.id}>
            <Link href={`/${b.id}`} className="portal__brand-card" style={{ borderColor: b.facade.trim }}>
              <span className="portal__brand-name">{b.name}</span>
              <span className="portal__brand-tagline">{localize(b.tagline, i18n.language)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
