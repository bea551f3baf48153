import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { LanguagePicker } from "../LanguagePicker.tsx";

/** The thin bar above the drop and wallet pages: back to the avenue, the wallet, who you are, the language. */
export function PageHeader({ onSignIn }: { onSignIn: () => void }) {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  return (
    <header className="page-header">
      <Link href="~/" className="page-header__logo">
        {t("brand.name")}
      </Link>
      <nav className="page-header__nav" aria-label={t("drops.page.nav")}>
        <Link href="~/" className="button button--link">
          {t("drops.page.avenue")}
        </Link>
        {user ? (
          <Link href="~/wallet" className="button button--link">
            {t("wallet.link")}
          </Link>
        ) : null}
        {user ? (
          <>
            <span className="page-header__user">{t("auth.signedInAs", { name: user.displayName })}</span>
            <button
              type="button"
              className="button"
              onClick={() => void useSessionStore.getState().signOut()}
            >
              {t("auth.signOut")}
            </button>
          </>
        ) : (
          <button type="button" className="button button--primary" onClick={onSignIn}>
            {t("auth.signIn")}
          </button>
        )}
        <LanguagePicker />
      </nav>
    </header>
  );
}
