import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFocusTrap } from "../viewer/useFocusTrap.ts";
import { portalApi } from "./portalApi.ts";
import { usePortalStore } from "./portalStore.ts";

/**
 * What publishing would change (drafts, edits, the arrangement) and the button that sends it to
 * the avenue, behind a confirmation; then what was published and when.
 */
export function PublishPanel({
  brandId,
  brandName,
  canPublish,
}: {
  brandId: string;
  brandName: string;
  canPublish: boolean;
}) {
  const { t, i18n } = useTranslation();
  const products = usePortalStore((s) => s.products);
  const placement = usePortalStore((s) => s.placement);
  const last = usePortalStore((s) => s.lastPublish);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = products.filter((p) => p.status !== "published").length;
  const changes = pending + (placement?.unpublished ? 1 : 0);

  async function publish() {
    setBusy(true);
    setError(null);
    try {
      const result = await portalApi.publish(brandId);
      setConfirming(false);
      await usePortalStore.getState().published(result);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="publish" data-testid="publish-panel" data-changes={changes}>
      <div>
        <p className="publish__summary">
          {[
            changes === 0 ? t("portal.publish.upToDate") : null,
            pending > 0 ? t("portal.publish.pending", { products: pending, count: pending }) : null,
            placement?.unpublished ? t("portal.publish.arrangement") : null,
          ]
            .filter(Boolean)
            .join(" ")}
        </p>
        {last ? (
          <p className="publish__result" role="status" data-testid="publish-result">
            {t("portal.publish.done", {
              count: last.published.length,
              time: new Intl.DateTimeFormat(i18n.language, { timeStyle: "short" }).format(
                new Date(last.publishedAt),
              ),
            })}
          </p>
        ) : null}
        {!canPublish ? <p className="section__readonly">{t("portal.publish.notAllowed")}</p> : null}
      </div>
      <button
        type="button"
        className="button button--primary"
        disabled={!canPublish || changes === 0 || busy}
        onClick={() => setConfirming(true)}
      >
        {t("portal.publish.button")}
      </button>
      {confirming ? (
        <ConfirmPublish
          brandName={brandName}
          changes={changes}
          busy={busy}
          error={error}
          onConfirm={publish}
          onCancel={() => {
            setConfirming(false);
            setError(null);
          }}
        />
      ) : null}
    </div>
  );
}

function ConfirmPublish(props: {
  brandName: string;
  changes: number;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const panel = useRef<HTMLDivElement>(null);
  useFocusTrap(panel, props.onCancel);
  return (
    <div className="dialog">
      <div
        ref={panel}
        className="dialog__panel confirm"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="publish-title"
        aria-describedby="publish-body"
        data-testid="publish-confirm"
      >
        <h2 id="publish-title">{t("portal.publish.confirmTitle")}</h2>
        <p id="publish-body" className="confirm__body">
          {t("portal.publish.confirmBody", { brand: props.brandName, count: props.changes })}
        </p>
        {props.error ? (
          <p className="dialog__error" role="alert">
            {props.error}
          </p>
        ) : null}
        <button
          type="button"
          className="button button--primary"
          onClick={props.onConfirm}
          disabled={props.busy}
        >
          {t("portal.publish.confirm")}
        </button>
        <button type="button" className="button button--link" onClick={props.onCancel} data-autofocus>
          {t("portal.publish.cancel")}
        </button>
      </div>
    </div>
  );
}
