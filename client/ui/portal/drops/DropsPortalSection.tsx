import { useCallback, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { drops as dropsApi, passes as passesApi } from "../../../../shared/api/index.ts";
import type { DropView } from "../../../../shared/drops.ts";
import { localize } from "../../../../shared/money.ts";
import type { PassType } from "../../../../shared/passes.ts";
import { callApi } from "../../../net/api.ts";
import { MissingLanguages } from "../../a11y/MissingLanguages.tsx";
import { formatInstant } from "../../drops/formatInstant.ts";
import { LocalizedFields } from "../LocalizedFields.tsx";
import { fieldErrorsOf } from "../localizedValues.ts";
import { usePortalStore } from "../portalStore.ts";
import type { FieldErrors } from "../productForm.ts";
import { blankDropForm, type DropFormValues, dropBody } from "./dropForm.ts";

/**
 * The brand's drops in the portal: each with its phase and the languages its title and description
 * still lack, and (for owners and merchandisers) a form to schedule one, its title and description
 * written in each language.
 */
export function DropsPortalSection({ brandId, editable }: { brandId: string; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [list, setList] = useState<DropView[] | null>(null);
  const [programmes, setProgrammes] = useState<PassType[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      const [mine, types] = await Promise.all([
        callApi(dropsApi.listBrandDrops, { params: { brandId } }),
        // Programmes are for owners and merchandisers to read (an advisor sees the drops only).
        editable ? callApi(passesApi.listPassTypes, { query: { brandId } }) : { passTypes: [] },
      ]);
      setList(mine.drops);
      setProgrammes(types.passTypes);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [brandId, editable]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="section portal-drops" aria-labelledby="portal-drops-title" data-testid="portal-drops">
      <div className="section__head">
        <h2 id="portal-drops-title" className="section__title">
          {t("portal.drops.title")}
        </h2>
      </div>
      <p className="section__lede">{t("portal.drops.lede")}</p>
      {error ? (
        <p className="portal__notice" role="alert">
          {t("portal.loadFailed", { reason: error })}
        </p>
      ) : null}
      {list && list.length === 0 ? <p className="section__empty">{t("portal.drops.empty")}</p> : null}
      {list && list.length > 0 ? (
        <>
          <table className="ledger" data-testid="portal-drop-list">
            <thead>
              <tr>
                <th>{t("portal.drops.drop")}</th>
                <th>{t("portal.drops.opens")}</th>
                <th>{t("portal.drops.phase")}</th>
                <th className="num">{t("portal.drops.remaining")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((d) => (
                <tr key={d.id} data-testid="portal-drop" data-drop={d.id}>
                  <td>
                    <Link href={`~/drops/${encodeURIComponent(d.id)}`}>{localize(d.title, locale)}</Link>
                  </td>
                  <td>{formatInstant(d.publicStartsAt, locale)}</td>
                  <td>{t(`drops.phase.${d.phase}`)}</td>
                  <td className="num">
                    {d.remaining} / {d.stock}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <MissingLanguages
            kind="drops"
            items={list.map((d) => ({
              id: d.id,
              label: d.title,
              texts: [
                { field: "title", text: d.title },
                { field: "description", text: d.description ?? {} },
              ],
            }))}
          />
        </>
      ) : null}
      {editable ? (
        <DropScheduleForm brandId={brandId} programmes={programmes} onScheduled={() => void load()} />
      ) : null}
    </section>
  );
}

function DropScheduleForm({
  brandId,
  programmes,
  onScheduled,
}: {
  brandId: string;
  programmes: readonly PassType[];
  onScheduled: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const products = usePortalStore((s) => s.products).filter((p) => p.status === "published");
  const [form, setForm] = useState<DropFormValues>(() => blankDropForm(new Date(), products[0]?.id ?? ""));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<DropFormValues>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const checked = dropBody(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const view = await callApi(dropsApi.scheduleDrop, { params: { brandId }, body: checked.body });
      setNotice(t("portal.drops.scheduled", { title: localize(view.title, i18n.language) }));
      setForm(blankDropForm(new Date(), form.productId));
      onScheduled();
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setNotice(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof DropFormValues, type: "number" | "datetime-local", label: string) => (
    <div className="form__field" key={name}>
      <label className="form__label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        type={type}
        min={type === "number" ? 1 : undefined}
        value={form[name] as string}
        disabled={busy}
        onChange={(e) => set({ [name]: e.currentTarget.value })}
        aria-invalid={errors[name] ? true : undefined}
      />
      {errors[name] ? <span className="form__error">{errors[name]}</span> : null}
    </div>
  );

  return (
    <form
      className="form portal-drops__form"
      onSubmit={(e) => void submit(e)}
      data-testid="drop-form"
      noValidate
    >
      <h3 className="section__title">{t("portal.drops.new")}</h3>
      <div className="form__row">
        <div className="form__field">
          <label className="form__label" htmlFor={`${id}-product`}>
            {t("portal.drops.product")}
          </label>
          <select
            id={`${id}-product`}
            value={form.productId}
            disabled={busy}
            onChange={(e) => set({ productId: e.currentTarget.value })}
            aria-invalid={errors.productId ? true : undefined}
          >
            {products.map((p) => (
              <option key={p.id} value={p.id}>
                {localize(p.name, i18n.language)}
              </option>
            ))}
          </select>
          {errors.productId ? <span className="form__error">{errors.productId}</span> : null}
        </div>
        <div className="form__field">
          <label className="form__label" htmlFor={`${id}-mode`}>
            {t("portal.drops.mode")}
          </label>
          <select
            id={`${id}-mode`}
            value={form.mode}
            disabled={busy}
            onChange={(e) => set({ mode: e.currentTarget.value === "raffle" ? "raffle" : "fcfs" })}
          >
            <option value="fcfs">{t("drops.mode.fcfs")}</option>
            <option value="raffle">{t("drops.mode.raffle")}</option>
          </select>
        </div>
      </div>
      <LocalizedFields
        field="title"
        label={t("portal.drops.dropTitle")}
        values={form.title}
        errors={errors}
        multiline={false}
        disabled={busy}
        onChange={(title) => set({ title })}
      />
      <LocalizedFields
        field="description"
        label={t("portal.drops.description")}
        values={form.description}
        errors={errors}
        multiline
        disabled={busy}
        onChange={(description) => set({ description })}
      />
      <div className="form__row">
        {field("stock", "number", t("portal.drops.stock"))}
        {form.mode === "fcfs" ? field("perAccountLimit", "number", t("portal.drops.perAccountLimit")) : null}
      </div>
      <div className="form__row">
        {field("announceAt", "datetime-local", t("portal.drops.announceAt"))}
        {field("earlyAccessStartsAt", "datetime-local", t("portal.drops.earlyAccessStartsAt"))}
      </div>
      <div className="form__row">
        {field("publicStartsAt", "datetime-local", t("portal.drops.publicStartsAt"))}
        {field("endsAt", "datetime-local", t("portal.drops.endsAt"))}
      </div>
      {form.mode === "raffle" ? (
        <div className="form__row">
          {field("entriesCloseAt", "datetime-local", t("portal.drops.entriesCloseAt"))}
        </div>
      ) : null}
      {programmes.length > 0 ? (
        <fieldset className="form__group">
          <legend>{t("portal.drops.earlyAccess")}</legend>
          {programmes.map((p) => (
            <label key={p.id} className="form__check">
              <input
                type="checkbox"
                disabled={busy}
                checked={form.earlyAccessPassTypeIds.includes(p.id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  set({
                    earlyAccessPassTypeIds: on
                      ? [...form.earlyAccessPassTypeIds, p.id]
                      : form.earlyAccessPassTypeIds.filter((x) => x !== p.id),
                  });
                }}
              />{" "}
              {localize(p.name, i18n.language)} · {p.tier}
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy || products.length === 0}>
          {t("portal.drops.schedule")}
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
