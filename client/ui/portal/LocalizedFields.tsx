import { useId } from "react";
import { useTranslation } from "react-i18next";
import { LOCALES, type Locale } from "../../../shared/constants.ts";
import type { FieldErrors, LocalizedValues } from "./productForm.ts";

const LANGUAGE_NAMES: Record<Locale, string> = {
  en: "English",
  fr: "Français",
  de: "Deutsch",
  "zh-CN": "简体中文",
};

/** One text in every language: English required, the others optional (the shopper falls back to English). */
export function LocalizedFields({
  field,
  label,
  values,
  errors,
  multiline,
  disabled,
  onChange,
}: {
  field: string;
  label: string;
  values: LocalizedValues;
  errors: FieldErrors;
  multiline: boolean;
  disabled: boolean;
  onChange: (values: LocalizedValues) => void;
}) {
  const { t } = useTranslation();
  const baseId = useId();
  return (
    <fieldset className="form__group">
      <legend>{label}</legend>
      <div className="form__langs">
        {LOCALES.map((l) => {
          const error = errors[`${field}.${l}`] ?? (l === "en" ? errors[field] : undefined);
          const id = `${baseId}-${l}`;
          const props = {
            id,
            name: `${field}.${l}`,
            value: values[l],
            disabled,
            lang: l,
            "aria-invalid": error ? true : undefined,
            onChange: (e: { currentTarget: { value: string } }) =>
              onChange({ ...values, [l]: e.currentTarget.value }),
          };
          return (
            <div key={l} className="form__field">
              <label className="form__label" htmlFor={id}>
                {LANGUAGE_NAMES[l]}
                <span className="form__req">
                  {l === "en" ? t("portal.form.required") : t("portal.form.optional")}
                </span>
              </label>
              {multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
              {error ? <span className="form__error">{error}</span> : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
