import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { GrantCollectibleAnswer } from "../../../../shared/collectibles.ts";
import { parseEmails } from "./collectibleForm.ts";
import { collectiblesPortalApi } from "./collectiblesPortalApi.ts";

/** Grants copies of one collectible by email (attendees of an event, or by hand), and says what happened. */
export function GrantForm({ collectibleId, onGranted }: { collectibleId: string; onGranted: () => void }) {
  const { t } = useTranslation();
  const [emails, setEmails] = useState("");
  const [reason, setReason] = useState<"manual" | "event_attendance">("manual");
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<GrantCollectibleAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const list = parseEmails(emails);
    if (list.length === 0) {
      setError(t("collectibles.portal.grantNone"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setAnswer(await collectiblesPortalApi.grant(collectibleId, { emails: list, reason }));
      setEmails("");
      onGranted();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form grant-form" onSubmit={(e) => void submit(e)} data-testid="grant-form">
      <div className="form__field">
        <label className="form__label" htmlFor={`grant-${collectibleId}`}>
          {t("collectibles.portal.grantEmails")}
        </label>
        <textarea
          id={`grant-${collectibleId}`}
          rows={2}
          value={emails}
          onChange={(e) => setEmails(e.currentTarget.value)}
        />
      </div>
      <div className="grant-form__row">
        <select
          value={reason}
          onChange={(e) =>
            setReason(e.currentTarget.value === "event_attendance" ? "event_attendance" : "manual")
          }
        >
          <option value="manual">{t("collectibles.reason.manual")}</option>
          <option value="event_attendance">{t("collectibles.reason.event_attendance")}</option>
        </select>
        <button type="submit" className="button" disabled={busy}>
          {t("collectibles.portal.grant")}
        </button>
      </div>
      {error ? (
        <p className="form__error" role="alert">
          {error}
        </p>
      ) : null}
      {answer ? (
        <p className="form__help" role="status" data-testid="grant-result">
          {t("collectibles.portal.grantResult", {
            granted: answer.granted.length,
            already: answer.alreadyOwned.length,
            unknown: answer.unknown.length,
          })}
          {answer.soldOut ? ` ${t("collectibles.portal.soldOut")}` : ""}
        </p>
      ) : null}
    </form>
  );
}
