import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CollectibleObtainedBy, type CollectibleView } from "../../../../shared/collectibles.ts";
import type { UploadedModel } from "../../../../shared/models.ts";
import { validationIssues } from "../../../net/api.ts";
import { LocalizedFields } from "../LocalizedFields.tsx";
import type { FieldErrors } from "../productForm.ts";
import { blankCollectibleForm, type CollectibleFormValues, collectibleBody } from "./collectibleForm.ts";
import { collectiblesPortalApi } from "./collectiblesPortalApi.ts";

/**
 * Creates a collectible from one of the brand's processed models: name and story in every language,
 * edition size, how it is obtained and what grants it. There is no price: collectibles are given.
 */
export function CollectibleCreateForm({
  brandId,
  models,
  onCreated,
}: {
  brandId: string;
  models: UploadedModel[];
  onCreated: (created: CollectibleView) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<CollectibleFormValues>(() => ({
    ...blankCollectibleForm(),
    modelId: models[0]?.id ?? "",
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<CollectibleFormValues>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const checked = collectibleBody(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await collectiblesPortalApi.create(brandId, checked.body);
      onCreated(created);
      setForm({ ...blankCollectibleForm(), modelId: form.modelId });
      setNotice(t("collectibles.portal.created", { name: created.name.en }));
    } catch (error) {
      const fieldErrors: FieldErrors = {};
      for (const issue of validationIssues(error)) fieldErrors[issue.path] ??= issue.message;
      setErrors(fieldErrors);
      setNotice(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const sourceNeeded = form.obtainedBy === "drop" || form.obtainedBy === "pass";
  return (
    <form
      className="form collectible-form"
      onSubmit={(e) => void submit(e)}
      data-testid="collectible-form"
      noValidate
    >
      <div className="form__row">
        <div className="form__field">
          <label className="form__label" htmlFor="collectible-model">
            {t("collectibles.portal.model")}
          </label>
          <select
            id="collectible-model"
            value={form.modelId}
            onChange={(e) => set({ modelId: e.currentTarget.value })}
            aria-invalid={errors.modelId ? true : undefined}
          >
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.fileName}
              </option>
            ))}
          </select>
          {errors.modelId ? <span className="form__error">{errors.modelId}</span> : null}
        </div>
        <div className="form__field form__field--narrow">
          <label className="form__label" htmlFor="collectible-size">
            {t("collectibles.portal.editionSize")}
          </label>
          <input
            id="collectible-size"
            type="number"
            min={1}
            max={100000}
            value={form.editionSize}
            onChange={(e) => set({ editionSize: e.currentTarget.value })}
            aria-invalid={errors.editionSize ? true : undefined}
          />
          {errors.editionSize ? <span className="form__error">{errors.editionSize}</span> : null}
        </div>
      </div>
      <LocalizedFields
        field="name"
        label={t("collectibles.portal.name")}
        values={form.name}
        errors={errors}
        multiline={false}
        disabled={busy}
        onChange={(name) => set({ name })}
      />
      <LocalizedFields
        field="story"
        label={t("collectibles.portal.story")}
        values={form.story}
        errors={errors}
        multiline
        disabled={busy}
        onChange={(story) => set({ story })}
      />
      <div className="form__row">
        <div className="form__field">
          <label className="form__label" htmlFor="collectible-obtained">
            {t("collectibles.portal.obtainedBy")}
          </label>
          <select
            id="collectible-obtained"
            value={form.obtainedBy}
            onChange={(e) => set({ obtainedBy: CollectibleObtainedBy.parse(e.currentTarget.value) })}
          >
            {CollectibleObtainedBy.options.map((o) => (
              <option key={o} value={o}>
                {t(`collectibles.obtained.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label className="form__label" htmlFor="collectible-source">
            {t(`collectibles.portal.source.${form.obtainedBy}`)}
            <span className="form__req">
              {sourceNeeded ? t("portal.form.required") : t("portal.form.optional")}
            </span>
          </label>
          <input
            id="collectible-source"
            value={form.sourceId}
            onChange={(e) => set({ sourceId: e.currentTarget.value })}
            aria-invalid={errors.sourceId ? true : undefined}
          />
          {errors.sourceId ? <span className="form__error">{errors.sourceId}</span> : null}
        </div>
      </div>
      <p className="form__help">{t("collectibles.portal.noPrice")}</p>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy || models.length === 0}>
          {t("collectibles.portal.create")}
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
