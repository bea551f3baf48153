import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AUDIT_KINDS, type AuditEntry, type AuditKind } from "../../../shared/admin.ts";
import { admin } from "../../../shared/api/index.ts";
import { callApi } from "../../net/api.ts";
import { formatWhen, localInputToIso } from "./format.ts";
import { SectionFrame } from "./SectionFrame.tsx";
import { useAdminData } from "./useAdminData.ts";

type Filters = {
  actor: string;
  action: AuditKind | "";
  brand: string;
  target: string;
  from: string;
  to: string;
};
const NONE: Filters = { actor: "", action: "", brand: "", target: "", from: "", to: "" };
const PAGE = 25;

/** The audit log: filters, newest first, and older pages on demand. */
export function AuditSection() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const [draft, setDraft] = useState<Filters>(NONE);
  const [filters, setFilters] = useState<Filters>(NONE);
  // Pages read so far: each starts before the last row of the one above it.
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const before = pages.at(-1);
  const query = {
    actor: filters.actor || undefined,
    action: filters.action || undefined,
    brand: filters.brand || undefined,
    target: filters.target || undefined,
    from: localInputToIso(filters.from),
    to: localInputToIso(filters.to),
    before,
    limit: PAGE,
  };
  const page = useAdminData((signal) => callApi(admin.auditLog, { query, signal }), [JSON.stringify(query)]);
  const entries = page.data?.entries ?? [];
  const brands = useAdminData((signal) => callApi(admin.listBrands, { signal }).then((a) => a.brands), []);
  const set = (key: keyof Filters) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: e.target.value });
  return (
    <SectionFrame
      id="audit"
      title={t("admin.audit.title")}
      lede={t("admin.audit.lede")}
      loading={page.loading}
      error={page.error}
      empty={entries.length === 0}
      emptyText={t("admin.audit.empty")}
      filters={
        <form
          className="form admin__filters"
          data-testid="audit-filters"
          onSubmit={(e) => {
            e.preventDefault();
            setFilters(draft);
            setPages([undefined]);
          }}
        >
          <label className="form__field">
            <span className="form__label">{t("admin.audit.actor")}</span>
            <input
              value={draft.actor}
              onChange={set("actor")}
              maxLength={254}
              placeholder="admin@vitrine.demo"
            />
          </label>
          <label className="form__field">
            <span className="form__label">{t("admin.audit.action")}</span>
            <select value={draft.action} onChange={set("action")} data-testid="audit-action">
              <option value="">{t("admin.audit.anyAction")}</option>
              {AUDIT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`admin.audit.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="form__field">
            <span className="form__label">{t("admin.audit.brand")}</span>
            <select value={draft.brand} onChange={set("brand")} data-testid="audit-brand">
              <option value="">{t("admin.audit.anyBrand")}</option>
              {(brands.data ?? []).map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
          <label className="form__field">
            <span className="form__label">{t("admin.audit.target")}</span>
            <input value={draft.target} onChange={set("target")} maxLength={100} />
          </label>
          <label className="form__field">
            <span className="form__label">{t("admin.audit.from")}</span>
            <input type="datetime-local" value={draft.from} onChange={set("from")} />
          </label>
          <label className="form__field">
            <span className="form__label">{t("admin.audit.to")}</span>
            <input type="datetime-local" value={draft.to} onChange={set("to")} />
          </label>
          <div className="form__actions">
            <button type="submit" className="button button--primary">
              {t("admin.audit.apply")}
            </button>
            <button
              type="button"
              className="button--link"
              onClick={() => {
                setDraft(NONE);
                setFilters(NONE);
                setPages([undefined]);
              }}
            >
              {t("admin.audit.clear")}
            </button>
          </div>
        </form>
      }
      tools={
        pages.length > 1 ? (
          <span className="section__state">{t("admin.audit.page", { page: pages.length })}</span>
        ) : undefined
      }
    >
      <AuditTable entries={entries} locale={locale} />
      <div className="form__actions admin__pager">
        <button
          type="button"
          className="button"
          disabled={pages.length === 1}
          onClick={() => setPages(pages.slice(0, -1))}
        >
          {t("admin.audit.newer")}
        </button>
        <button
          type="button"
          className="button"
          disabled={!page.data?.nextBefore}
          onClick={() => page.data?.nextBefore && setPages([...pages, page.data.nextBefore])}
        >
          {t("admin.audit.older")}
        </button>
      </div>
    </SectionFrame>
  );
}

function AuditTable({ entries, locale }: { entries: AuditEntry[]; locale: string }) {
  const { t, i18n } = useTranslation();
  const known = (kind: string) => i18n.exists(`admin.audit.kinds.${kind}`);
  return (
    <table className="ledger" data-testid="audit-table">
      <thead>
        <tr>
          <th>{t("admin.audit.when")}</th>
          <th>{t("admin.audit.action")}</th>
          <th>{t("admin.audit.actor")}</th>
          <th>{t("admin.audit.subject")}</th>
          <th>{t("admin.audit.detail")}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.seq} data-testid="audit-row" data-action={e.action}>
            <td>{formatWhen(e.at, locale)}</td>
            <td>
              <span className="ledger__name admin__action">
                {known(e.action) ? t(`admin.audit.kinds.${e.action}`) : e.action}
              </span>
              <span className="ledger__sub">{e.action}</span>
            </td>
            <td>{e.actorName ?? t("admin.audit.system")}</td>
            <td>{e.subjectName ?? e.subjectUserId ?? "–"}</td>
            <td className="admin__detail">
              {e.reason ? <span className="admin__reason-text">{e.reason}</span> : null}
              {e.details ? (
                <span className="ledger__sub">
                  {Object.entries(e.details)
                    .filter(([, v]) => v !== null && typeof v !== "object")
                    .map(([k, v]) => `${k}: ${String(v)}`)
                    .join(" · ")}
                </span>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
