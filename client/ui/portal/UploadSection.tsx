import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { DropZone } from "./DropZone.tsx";
import { FiguresTable } from "./FiguresTable.tsx";
import { formatBytes } from "./format.ts";
import { ProblemsList } from "./ProblemsList.tsx";
import { usePortalStore } from "./portalStore.ts";
import { UploadProgressBars } from "./UploadProgressBars.tsx";
import { useModelUpload } from "./useModelUpload.ts";
import { WarningsList } from "./WarningsList.tsx";

/** Bring a model in: drop or pick files, follow the transfer and the processing, read the outcome. */
export function UploadSection({ brandId, editable }: { brandId: string; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const limits = usePortalStore((s) => s.limits);
  const { state, start, reset } = useModelUpload(brandId, limits, (model) =>
    usePortalStore.getState().addModel(model),
  );
  const busy = state.phase === "sending" || state.phase === "processing";
  const maxLabel = limits ? formatBytes(limits.maxUploadBytes, i18n.language) : "…";

  return (
    <section className="section" aria-labelledby="upload-title">
      <div className="section__head">
        <h2 id="upload-title" className="section__title">
          {t("portal.upload.title")}
        </h2>
      </div>
      <p className="section__lede">{t("portal.upload.lede")}</p>
      {editable ? null : <p className="section__readonly">{t("portal.upload.readOnly")}</p>}
      {state.phase === "idle" || state.phase === "rejected" ? (
        <DropZone disabled={!editable || busy} maxBytesLabel={maxLabel} onFiles={start} />
      ) : null}
      {state.phase !== "idle" ? (
        <div className="upload" data-testid="upload-status" data-phase={state.phase}>
          <p className="upload__files">
            {state.files.map((f) => `${f.name} (${formatBytes(f.size, i18n.language)})`).join(" · ")}
          </p>
          <UploadProgressBars state={state} />
          {state.phase === "rejected" && state.refusal ? (
            <ProblemsList
              code={state.refusal.code}
              message={state.refusal.message}
              problems={state.refusal.problems}
            />
          ) : null}
          {state.phase === "done" && state.model ? (
            <div className="upload__result">
              <h3 className="upload__accepted">
                {t("portal.upload.accepted", { name: state.model.fileName })}
              </h3>
              <FiguresTable model={state.model} />
              <WarningsList warnings={state.model.warnings} />
              <div className="upload__next">
                <Link href={`/products/new/${state.model.id}`} className="button button--primary">
                  {t("portal.upload.describe")}
                </Link>
                <button type="button" className="button" onClick={reset}>
                  {t("portal.upload.another")}
                </button>
              </div>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
