import { useTranslation } from "react-i18next";
import type { Product } from "../../../../shared/catalog.ts";
import { LOCALES } from "../../../../shared/constants.ts";
import type { FieldIssue } from "../../../../shared/errors.ts";
import { localize } from "../../../../shared/money.ts";
import { LocalizedFields } from "../LocalizedFields.tsx";
import { emptyLocalized, type HostLinesDraft, issuesByPath, issuesUnder } from "./hostLinesDraft.ts";
import { ItemErrors } from "./ItemErrors.tsx";

/** Paths a LocalizedFields under `field` shows itself. */
function langPaths(field: string): Set<string> {
  return new Set([field, ...LOCALES.map((l) => `${field}.${l}`)]);
}

/** The brand's host lines as a structured form: greetings, presentation lines, questions and answers. */
export function HostLinesForm({
  draft,
  issues,
  products,
  editable,
  onChange,
}: {
  draft: HostLinesDraft;
  issues: readonly FieldIssue[];
  products: readonly Product[];
  editable: boolean;
  onChange: (draft: HostLinesDraft) => void;
}) {
  const { t, i18n } = useTranslation();
  const errors = issuesByPath(issues);
  const disabled = !editable;
  const set = <K extends keyof HostLinesDraft>(key: K, value: HostLinesDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const remove = <T,>(list: T[], index: number) => list.filter((_, i) => i !== index);
  const replace = <T,>(list: T[], index: number, item: T) => list.map((x, i) => (i === index ? item : x));

  return (
    <div className="form host-lines__form" data-testid="host-lines-form">
      <section className="host-lines__section" data-path="greetings">
        <h3 className="host-lines__title">{t("host.portal.greetings.title")}</h3>
        <p className="form__help">{t("host.portal.greetings.hint")}</p>
        {draft.greetings.map((g, i) => {
          const field = `greetings.${i}`;
          return (
            <div key={field} className="host-lines__item" data-path={field}>
              <LocalizedFields
                field={field}
                label={`${t("host.portal.greetings.title")} ${i + 1}`}
                values={g}
                errors={errors}
                multiline={false}
                disabled={disabled}
                onChange={(v) => set("greetings", replace(draft.greetings, i, v))}
              />
              <ItemErrors issues={issuesUnder(issues, field)} shownPaths={langPaths(field)} />
              {editable ? (
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => set("greetings", remove(draft.greetings, i))}
                >
                  {t("host.portal.remove")}
                </button>
              ) : null}
            </div>
          );
        })}
        {editable ? (
          <button
            type="button"
            className="button"
            onClick={() => set("greetings", [...draft.greetings, emptyLocalized()])}
          >
            {t("host.portal.greetings.add")}
          </button>
        ) : null}
      </section>

      <section className="host-lines__section" data-path="products">
        <h3 className="host-lines__title">{t("host.portal.products.title")}</h3>
        <p className="form__help">{t("host.portal.products.hint")}</p>
        {draft.products.map((p, i) => {
          const field = `products.${i}`;
          const known = products.some((x) => x.id === p.productId);
          return (
            <div key={field} className="host-lines__item" data-path={field}>
              <div className="form__field">
                <label className="form__label" htmlFor={`${field}.productId`}>
                  {t("host.portal.products.product")}
                </label>
                <select
                  id={`${field}.productId`}
                  value={p.productId}
                  disabled={disabled}
                  aria-invalid={errors[`${field}.productId`] ? true : undefined}
                  onChange={(e) =>
                    set("products", replace(draft.products, i, { ...p, productId: e.currentTarget.value }))
                  }
                >
                  <option value="">{t("host.portal.products.choose")}</option>
                  {!known && p.productId ? <option value={p.productId}>{p.productId}</option> : null}
                  {products.map((x) => (
                    <option key={x.id} value={x.id}>
                      {localize(x.name, i18n.language)}
                    </option>
                  ))}
                </select>
              </div>
              <LocalizedFields
                field={`${field}.line`}
                label={t("host.portal.products.title")}
                values={p.line}
                errors={errors}
                multiline
                disabled={disabled}
                onChange={(v) => set("products", replace(draft.products, i, { ...p, line: v }))}
              />
              <ItemErrors issues={issuesUnder(issues, field)} shownPaths={langPaths(`${field}.line`)} />
              {editable ? (
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => set("products", remove(draft.products, i))}
                >
                  {t("host.portal.remove")}
                </button>
              ) : null}
            </div>
          );
        })}
        {editable ? (
          <button
            type="button"
            className="button"
            onClick={() => set("products", [...draft.products, { productId: "", line: emptyLocalized() }])}
          >
            {t("host.portal.products.add")}
          </button>
        ) : null}
      </section>

      <section className="host-lines__section" data-path="faq">
        <h3 className="host-lines__title">{t("host.portal.faq.title")}</h3>
        <p className="form__help">{t("host.portal.faq.hint")}</p>
        {draft.faq.map((f, i) => {
          const field = `faq.${i}`;
          const shown = new Set([...langPaths(`${field}.answer`), `${field}.id`]);
          return (
            <div key={field} className="host-lines__item" data-path={field}>
              <div className="form__field host-lines__id">
                <label className="form__label" htmlFor={`${field}.id`}>
                  {t("host.portal.faq.id")}
                </label>
                <input
                  id={`${field}.id`}
                  value={f.id}
                  disabled={disabled}
                  aria-invalid={errors[`${field}.id`] ? true : undefined}
                  onChange={(e) => set("faq", replace(draft.faq, i, { ...f, id: e.currentTarget.value }))}
                />
                {errors[`${field}.id`] ? <span className="form__error">{errors[`${field}.id`]}</span> : null}
              </div>
              <div className="form__langs" data-path={`${field}.questions`}>
                {LOCALES.map((l) => (
                  <div key={l} className="form__field">
                    <label className="form__label" htmlFor={`${field}.questions.${l}`}>
                      {t("host.portal.faq.questions", { lang: t(`host.portal.lang.${l}`) })}
                    </label>
                    <textarea
                      id={`${field}.questions.${l}`}
                      rows={3}
                      lang={l}
                      value={f.questions[l]}
                      disabled={disabled}
                      aria-invalid={
                        errors[`${field}.questions.${l}`] || errors[`${field}.questions`] ? true : undefined
                      }
                      onChange={(e) =>
                        set(
                          "faq",
                          replace(draft.faq, i, {
                            ...f,
                            questions: { ...f.questions, [l]: e.currentTarget.value },
                          }),
                        )
                      }
                    />
                  </div>
                ))}
              </div>
              <LocalizedFields
                field={`${field}.answer`}
                label={t("host.portal.faq.answer")}
                values={f.answer}
                errors={errors}
                multiline
                disabled={disabled}
                onChange={(v) => set("faq", replace(draft.faq, i, { ...f, answer: v }))}
              />
              <ItemErrors issues={issuesUnder(issues, field)} shownPaths={shown} />
              {editable ? (
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => set("faq", remove(draft.faq, i))}
                >
                  {t("host.portal.remove")}
                </button>
              ) : null}
            </div>
          );
        })}
        {editable ? (
          <button
            type="button"
            className="button"
            onClick={() =>
              set("faq", [...draft.faq, { id: "", questions: emptyLocalized(), answer: emptyLocalized() }])
            }
          >
            {t("host.portal.faq.add")}
          </button>
        ) : null}
      </section>
    </div>
  );
}
