import { useTranslation } from "react-i18next";
import type { ModelWarning } from "../../../shared/models.ts";

/** What the pipeline repaired or noticed in an accepted model: worth knowing, nothing to do. */
export function WarningsList({ warnings }: { warnings: ModelWarning[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return <p className="warnings__none">{t("portal.warnings.none")}</p>;
  return (
    <div className="warnings" data-testid="upload-warnings">
      <h3 className="warnings__title">{t("portal.warnings.title", { count: warnings.length })}</h3>
      <ul>
        {warnings.map((w, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list from one answer, never reordered; two items may be alike
          <li key={`${w.code}-${i}`}>
            <span className="warnings__message">{w.message}</span>
            {w.where ? <span className="warnings__where">{w.where}</span> : null}
            <code className="warnings__code">{w.code}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
