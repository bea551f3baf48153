import { useTranslation } from "react-i18next";
import { LOCALES } from "../../../shared/constants.ts";
import { formatPrice } from "../../../shared/money.ts";
import { CURRENCIES, type FieldErrors, parseAmount } from "./productForm.ts";

/** Price, currency and stock, with the price shown live as shoppers will read it in each language. */
export function PriceFields({
  amount,
  currency,
  stock,
  errors,
  disabled,
  onChange,
}: {
  amount: string;
  currency: string;
  stock: string;
  errors: FieldErrors;
  disabled: boolean;
  onChange: (patch: { amount?: string; currency?: string; stock?: string }) => void;
}) {
  const { t, i18n } = useTranslation();
  const minor = parseAmount(amount, currency, i18n.language);
  const amountError = errors["price.amountMinor"] ?? errors.price;
  return (
    <fieldset className="form__group">
      <legend>{t("portal.form.priceAndStock")}</legend>
      <div className="form__row">
        <label className="form__field">
          <span className="form__label">{t("portal.form.price")}</span>
          <input
            name="amount"
            inputMode="decimal"
            value={amount}
            disabled={disabled}
            aria-invalid={amountError ? true : undefined}
            onChange={(e) => onChange({ amount: e.currentTarget.value })}
          />
          {/* An amount that is not a number is explained by the preview line below. */}
          {amountError && minor !== null ? <span className="form__error">{amountError}</span> : null}
        </label>
        <label className="form__field form__field--narrow">
          <span className="form__label">{t("portal.form.currency")}</span>
          <select
            name="currency"
            value={currency}
            disabled={disabled}
            onChange={(e) => onChange({ currency: e.currentTarget.value })}
          >
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label className="form__field form__field--narrow">
          <span className="form__label">{t("portal.form.stock")}</span>
          <input
            name="stock"
            type="number"
            min={0}
            step={1}
            value={stock}
            disabled={disabled}
            aria-invalid={errors.stock ? true : undefined}
            onChange={(e) => onChange({ stock: e.currentTarget.value })}
          />
          {errors.stock ? <span className="form__error">{errors.stock}</span> : null}
        </label>
      </div>
      <p
        className="form__preview"
        data-invalid={minor === null && amountError !== undefined}
        data-testid="price-preview"
        aria-live="polite"
      >
        {minor === null
          ? t("portal.form.priceHelp")
          : LOCALES.map((l) => formatPrice({ amountMinor: minor, currency }, l)).join("   ·   ")}
      </p>
    </fieldset>
  );
}
