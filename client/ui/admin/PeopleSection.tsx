import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdminPerson } from "../../../shared/admin.ts";
import { admin } from "../../../shared/api/index.ts";
import type { GlobalRole } from "../../../shared/auth.ts";
import { callApi } from "../../net/api.ts";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { formatNumber, formatWhen } from "./format.ts";
import { SectionFrame } from "./SectionFrame.tsx";
import { runAction, useAdminData } from "./useAdminData.ts";

/** People: find by email or name, change the role, suspend or lift it, sign out everywhere. */
export function PeopleSection() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState("");
  const [q, setQ] = useState("");
  const people = useAdminData(
    (signal) => callApi(admin.findPeople, { query: q ? { q } : {}, signal }).then((a) => a.people),
    [q],
  );
  const list = people.data ?? [];
  return (
    <SectionFrame
      id="people"
      title={t("admin.people.title")}
      lede={t("admin.people.lede")}
      loading={people.loading}
      error={people.error}
      empty={list.length === 0}
      emptyText={t("admin.people.empty")}
      tools={
        <form
          className="admin__search form"
          onSubmit={(e) => {
            e.preventDefault();
            setQ(typed.trim());
          }}
        >
          <input
            type="search"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder={t("admin.people.search")}
            aria-label={t("admin.people.search")}
            maxLength={100}
            data-testid="people-search"
          />
          <button type="submit" className="button">
            {t("admin.people.find")}
          </button>
        </form>
      }
    >
      <table className="ledger">
        <thead>
          <tr>
            <th>{t("admin.people.person")}</th>
            <th>{t("admin.people.role")}</th>
            <th>{t("admin.people.brands")}</th>
            <th>{t("admin.people.standing")}</th>
            <th className="num">{t("admin.people.sessions")}</th>
            <th className="ledger__actions">{t("admin.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((p) => (
            <PersonRow key={p.id} person={p} onChanged={people.reload} />
          ))}
        </tbody>
      </table>
    </SectionFrame>
  );
}

function PersonRow({ person, onChanged }: { person: AdminPerson; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const me = useSessionStore((s) => s.user);
  const self = me?.id === person.id;
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    const failed = await runAction(action);
    setError(failed);
    if (!failed) onChanged();
  };
  const params = { userId: person.id };
  return (
    <tr data-testid="person-row" data-email={person.email}>
      <td>
        <span className="ledger__name">{person.displayName}</span>
        <span className="ledger__sub">
          {person.email} · {t("admin.people.since", { when: formatWhen(person.createdAt, locale) })}
        </span>
        {error ? (
          <span className="form__error" role="alert">
            {error}
          </span>
        ) : null}
      </td>
      <td>
        <select
          className="portal__switch"
          value={person.role}
          disabled={self}
          aria-label={t("admin.people.role")}
          onChange={(e) =>
            void run(() =>
              callApi(admin.setPersonRole, { params, body: { role: e.target.value as GlobalRole } }),
            )
          }
        >
          <option value="shopper">{t("admin.people.roles.shopper")}</option>
          <option value="admin">{t("admin.people.roles.admin")}</option>
        </select>
      </td>
      <td>
        {person.brandRoles.length === 0
          ? "–"
          : person.brandRoles.map((r) => `${r.brandId} (${t(`admin.brands.roles.${r.role}`)})`).join(", ")}
      </td>
      <td>
        {person.suspendedAt ? (
          <span className="badge badge--alert" title={person.suspendedReason ?? undefined}>
            {t("admin.people.suspended")}
          </span>
        ) : person.chatMutedUntil ? (
          <span className="badge badge--muted">
            {t("admin.moderation.mutedUntil", { when: formatWhen(person.chatMutedUntil, locale) })}
          </span>
        ) : (
          <span className="badge badge--published">{t("admin.people.active")}</span>
        )}
      </td>
      <td className="num">{formatNumber(person.activeSessions, locale)}</td>
      <td className="ledger__actions">
        <div className="admin__row-actions form">
          <button
            type="button"
            className="button"
            disabled={person.activeSessions === 0}
            onClick={() => void run(() => callApi(admin.endSessions, { params }))}
          >
            {t("admin.people.endSessions")}
          </button>
          {person.suspendedAt ? (
            <button
              type="button"
              className="button"
              onClick={() => void run(() => callApi(admin.unsuspendPerson, { params }))}
            >
              {t("admin.people.unsuspend")}
            </button>
          ) : self ? null : (
            <>
              <input
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                placeholder={t("admin.moderation.suspendReason")}
                aria-label={t("admin.moderation.suspendReason")}
                maxLength={300}
              />
              <button
                type="button"
                className="button button--danger"
                disabled={reason.trim().length < 3}
                onClick={() => void run(() => callApi(admin.suspendPerson, { params, body: { reason } }))}
              >
                {t("admin.people.suspend")}
              </button>
            </>
          )}
        </div>
      </td>
    </tr>
  );
}
