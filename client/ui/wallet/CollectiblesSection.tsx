import { useTranslation } from "react-i18next";

/**
 * Where the collectibles issue will list the holder's numbered editions and certificates. Only the
 * structure exists for now: a heading, a sentence, and the empty list that issue fills.
 */
export function CollectiblesSection() {
  const { t } = useTranslation();
  return (
    <section
      className="wallet-section"
      aria-labelledby="wallet-collectibles"
      data-testid="wallet-collectibles"
    >
      <h2 id="wallet-collectibles" className="wallet-section__title">
        {t("wallet.collectibles.heading")}
      </h2>
      <p className="wallet-section__body">{t("wallet.collectibles.body")}</p>
      <ul className="wallet-collectibles" />
    </section>
  );
}
