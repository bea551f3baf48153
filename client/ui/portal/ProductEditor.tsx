import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "wouter";
import { validationIssues } from "../../net/api.ts";
import { DisplayFields } from "./DisplayFields.tsx";
import { LocalizedFields } from "./LocalizedFields.tsx";
import { PriceFields } from "./PriceFields.tsx";
import { portalApi } from "./portalApi.ts";
import { usePortalStore } from "./portalStore.ts";
import {
  type FieldErrors,
  initialValues,
  type ProductFormValues,
  validateCreate,
  validateUpdate,
} from "./productForm.ts";
import { StatusBadge } from "./StatusBadge.tsx";
import { VariantLabelFields } from "./VariantLabelFields.tsx";

/**
 * Creates a draft product on an uploaded model, or edits one: every field checked with the same
 * shared schema the server applies, server refusals shown next to their fields.
 */
export function ProductEditor({
  brandId,
  modelId,
  productId,
  editable,
}: {
  brandId: string;
  modelId: string | null;
  productId: string | null;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const product = usePortalStore((s) => s.products.find((p) => p.id === productId));
  const models = usePortalStore((s) => s.models);
  const startModel = models.find((m) => m.id === modelId);
  const [values, setValues] = useState<ProductFormValues | null>(() =>
    product
      ? initialValues({ product })
      : startModel
        ? initialValues({
            modelId: startModel.id,
            fileName: startModel.fileName,
            displayHeight: startModel.suggestedDisplayHeight,
          })
        : null,
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!values) {
    return (
      <p className="portal__notice" role="alert">
        {t(productId ? "portal.form.unknownProduct" : "portal.form.unknownModel")}
      </p>
    );
  }
  const model = models.find((m) => m.id === values.modelId);
  const variantNames = model?.variantNames ?? [];
  const set = (patch: Partial<ProductFormValues>) => setValues({ ...values, ...patch });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!values || !editable) return;
    setNotice(null);
    const locale = i18n.language;
    const checked = product
      ? validateUpdate(values, variantNames, product, locale)
      : { ...validateCreate(values, variantNames, locale), unchanged: false };
    if (checked.errors) {
      setErrors(checked.errors);
      setNotice(t("portal.form.fix"));
      return;
    }
    if (checked.unchanged || !checked.body) {
      setNotice(t("portal.form.unchanged"));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = product
        ? await portalApi.updateProduct(brandId, product.id, checked.body)
        : await portalApi.createProduct(
            brandId,
            checked.body as Parameters<typeof portalApi.createProduct>[1],
          );
      usePortalStore.getState().putProduct(saved);
      navigate(product ? "/products" : `/window?place=${encodeURIComponent(saved.id)}`);
    } catch (e) {
      const issues = validationIssues(e);
      if (issues.length > 0) setErrors(Object.fromEntries(issues.map((i) => [i.path, i.message])));
      setNotice(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const disabled = !editable || busy;
  return (
    <section className="section" aria-labelledby="editor-title">
      <div className="section__head">
        <h2 id="editor-title" className="section__title">
          {product ? t("portal.form.editTitle") : t("portal.form.newTitle")}
        </h2>
        {product ? <StatusBadge status={product.status} /> : null}
      </div>
      <form className="form" onSubmit={submit} noValidate data-testid="product-form">
        <LocalizedFields
          field="name"
          label={t("portal.form.name")}
          values={values.name}
          errors={errors}
          multiline={false}
          disabled={disabled}
          onChange={(name) => set({ name })}
        />
        <LocalizedFields
          field="description"
          label={t("portal.form.description")}
          values={values.description}
          errors={errors}
          multiline
          disabled={disabled}
          onChange={(description) => set({ description })}
        />
        <PriceFields
          amount={values.amount}
          currency={values.currency}
          stock={values.stock}
          errors={errors}
          disabled={disabled}
          onChange={(patch) => set(patch)}
        />
        <DisplayFields
          values={values}
          models={models}
          current={
            !product || product.modelId !== null
              ? null
              : product.model.kind === "procedural"
                ? t("portal.form.builtIn")
                : product.model.url.slice(product.model.url.lastIndexOf("/") + 1)
          }
          errors={errors}
          disabled={disabled}
          onChange={(patch) => set(patch)}
        />
        <VariantLabelFields
          names={variantNames}
          labels={values.variantLabels}
          errors={errors}
          disabled={disabled}
          onChange={(variantLabels) => set({ variantLabels })}
        />
        {notice ? (
          <p className="form__notice" role="alert">
            {notice}
          </p>
        ) : null}
        <div className="form__actions">
          {editable ? (
            <button type="submit" className="button button--primary" disabled={busy}>
              {t(product ? "portal.form.save" : "portal.form.create")}
            </button>
          ) : (
            <p className="section__readonly">{t("portal.readOnly")}</p>
          )}
          <Link href="/products" className="button button--link">
            {t("portal.form.back")}
          </Link>
        </div>
      </form>
    </section>
  );
}
