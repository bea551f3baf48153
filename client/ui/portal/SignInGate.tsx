import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { AuthPanel } from "../AuthPanel.tsx";

/** The portal's door: brand staff sign in with their Vitrine account. */
export function SignInGate() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  return (
    <section className="portal__gate">
      <h1 className="portal__title">{t("portal.gate.title")}</h1>
      <p className="portal__lede">{t("portal.gate.body")}</p>
      {/* Signing in swaps this gate for the portal; closing the panel goes back to the avenue. */}
      <AuthPanel
        onDone={() => {
          if (!useSessionStore.getState().user) navigate("~/");
        }}
      />
    </section>
  );
}
