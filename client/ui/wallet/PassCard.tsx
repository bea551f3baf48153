import { useTranslation } from "react-i18next";
import { localize } from "../../../shared/money.ts";
import type { Pass, PassType } from "../../../shared/passes.ts";
import { formatDay } from "../drops/formatInstant.ts";
import { PassToken } from "./PassToken.tsx";
import { usePassToken } from "./usePassToken.ts";

/** What holding a pass of this type gives, one line each. */
function Entitlements({ passType }: { passType: PassType }) {
  const { t } = useTranslation();
  const e = passType.entitlements;
  const lines = [
    e.earlyAccessLeadMinutes > 0
      ? t("wallet.entitlements.earlyAccess", { count: e.earlyAccessLeadMinutes })
      : null,
    e.inviteOnlyEvents ? t("wallet.entitlements.inviteOnly") : null,
    e.perDropClaimLimit ? t("wallet.entitlements.claimLimit", { count: e.perDropClaimLimit }) : null,
    e.passOnlyCollectibleIds.length > 0
      ? t("wallet.entitlements.collectibles", { count: e.passOnlyCollectibleIds.length })
      : null,
  ].filter((l): l is string => l !== null);
  if (lines.length === 0) return null;
  return (
    <div className="pass-card__entitlements">
      <h3>{t("wallet.entitlements.heading")}</h3>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * One pass as its holder sees it: name and tier, status, validity window, what it gives (when the
 * pass type is known), and its signed token with the server's verdict.
 */
export function PassCard({ pass, passType }: { pass: Pass; passType: PassType | null }) {
  const { t, i18n } = useTranslation();
  const token = usePassToken(pass.id, pass.status === "active");
  const tier = passType?.tier ?? (token.kind === "ready" ? token.claims?.tier : undefined);
  const name = passType
    ? localize(passType.name, i18n.language)
    : tier
      ? t("wallet.tierPass", { tier })
      : t("wallet.pass");
  return (
    <article
      className={`pass-card pass-card--${pass.status}`}
      data-testid="pass-card"
      data-status={pass.status}
    >
      <header className="pass-card__head">
        <div>
          <p className="pass-card__eyebrow">{t("brand.name")}</p>
          <h2 className="pass-card__name">{name}</h2>
        </div>
        <span className={`pass-status pass-status--${pass.status}`}>{t(`wallet.status.${pass.status}`)}</span>
      </header>
      <dl className="pass-card__facts">
        {tier ? (
          <>
            <dt>{t("wallet.tier")}</dt>
            <dd className="pass-card__tier">{tier}</dd>
          </>
        ) : null}
        <dt>{t("wallet.valid")}</dt>
        <dd>
          {t("wallet.validRange", {
            from: formatDay(pass.validFrom, i18n.language),
            until: formatDay(pass.validUntil, i18n.language),
          })}
        </dd>
        <dt>{t("wallet.issuedBy")}</dt>
        <dd>{t(`wallet.source.${pass.source}`)}</dd>
        {pass.revokedAt ? (
          <>
            <dt>{t("wallet.status.revoked")}</dt>
            <dd>{t("wallet.revokedAt", { time: formatDay(pass.revokedAt, i18n.language) })}</dd>
          </>
        ) : null}
      </dl>
      {passType ? <Entitlements passType={passType} /> : null}
      <PassToken state={token} />
    </article>
  );
}
