import { useTranslation } from "react-i18next";
import { admin } from "../../../shared/api/index.ts";
import { localize } from "../../../shared/money.ts";
import { callApi } from "../../net/api.ts";
import { formatNumber, formatWhen } from "./format.ts";
import { SectionFrame } from "./SectionFrame.tsx";
import { useAdminData } from "./useAdminData.ts";

/** Status badges share the portal's look: live things green, closed ones muted, waiting ones gold. */
const BADGE: Record<string, string> = {
  live: "badge--published",
  open: "badge--published",
  early_access: "badge--modified",
  upcoming: "badge--modified",
  announced: "badge--modified",
  sold_out: "badge--alert",
  cancelled: "badge--alert",
  ended: "badge--draft",
};

/** Pass programmes across brands, platform-wide ones first named as such. */
export function ProgrammesSection() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const list = useAdminData(
    (signal) => callApi(admin.listProgrammes, { signal }).then((a) => a.programmes),
    [],
  );
  const rows = list.data ?? [];
  return (
    <SectionFrame
      id="programmes"
      title={t("admin.programmes.title")}
      lede={t("admin.programmes.lede")}
      loading={list.loading}
      error={list.error}
      empty={rows.length === 0}
      emptyText={t("admin.programmes.empty")}
    >
      <table className="ledger">
        <thead>
          <tr>
            <th>{t("admin.programmes.programme")}</th>
            <th>{t("admin.brandColumn")}</th>
            <th>{t("admin.programmes.valid")}</th>
            <th className="num">{t("admin.programmes.passes")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id} data-testid="programme-row">
              <td>
                <span className="ledger__name">{localize(p.name, locale)}</span>
                <span className="ledger__sub">{p.tier}</span>
              </td>
              <td>{p.brandName ?? t("admin.platform")}</td>
              <td>
                {formatWhen(p.validFrom, locale)} – {formatWhen(p.validUntil, locale)}
              </td>
              <td className="num">{formatNumber(p.activePasses, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </SectionFrame>
  );
}

/** Live shopping events across brands, with their status now. */
export function EventsSection() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const list = useAdminData((signal) => callApi(admin.listEvents, { signal }).then((a) => a.events), []);
  const rows = list.data ?? [];
  return (
    <SectionFrame
      id="events"
      title={t("admin.events.title")}
      lede={t("admin.events.lede")}
      loading={list.loading}
      error={list.error}
      empty={rows.length === 0}
      emptyText={t("admin.events.empty")}
    >
      <table className="ledger">
        <thead>
          <tr>
            <th>{t("admin.events.event")}</th>
            <th>{t("admin.brandColumn")}</th>
            <th>{t("admin.events.when")}</th>
            <th>{t("admin.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.id} data-testid="event-row">
              <td>
                <span className="ledger__name">{e.title[locale as "en"] ?? e.title.en}</span>
                <span className="ledger__sub">{t(`admin.events.kinds.${e.kind}`)}</span>
              </td>
              <td>{e.brandName ?? t("admin.platform")}</td>
              <td>
                {formatWhen(e.startsAt, locale)} – {formatWhen(e.endsAt, locale)}
              </td>
              <td>
                <span className={`badge ${BADGE[e.status] ?? ""}`}>
                  {t(`admin.events.status.${e.status}`)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </SectionFrame>
  );
}

/** Drops across brands: stock left and where each stands. */
export function DropsSection() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const list = useAdminData((signal) => callApi(admin.listDrops, { signal }).then((a) => a.drops), []);
  const rows = list.data ?? [];
  return (
    <SectionFrame
      id="drops"
      title={t("admin.drops.title")}
      lede={t("admin.drops.lede")}
      loading={list.loading}
      error={list.error}
      empty={rows.length === 0}
      emptyText={t("admin.drops.empty")}
    >
      <table className="ledger">
        <thead>
          <tr>
            <th>{t("admin.drops.drop")}</th>
            <th>{t("admin.brandColumn")}</th>
            <th>{t("admin.drops.opens")}</th>
            <th className="num">{t("admin.drops.remaining")}</th>
            <th>{t("admin.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id} data-testid="drop-row">
              <td>
                <span className="ledger__name">{localize(d.title, locale)}</span>
                <span className="ledger__sub">{t(`admin.drops.modes.${d.mode}`)}</span>
              </td>
              <td>{d.brandName}</td>
              <td>{formatWhen(d.publicStartsAt, locale)}</td>
              <td className="num">
                {formatNumber(d.remaining, locale)} / {formatNumber(d.stock, locale)}
              </td>
              <td>
                <span className={`badge ${BADGE[d.status] ?? ""}`}>
                  {t(`admin.drops.status.${d.status}`)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </SectionFrame>
  );
}
