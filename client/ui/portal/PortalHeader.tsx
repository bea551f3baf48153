import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import type { Brand } from "../../../shared/catalog.ts";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { LanguagePicker } from "../LanguagePicker.tsx";

/** The portal's top bar: the house mark, a switch between brands, the person, the language. */
export function PortalHeader({ brands }: { brands: Brand[] }) {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const [location, navigate] = useLocation();
  const current = location.split("/")[1] ?? "";
  return (
    <header className="portal__header">
      <div className="portal__mark">
        <Link href="~/" className="portal__logo">
          {t("brand.name")}
        </Link>
        <span className="portal__section">{t("portal.title")}</span>
      </div>
      <div className="portal__actions">
        {brands.length > 1 ? (
          <select
            className="portal__switch"
            aria-label={t("portal.picker.switch")}
            value={brands.some((b) => b.id === current) ? current : ""}
            onChange={(e) => navigate(`/${e.target.value}`)}
          >
            <option value="" disabled>
              {t("portal.picker.title")}
            </option>
            {brands.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        ) : null}
        {user ? (
          <>
            <span className="portal__user">{user.displayName}</span>
            <button
              type="button"
              className="button"
              onClick={() => void useSessionStore.getState().signOut()}
            >
              {t("auth.signOut")}
            </button>
          </>
        ) : null}
        <Link href="~/" className="button">
          {t("portal.toAvenue")}
        </Link>
        <LanguagePicker />
      </div>
    </header>
  );
}
