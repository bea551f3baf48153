import { useTranslation } from "react-i18next";
import type { ModelProblem } from "../../../shared/models.ts";
import { formatBytes, formatCount } from "./format.ts";

/** Problem codes whose limit and measure are amounts of bytes. */
const BYTE_CODES = new Set(["too_large", "texture_memory"]);

function showValue(code: string, value: number | string | null, locale: string): string | null {
  if (value === null) return null;
  if (typeof value === "string") return value;
  if (BYTE_CODES.has(code)) return formatBytes(value, locale);
  if (code === "texture_too_large") return `${formatCount(value, locale)} px`;
  return formatCount(value, locale);
}

/**
 * Every reason a model was refused, each as what is wrong and how to fix it (in the reader's
 * language), where it is, the limit and what was measured, with the server's own words below.
 */
export function ProblemsList({
  code,
  message,
  problems,
}: {
  code: string;
  message: string | null;
  problems: ModelProblem[];
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <div className="problems" role="alert" data-testid="upload-problems">
      <h3 className="problems__title">
        {problems.length > 0
          ? t("portal.problems.title", { count: problems.length })
          : t("portal.problems.failed")}
      </h3>
      {problems.length === 0 ? (
        <p className="problems__message">
          {message ??
            t(`portal.upload.errors.${code}`, { defaultValue: t("portal.upload.errors.http_error") })}
        </p>
      ) : null}
      <ol className="problems__list">
        {problems.map((p, i) => {
          const limit = showValue(p.code, p.limit, locale);
          const measured = showValue(p.code, p.measured, locale);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list from one answer, never reordered; two items may be alike
            <li key={`${p.code}-${i}`} className="problem" data-code={p.code}>
              <p className="problem__what">{t(`portal.problems.${p.code}`)}</p>
              <dl className="problem__facts">
                {p.where ? (
                  <>
                    <dt>{t("portal.problems.where")}</dt>
                    <dd>{p.where}</dd>
                  </>
                ) : null}
                {limit !== null ? (
                  <>
                    <dt>{t("portal.problems.limit")}</dt>
                    <dd>{limit}</dd>
                  </>
                ) : null}
                {measured !== null ? (
                  <>
                    <dt>{t("portal.problems.measured")}</dt>
                    <dd>{measured}</dd>
                  </>
                ) : null}
              </dl>
              {p.message ? <p className="problem__detail">{p.message}</p> : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
