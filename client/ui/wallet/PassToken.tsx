import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PassTokenState } from "./usePassToken.ts";

/** The pass's signed token as copyable text, with the server's verdict on it. */
export function PassToken({ state }: { state: PassTokenState }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  if (state.kind === "idle") return null;
  if (state.kind === "loading") return <p className="pass-token__note">{t("wallet.token.verifying")}</p>;
  if (state.kind === "unavailable") {
    return <p className="pass-token__note">{t("wallet.token.unavailable", { reason: state.reason })}</p>;
  }
  const copy = async () => {
    await navigator.clipboard?.writeText(state.token).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  const v = state.verification;
  return (
    <div className="pass-token">
      <div className="pass-token__head">
        <span className="pass-token__title">{t("wallet.token.heading")}</span>
        <button type="button" className="button button--link" onClick={() => void copy()}>
          {copied ? t("wallet.token.copied") : t("wallet.token.copy")}
        </button>
      </div>
      <textarea
        className="pass-token__text"
        readOnly
        rows={4}
        value={state.token}
        aria-label={t("wallet.token.label")}
        data-testid="pass-token"
        onFocus={(e) => e.currentTarget.select()}
      />
      {v === null && state.verifyError === null ? (
        <p className="pass-token__note">{t("wallet.token.verifying")}</p>
      ) : null}
      {v?.valid ? (
        <p className="pass-check pass-check--ok" data-testid="pass-verified">
          <span aria-hidden="true">✓ </span>
          {t("wallet.token.verified")}
        </p>
      ) : null}
      {v && !v.valid ? (
        <p className="pass-check pass-check--bad">{t("wallet.token.invalid", { reason: v.reason ?? "" })}</p>
      ) : null}
      {state.verifyError ? (
        <p className="pass-check pass-check--bad">
          {t("wallet.token.invalid", { reason: state.verifyError })}
        </p>
      ) : null}
    </div>
  );
}
