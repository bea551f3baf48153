import "./collectibles.css";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { OwnedCopy } from "../../../shared/collectibles.ts";
import { ShareLink } from "../vitrine/ShareLink.tsx";
import { collectiblesApi } from "../vitrine/vitrineApi.ts";
import { CollectibleCard } from "./CollectibleCard.tsx";

type Loaded =
  | { kind: "loading" }
  | { kind: "ready"; copies: OwnedCopy[] }
  | { kind: "failed"; reason: string };

/**
 * The holder's collectibles: one card per numbered edition (with its verified certificate and its
 * files), a way to hide one from the vitrine, and the way into the vitrine and its visitor link.
 */
export function CollectiblesSection() {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ kind: "loading" });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setLoaded({ kind: "ready", copies: await collectiblesApi.myCopies() });
    } catch (e) {
      setLoaded({ kind: "failed", reason: e instanceof Error ? e.message : String(e) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const toggle = async (copy: OwnedCopy, hidden: boolean) => {
    setBusy(copy.id);
    setError(null);
    try {
      const updated = await collectiblesApi.setHidden(copy.id, { hidden });
      setLoaded((l) =>
        l.kind === "ready"
          ? { kind: "ready", copies: l.copies.map((c) => (c.id === updated.id ? updated : c)) }
          : l,
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section
      className="wallet-section"
      aria-labelledby="wallet-collectibles"
      data-testid="wallet-collectibles"
    >
      <div className="collectibles-head">
        <h2 id="wallet-collectibles" className="wallet-section__title">
          {t("wallet.collectibles.heading")}
        </h2>
        <Link href="~/vitrine" className="button button--primary" data-testid="open-vitrine">
          {t("collectibles.wallet.openVitrine")}
        </Link>
      </div>
      <p className="wallet-section__body">{t("collectibles.wallet.intro")}</p>
      {loaded.kind === "loading" ? <p className="wallet__note">{t("wallet.loading")}</p> : null}
      {loaded.kind === "failed" ? (
        <div role="alert" className="wallet__note">
          <p>{t("wallet.loadFailed", { reason: loaded.reason })}</p>
          <button type="button" className="button" onClick={() => void load()}>
            {t("wallet.retry")}
          </button>
        </div>
      ) : null}
      {loaded.kind === "ready" && loaded.copies.length === 0 ? (
        <p className="wallet__note">{t("collectibles.wallet.empty")}</p>
      ) : null}
      {error ? (
        <p role="alert" className="pass-check pass-check--bad">
          {error}
        </p>
      ) : null}
      <ul className="wallet-collectibles">
        {loaded.kind === "ready"
          ? loaded.copies.map((c) => (
              <CollectibleCard
                key={c.id}
                copy={c}
                busy={busy === c.id}
                onToggleHidden={(h) => void toggle(c, h)}
              />
            ))
          : null}
      </ul>
      {loaded.kind === "ready" && loaded.copies.length > 0 ? <ShareLink /> : null}
    </section>
  );
}
