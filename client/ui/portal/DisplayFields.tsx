import { useTranslation } from "react-i18next";
import type { UploadedModel } from "../../../shared/models.ts";
import type { FieldErrors, ProductFormValues } from "./productForm.ts";

/** Which uploaded model the product shows, how tall it stands on its display, and its credit line. */
export function DisplayFields({
  values,
  models,
  current,
  errors,
  disabled,
  onChange,
}: {
  values: ProductFormValues;
  models: UploadedModel[];
  /** For a product whose model is not an upload (seed pieces): how to name the model it has. */
  current: string | null;
  errors: FieldErrors;
  disabled: boolean;
  onChange: (patch: Partial<ProductFormValues>) => void;
}) {
  const { t } = useTranslation();
  const height = Number(values.displayHeight);
  const model = models.find((m) => m.id === values.modelId);
  return (
    <fieldset className="form__group">
      <legend>{t("portal.form.display")}</legend>
      <div className="form__row">
        <label className="form__field">
          <span className="form__label">{t("portal.form.model")}</span>
          <select
            name="modelId"
            value={values.modelId}
            disabled={disabled}
            aria-invalid={errors.modelId ? true : undefined}
            onChange={(e) => onChange({ modelId: e.currentTarget.value, variantLabels: {} })}
          >
            {current !== null ? <option value="">{current}</option> : null}
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.fileName}
              </option>
            ))}
          </select>
          {errors.modelId ? <span className="form__error">{errors.modelId}</span> : null}
        </label>
        <label className="form__field form__field--narrow">
          <span className="form__label">{t("portal.form.height")}</span>
          <input
            name="displayHeight"
            type="number"
            min={0.05}
            max={3}
            step={0.01}
            value={values.displayHeight}
            disabled={disabled}
            aria-invalid={errors.displayHeight ? true : undefined}
            onChange={(e) => onChange({ displayHeight: e.currentTarget.value })}
          />
          {errors.displayHeight ? <span className="form__error">{errors.displayHeight}</span> : null}
        </label>
      </div>
      <input
        type="range"
        className="form__range"
        min={0.05}
        max={1.2}
        step={0.01}
        value={Number.isFinite(height) ? Math.min(1.2, height) : 0.3}
        disabled={disabled}
        aria-label={t("portal.form.height")}
        onChange={(e) => onChange({ displayHeight: e.currentTarget.value })}
      />
      <p className="form__help">
        {t("portal.form.heightHelp", { suggested: model ? model.suggestedDisplayHeight : "—" })}
      </p>
      <label className="form__field">
        <span className="form__label">
          {t("portal.form.credit")}
          <span className="form__req">{t("portal.form.optional")}</span>
        </span>
        <input
          name="credit"
          value={values.credit}
          disabled={disabled}
          maxLength={300}
          onChange={(e) => onChange({ credit: e.currentTarget.value })}
        />
      </label>
    </fieldset>
  );
}
