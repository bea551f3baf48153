import "./shareLink.css";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { collectiblesApi, visitorLink } from "./vitrineApi.ts";

/**
 * The owner's visitor link: copy it to invite someone in, or replace it (the old link stops
 * working at once, and anyone who came in with it is shown out).
 */
export function ShareLink() {
  const { t } = useTranslation();
  const [link, setLink] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    collectiblesApi
      .share()
      .then((s) => setLink(visitorLink(s.path)))
      .catch((e: unknown) =>
        setNote(t("collectibles.share.failed", { reason: e instanceof Error ? e.message : "" })),
      );
  }, [t]);
  const copy = async () => {
    if (!link) return;
    await navigator.clipboard?.writeText(link).catch(() => undefined);
    setNote(t("collectibles.share.copied"));
  };
  const rotate = async () => {
    setBusy(true);
    try {
      const s = await collectiblesApi.rotateShare();
      setLink(visitorLink(s.path));
      setNote(t("collectibles.share.rotated"));
    } catch (e) {
      setNote(t("collectibles.share.failed", { reason: e instanceof Error ? e.message : "" }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="share-link" data-testid="share-link">
      <p className="share-link__title">{t("collectibles.share.title")}</p>
      <input
        className="share-link__url"
        readOnly
        value={link ?? ""}
        aria-label={t("collectibles.share.label")}
        data-testid="visitor-link"
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="share-link__actions">
        <button type="button" className="button button--primary" disabled={!link} onClick={() => void copy()}>
          {t("collectibles.share.copy")}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void rotate()}
          data-testid="rotate-link"
        >
          {t("collectibles.share.rotate")}
        </button>
      </div>
      <p className="share-link__note" aria-live="polite">
        {note ?? t("collectibles.share.hint")}
      </p>
    </div>
  );
}
