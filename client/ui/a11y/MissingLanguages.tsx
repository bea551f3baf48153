import { useId } from "react";
import { useTranslation } from "react-i18next";
import { localize } from "../../../shared/money.ts";
import { type BrandText, textsMissing } from "./missingLanguages.ts";

type Label = BrandText["text"] & { en: string };

/** What the list is about: its sentence when nothing is missing, and its rows' test id. */
export type WrittenKind = "pieces" | "drops" | "events" | "programmes";

/** One thing the brand wrote: its name (in the reader's language) and its texts per language. */
export type WrittenItem = { id: string; label: Label; texts: readonly BrandText[] };

/**
 * The portal's list of what a brand has not yet written in every language: each piece, drop, event
 * or pass programme whose texts lack a language, and which ones, named in the reader's own language.
 */
export function MissingLanguages({ kind, items }: { kind: WrittenKind; items: readonly WrittenItem[] }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const locale = i18n.language;
  const rows = textsMissing(items);
  const names = new Intl.DisplayNames([locale], { type: "language" });
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  return (
    <section
      className="missing-languages"
      aria-labelledby={titleId}
      data-testid="missing-languages"
      data-kind={kind}
    >
      <h3 id={titleId}>{t("a11y.languages.title")}</h3>
      {rows.length === 0 ? (
        <p>{t(`a11y.languages.all.${kind}`)}</p>
      ) : (
        <>
          <p>{t("a11y.languages.fallback")}</p>
          <ul className="missing-languages__list">
            {rows.map(({ thing, gaps }) => (
              <li key={thing.id} data-testid="missing-languages-item" data-id={thing.id}>
                <strong>{localize(thing.label, locale)}</strong>
                {gaps.map((g) => (
                  <span key={g.field} className="missing-languages__gap" data-missing={g.missing.join(" ")}>
                    {" · "}
                    {t("a11y.languages.gap", {
                      field: t(`a11y.languages.fields.${g.field}`),
                      languages: list.format(g.missing.map((l) => names.of(l) ?? l)),
                    })}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
