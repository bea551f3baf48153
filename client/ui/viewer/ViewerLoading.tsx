import { useTranslation } from "react-i18next";
import type { ViewerInfo } from "./viewerInfo.ts";

/** Over the stage: a thin byte-progress line while the model downloads, a calm note if it failed. */
export function ViewerLoading({ info }: { info: ViewerInfo }) {
  const { t } = useTranslation();
  if (info.status === "failed") {
    return (
      <p className="viewer__status" role="status">
        {t("viewer.failed")}
      </p>
    );
  }
  if (info.status !== "loading") return null;
  const fraction = info.expectedBytes > 0 ? Math.min(1, info.receivedBytes / info.expectedBytes) : 0;
  return (
    <div className="viewer__status" role="status">
      <span>{t("viewer.loading")}</span>
      <div
        className="viewer__bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        aria-label={t("viewer.loading")}
      >
        <div className="viewer__fill" style={{ transform: `scaleX(${fraction})` }} />
      </div>
    </div>
  );
}
