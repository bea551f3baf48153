import { useTranslation } from "react-i18next";
import { LOCALES } from "../../../shared/constants.ts";
import type { FieldErrors, LocalizedValues } from "./productForm.ts";

const blank = (): LocalizedValues => ({ en: "", fr: "", de: "", "zh-CN": "" });

/**
 * How each material variant of the model is called in the viewer's buttons, per language. The
 * names come from the file (KHR_materials_variants); a variant left blank shows its file name.
 */
export function VariantLabelFields({
  names,
  labels,
  errors,
  disabled,
  onChange,
}: {
  names: readonly string[];
  labels: Record<string, LocalizedValues>;
  errors: FieldErrors;
  disabled: boolean;
  onChange: (labels: Record<string, LocalizedValues>) => void;
}) {
  const { t } = useTranslation();
  if (names.length === 0) return null;
  // Errors come keyed by the position among the labels sent, which skips blank variants.
  const sent = names.filter((n) => Object.values(labels[n] ?? {}).some((v) => v.trim() !== ""));
  return (
    <fieldset className="form__group">
      <legend>{t("portal.form.variants")}</legend>
      <p className="form__help">{t("portal.form.variantsHelp")}</p>
      <table className="ledger ledger--compact">
        <thead>
          <tr>
            <th scope="col">{t("portal.form.variantInFile")}</th>
            {LOCALES.map((l) => (
              <th key={l} scope="col">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {names.map((name) => {
            const value = labels[name] ?? blank();
            const error = errors[`variantLabels.${sent.indexOf(name)}.label.en`];
            return (
              <tr key={name}>
                <th scope="row">
                  <code>{name}</code>
                  {error ? <span className="form__error">{error}</span> : null}
                </th>
                {LOCALES.map((l) => (
                  <td key={l}>
                    <input
                      aria-label={`${name} (${l})`}
                      lang={l}
                      value={value[l]}
                      placeholder={l === "en" ? name : ""}
                      disabled={disabled}
                      onChange={(e) =>
                        onChange({ ...labels, [name]: { ...value, [l]: e.currentTarget.value } })
                      }
                    />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
