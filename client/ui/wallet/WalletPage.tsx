import "../drops/drops.css";
import "./wallet.css";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { WalletPass } from "../../../shared/passes.ts";
import { fetchMyPasses } from "../../net/passApi.ts";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { AuthPanel } from "../AuthPanel.tsx";
import { ClientelingWallet } from "../clienteling/ClientelingWallet.tsx";
import { PageHeader } from "../drops/PageHeader.tsx";
import { CollectiblesSection } from "./CollectiblesSection.tsx";
import { PassCard } from "./PassCard.tsx";

type Loaded = { passes: WalletPass[] };

const STATUS_ORDER = { active: 0, not_yet_valid: 1, expired: 2, revoked: 3 } as const;

/** The wallet (`/wallet`): the holder's passes with their signed tokens, and room for collectibles. */
export default function WalletPage() {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const checked = useSessionStore((s) => s.checked);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [authOpen, setAuthOpen] = useState(false);

  useEffect(() => {
    useSessionStore
      .getState()
      .refresh()
      .catch(() => undefined);
  }, []);

  const load = useCallback(async () => {
    setError(null);
    setLoaded(null);
    try {
      const passes = await fetchMyPasses();
      passes.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
      setLoaded({ passes });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  useEffect(() => {
    if (user) void load();
  }, [user, load]);

  return (
    <main className="wallet-page" data-testid="wallet-page">
      <PageHeader onSignIn={() => setAuthOpen(true)} />
      <div className="wallet">
        <h1 className="wallet__title">{t("wallet.title")}</h1>
        <p className="wallet__intro">{t("wallet.intro")}</p>
        {checked && !user ? (
          <p className="wallet__note">
            {t("wallet.signIn")}{" "}
            <button type="button" className="button button--primary" onClick={() => setAuthOpen(true)}>
              {t("auth.signIn")}
            </button>
          </p>
        ) : null}
        {user ? (
          <section className="wallet-section" aria-labelledby="wallet-passes">
            <h2 id="wallet-passes" className="wallet-section__title">
              {t("wallet.passes")}
            </h2>
            {error ? (
              <div role="alert" className="wallet__note">
                <p>{t("wallet.loadFailed", { reason: error })}</p>
                <button type="button" className="button" onClick={() => void load()}>
                  {t("wallet.retry")}
                </button>
              </div>
            ) : null}
            {!loaded && !error ? <p className="wallet__note">{t("wallet.loading")}</p> : null}
            {loaded?.passes.length === 0 ? <p className="wallet__note">{t("wallet.none")}</p> : null}
            <div className="wallet__passes">
              {loaded?.passes.map((p) => (
                <PassCard key={p.id} pass={p} passType={p.passType} />
              ))}
            </div>
          </section>
        ) : null}
        {user ? <CollectiblesSection /> : null}
        {user ? <ClientelingWallet /> : null}
      </div>
      {authOpen ? <AuthPanel onDone={() => setAuthOpen(false)} /> : null}
    </main>
  );
}
