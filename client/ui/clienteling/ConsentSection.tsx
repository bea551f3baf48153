import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { clienteling as api } from "../../../shared/api/index.ts";
import {
  type BrandConsent,
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  type ConsentChannel,
  type ConsentPurpose,
} from "../../../shared/clienteling/consent.ts";
import { callApi } from "../../net/api.ts";
import { BookingPanel } from "./BookingPanel.tsx";

/**
 * The wallet's consent panel: every maison the shopper has a relationship with, each purpose ×
 * channel as a switch (changed one at a time, recorded as from the wallet), a withdrawal of
 * everything (which takes them out of that maison's client book), and a way to book an advisor.
 */
export function ConsentSection({ onBooked }: { onBooked(): void }) {
  const { t } = useTranslation();
  const [consents, setConsents] = useState<BrandConsent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [booking, setBooking] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setConsents(await callApi(api.myConsents));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const replace = (next: BrandConsent) =>
    setConsents((all) => all?.map((c) => (c.brandId === next.brandId ? next : c)) ?? null);

  const toggle = async (
    brandId: string,
    purpose: ConsentPurpose,
    channel: ConsentChannel,
    granted: boolean,
  ) => {
    try {
      const body = { source: "wallet" as const, changes: [{ purpose, channel, granted }] };
      replace(await callApi(api.setMyConsent, { params: { brandId }, body }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const withdraw = async (brandId: string) => {
    try {
      replace(await callApi(api.withdrawMyConsent, { params: { brandId } }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="wallet-section" aria-labelledby="wallet-consent" data-testid="consent-section">
      <h2 id="wallet-consent" className="wallet-section__title">
        {t("clienteling.consent.title")}
      </h2>
      <p className="wallet__note">{t("clienteling.consent.intro")}</p>
      {error ? (
        <p role="alert" className="wallet__note">
          {t("clienteling.failed", { reason: error })}
        </p>
      ) : null}
      {consents?.length === 0 ? <p className="wallet__note">{t("clienteling.consent.none")}</p> : null}
      {consents?.map((c) => (
        <article key={c.brandId} className="consent-card" data-testid={`consent-${c.brandId}`}>
          <header className="consent-card__head">
            <h3>{c.brandName}</h3>
            <span className="consent-card__book">
              {c.inBook ? t("clienteling.consent.inBook") : t("clienteling.consent.notInBook")}
            </span>
          </header>
          <table className="consent-card__grid">
            <thead>
              <tr>
                <th scope="col">{t("clienteling.consent.purpose")}</th>
                {CONSENT_CHANNELS.map((channel) => (
                  <th key={channel} scope="col">
                    {t(`clienteling.channel.${channel}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {CONSENT_PURPOSES.map((purpose) => (
                <tr key={purpose}>
                  <th scope="row">{t(`clienteling.purpose.${purpose}`)}</th>
                  {CONSENT_CHANNELS.map((channel) => (
                    <td key={channel}>
                      <input
                        type="checkbox"
                        aria-label={t("clienteling.consent.switch", {
                          purpose: t(`clienteling.purpose.${purpose}`),
                          channel: t(`clienteling.channel.${channel}`),
                        })}
                        checked={c.consent[purpose][channel]}
                        onChange={(e) => void toggle(c.brandId, purpose, channel, e.target.checked)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="consent-card__actions">
            <button type="button" className="button" onClick={() => setBooking(c.brandId)}>
              {t("clienteling.booking.open")}
            </button>
            <button
              type="button"
              className="button"
              disabled={!c.inBook}
              onClick={() => void withdraw(c.brandId)}
            >
              {t("clienteling.consent.withdraw")}
            </button>
          </div>
          {booking === c.brandId ? (
            <BookingPanel
              brandId={c.brandId}
              brandName={c.brandName}
              source="wallet"
              onClose={() => setBooking(null)}
              onBooked={onBooked}
            />
          ) : null}
        </article>
      ))}
    </section>
  );
}
