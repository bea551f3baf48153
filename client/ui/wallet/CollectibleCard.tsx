import { useTranslation } from "react-i18next";
import type { OwnedCopy } from "../../../shared/collectibles.ts";
import { formatDay } from "../drops/formatInstant.ts";
import { localizedName } from "../vitrine/localizedName.ts";
import { copyDownloads } from "../vitrine/vitrineApi.ts";
import { useCertificateCheck } from "./useCertificateCheck.ts";

/** The certificate's verdict: verified by signature, or why not. */
function CertificateBadge({ certificateId }: { certificateId: string }) {
  const { t } = useTranslation();
  const check = useCertificateCheck(certificateId);
  if (check.kind === "checking")
    return <span className="cert-badge">{t("collectibles.wallet.verifying")}</span>;
  if (check.kind === "done" && check.result.valid) {
    return (
      <span
        className="cert-badge cert-badge--ok"
        data-testid="collectible-verified"
        title={t("collectibles.wallet.verifiedTitle")}
      >
        <span aria-hidden="true">✓ </span>
        {t("collectibles.wallet.verified")}
      </span>
    );
  }
  const reason = check.kind === "done" ? (check.result.reason ?? "") : check.reason;
  return <span className="cert-badge cert-badge--bad">{t("collectibles.wallet.invalid", { reason })}</span>;
}

/**
 * One collectible its owner keeps: maison, name, "#17 of 250", story, when and why it was granted,
 * whether it shows in the vitrine, its files and its verified certificate.
 */
export function CollectibleCard({
  copy,
  busy,
  onToggleHidden,
}: {
  copy: OwnedCopy;
  busy: boolean;
  onToggleHidden: (hidden: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const c = copy.collectible;
  const files = copyDownloads(copy.id);
  return (
    <li
      className={`collectible-card${copy.hidden ? " collectible-card--hidden" : ""}`}
      data-testid="collectible-card"
      data-copy-id={copy.id}
      data-hidden={copy.hidden}
    >
      <div className="collectible-card__medal" aria-hidden="true">
        <span className="collectible-card__hash">№</span>
        <span className="collectible-card__number">{copy.edition}</span>
        <span className="collectible-card__of">/ {c.editionSize}</span>
      </div>
      <div className="collectible-card__body">
        <p className="collectible-card__brand">{c.brandName}</p>
        <h3 className="collectible-card__name">{localizedName(c.name, i18n.language)}</h3>
        <p className="collectible-card__edition" data-testid="collectible-edition">
          {t("collectibles.edition", { edition: copy.edition, size: c.editionSize })}
        </p>
        <p className="collectible-card__story">{localizedName(c.story, i18n.language)}</p>
        <p className="collectible-card__meta">
          {t("collectibles.wallet.granted", {
            date: formatDay(copy.grantedAt, i18n.language),
            reason: t(`collectibles.reason.${copy.grantReason}`),
          })}
        </p>
        <div className="collectible-card__row">
          <CertificateBadge certificateId={copy.id} />
          {copy.hidden ? (
            <span className="collectible-card__hidden-note">{t("collectibles.wallet.hiddenNote")}</span>
          ) : null}
        </div>
        <div className="collectible-card__actions">
          <a className="button button--link" href={files.glb} download data-testid="download-glb">
            {t("collectibles.wallet.downloadGlb")}
          </a>
          <a
            className="button button--link"
            href={files.certificate}
            download
            data-testid="download-certificate"
          >
            {t("collectibles.wallet.downloadCertificate")}
          </a>
          <a className="button button--link" href={files.zip} download>
            {t("collectibles.wallet.downloadZip")}
          </a>
          <button
            type="button"
            className="button"
            disabled={busy}
            aria-pressed={copy.hidden}
            data-testid="toggle-hidden"
            onClick={() => onToggleHidden(!copy.hidden)}
          >
            {copy.hidden ? t("collectibles.wallet.show") : t("collectibles.wallet.hide")}
          </button>
        </div>
      </div>
    </li>
  );
}
