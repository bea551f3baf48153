import { useCallback, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { passes as passesApi } from "../../../../shared/api/index.ts";
import { localize } from "../../../../shared/money.ts";
import type { PassType } from "../../../../shared/passes.ts";
import { callApi } from "../../../net/api.ts";
import { MissingLanguages } from "../../a11y/MissingLanguages.tsx";
import { formatDay } from "../../drops/formatInstant.ts";
import { LocalizedFields } from "../LocalizedFields.tsx";
import { fieldErrorsOf } from "../localizedValues.ts";
import type { FieldErrors } from "../productForm.ts";
import { blankPassForm, type PassFormValues, passBody } from "./passForm.ts";

/**
 * The brand's pass programmes in the portal (owners and merchandisers manage them): each with its
 * tier, validity and the languages its name still lacks, and a form to create one, its name written
 * in each language.
 */
export function PassesPortalSection({ brandId, editable }: { brandId: string; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [list, setList] = useState<PassType[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    if (!editable) return;
    try {
      setList((await callApi(passesApi.listPassTypes, { query: { brandId } })).passTypes);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [brandId, editable]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section
      className="section portal-passes"
      aria-labelledby="portal-passes-title"
      data-testid="portal-passes"
    >
      <div className="section__head">
        <h2 id="portal-passes-title" className="section__title">
          {t("portal.passes.title")}
        </h2>
      </div>
      <p className="section__lede">{t("portal.passes.lede")}</p>
      {error ? (
        <p className="portal__notice" role="alert">
          {t("portal.loadFailed", { reason: error })}
        </p>
      ) : null}
      {list && list.length === 0 ? <p className="section__empty">{t("portal.passes.empty")}</p> : null}
      {list && list.length > 0 ? (
        <>
          <table className="ledger" data-testid="portal-pass-list">
            <thead>
              <tr>
                <th>{t("portal.passes.programme")}</th>
                <th>{t("portal.passes.tier")}</th>
                <th>{t("portal.passes.valid")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id} data-testid="portal-pass" data-pass-type={p.id}>
                  <td>{localize(p.name, locale)}</td>
                  <td>{p.tier}</td>
                  <td>
                    {formatDay(p.validFrom, locale)} – {formatDay(p.validUntil, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <MissingLanguages
            kind="programmes"
            items={list.map((p) => ({ id: p.id, label: p.name, texts: [{ field: "name", text: p.name }] }))}
          />
        </>
      ) : null}
      {editable ? <PassCreateForm brandId={brandId} onCreated={() => void load()} /> : null}
    </section>
  );
}

function PassCreateForm({ brandId, onCreated }: { brandId: string; onCreated: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [form, setForm] = useState<PassFormValues>(() => blankPassForm(new Date()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<PassFormValues>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const checked = passBody(brandId, form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await callApi(passesApi.createPassType, { body: checked.body });
      setNotice(t("portal.passes.created", { name: localize(created.name, i18n.language) }));
      setForm(blankPassForm(new Date()));
      onCreated();
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setNotice(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const text = (
    name: "tier" | "validFrom" | "validUntil" | "earlyAccessLeadMinutes" | "perDropClaimLimit",
    type: "text" | "number" | "datetime-local",
    label: string,
    errorKey: string = name,
  ) => (
    <div className="form__field">
      <label className="form__label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        type={type}
        min={type === "number" ? 0 : undefined}
        value={form[name]}
        disabled={busy}
        onChange={(e) => set({ [name]: e.currentTarget.value })}
        aria-invalid={errors[errorKey] ? true : undefined}
      />
      {errors[errorKey] ? <span className="form__error">{errors[errorKey]}</span> : null}
    </div>
  );

  return (
    <form
      className="form portal-passes__form"
      onSubmit={(e) => void submit(e)}
      data-testid="pass-form"
      noValidate
    >
      <h3 className="section__title">{t("portal.passes.new")}</h3>
      <LocalizedFields
        field="name"
        label={t("portal.passes.name")}
        values={form.name}
        errors={errors}
        multiline={false}
        disabled={busy}
        onChange={(name) => set({ name })}
      />
      <div className="form__row">
        {text("tier", "text", t("portal.passes.tier"))}
        {text("validFrom", "datetime-local", t("portal.passes.validFrom"))}
        {text("validUntil", "datetime-local", t("portal.passes.validUntil"))}
      </div>
      <div className="form__row">
        {text(
          "earlyAccessLeadMinutes",
          "number",
          t("portal.passes.leadMinutes"),
          "entitlements.earlyAccessLeadMinutes",
        )}
        {text("perDropClaimLimit", "number", t("portal.passes.claimLimit"), "entitlements.perDropClaimLimit")}
      </div>
      <label className="form__check">
        <input
          type="checkbox"
          checked={form.inviteOnlyEvents}
          disabled={busy}
          onChange={(e) => set({ inviteOnlyEvents: e.currentTarget.checked })}
        />{" "}
        {t("portal.passes.inviteOnly")}
      </label>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t("portal.passes.create")}
        </button>
        {notice ? (
          <p className="form__notice" role="status">
            {notice}
          </p>
        ) : null}
      </div>
    </form>
  );
}
