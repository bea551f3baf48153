import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdminBrand } from "../../../shared/admin.ts";
import { admin } from "../../../shared/api/index.ts";
import type { BrandRole } from "../../../shared/auth.ts";
import { FacadeStyle } from "../../../shared/catalog.ts";
import { callApi } from "../../net/api.ts";
import { formatNumber } from "./format.ts";
import { SectionFrame } from "./SectionFrame.tsx";
import { runAction, useAdminData } from "./useAdminData.ts";

const ROLES: BrandRole[] = ["owner", "merchandiser", "advisor"];

/** Brands: the avenue's maisons in order, a new one, and each one's name, tagline and staff. */
export function BrandsSection() {
  const { t, i18n } = useTranslation();
  const brands = useAdminData((signal) => callApi(admin.listBrands, { signal }).then((a) => a.brands), []);
  const [selected, setSelected] = useState<string | null>(null);
  const list = brands.data ?? [];
  const current = list.find((b) => b.id === selected) ?? null;
  return (
    <SectionFrame
      id="brands"
      title={t("admin.brands.title")}
      lede={t("admin.brands.lede")}
      loading={brands.loading}
      error={brands.error}
      empty={list.length === 0}
      emptyText={t("admin.brands.empty")}
    >
      <div className="admin__split">
        <table className="ledger">
          <thead>
            <tr>
              <th>{t("admin.brands.brand")}</th>
              <th>{t("admin.brands.facade")}</th>
              <th className="num">{t("admin.brands.staff")}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((b) => (
              <tr
                key={b.id}
                className={b.id === selected ? "admin__row--selected" : undefined}
                data-testid="brand-row"
              >
                <td>
                  <button
                    type="button"
                    className="button--link admin__row-link"
                    onClick={() => setSelected(b.id)}
                  >
                    <span className="ledger__name">{b.name}</span>
                  </button>
                  <span className="ledger__sub">
                    {b.id} · {b.tagline[i18n.language as "en"] ?? b.tagline.en}
                  </span>
                </td>
                <td>
                  <span className="admin__swatches" title={t(`admin.brands.styles.${b.facade.style}`)}>
                    {[b.facade.wall, b.facade.trim, b.facade.light].map((c) => (
                      <span key={c} className="admin__swatch" style={{ background: c }} />
                    ))}
                    <span className="ledger__sub">{t(`admin.brands.styles.${b.facade.style}`)}</span>
                  </span>
                </td>
                <td className="num">{formatNumber(b.staffCount, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="admin__side">
          {current ? (
            <BrandPanel key={current.id} brand={current} onChanged={brands.reload} />
          ) : (
            <NewBrandForm
              onCreated={(id) => {
                brands.reload();
                setSelected(id);
              }}
            />
          )}
          {current ? (
            <button type="button" className="button" onClick={() => setSelected(null)}>
              {t("admin.brands.new")}
            </button>
          ) : null}
        </div>
      </div>
    </SectionFrame>
  );
}

function NewBrandForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState({
    id: "",
    name: "",
    tagline: "",
    style: "classic" as FacadeStyle,
    wall: "#2a2230",
    trim: "#c9a96a",
    light: "#ffd9a0",
  });
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) =>
    setDraft({ ...draft, [key]: e.target.value });
  return (
    <form
      className="form admin__card"
      onSubmit={async (e) => {
        e.preventDefault();
        const body = {
          id: draft.id.trim(),
          name: draft.name.trim(),
          tagline: { en: draft.tagline.trim() },
          facade: { style: draft.style, wall: draft.wall, trim: draft.trim, light: draft.light },
        };
        const failed = await runAction(() => callApi(admin.createBrand, { body }));
        setError(failed);
        if (!failed) onCreated(body.id);
      }}
    >
      <h3 className="admin__card-title">{t("admin.brands.new")}</h3>
      <label className="form__field">
        <span className="form__label">{t("admin.brands.id")}</span>
        <input
          value={draft.id}
          onChange={set("id")}
          required
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          maxLength={48}
        />
      </label>
      <label className="form__field">
        <span className="form__label">{t("admin.brands.name")}</span>
        <input value={draft.name} onChange={set("name")} required maxLength={60} />
      </label>
      <label className="form__field">
        <span className="form__label">{t("admin.brands.tagline")}</span>
        <input value={draft.tagline} onChange={set("tagline")} required maxLength={200} />
      </label>
      <div className="form__row">
        <label className="form__field form__field--narrow">
          <span className="form__label">{t("admin.brands.facade")}</span>
          <select value={draft.style} onChange={set("style")}>
            {FacadeStyle.options.map((s) => (
              <option key={s} value={s}>
                {t(`admin.brands.styles.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {(["wall", "trim", "light"] as const).map((k) => (
          <label key={k} className="form__field form__field--narrow">
            <span className="form__label">{t(`admin.brands.colors.${k}`)}</span>
            <input type="color" value={draft[k]} onChange={set(k)} className="admin__color" />
          </label>
        ))}
      </div>
      {error ? (
        <p className="form__notice" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          {t("admin.brands.create")}
        </button>
      </div>
    </form>
  );
}

function BrandPanel({ brand, onChanged }: { brand: AdminBrand; onChanged: () => void }) {
  const { t } = useTranslation();
  const staff = useAdminData(
    (signal) => callApi(admin.brandStaff, { params: { brandId: brand.id }, signal }).then((a) => a.staff),
    [brand.id],
  );
  const [name, setName] = useState(brand.name);
  const [tagline, setTagline] = useState(brand.tagline.en);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<BrandRole>("advisor");
  const [error, setError] = useState<string | null>(null);
  const params = { brandId: brand.id };
  const run = async (action: () => Promise<unknown>, after: () => void) => {
    const failed = await runAction(action);
    setError(failed);
    if (!failed) after();
  };
  return (
    <div className="admin__card" data-testid="brand-panel">
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () =>
              callApi(admin.editBrand, {
                params,
                body: { name, tagline: { ...brand.tagline, en: tagline } },
              }),
            onChanged,
          );
        }}
      >
        <h3 className="admin__card-title">{brand.name}</h3>
        <label className="form__field">
          <span className="form__label">{t("admin.brands.name")}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={60} />
        </label>
        <label className="form__field">
          <span className="form__label">{t("admin.brands.tagline")}</span>
          <input value={tagline} onChange={(e) => setTagline(e.target.value)} required maxLength={200} />
        </label>
        <div className="form__actions">
          <button type="submit" className="button">
            {t("admin.brands.save")}
          </button>
        </div>
      </form>
      <h4 className="admin__subhead">{t("admin.brands.staff")}</h4>
      <table className="ledger ledger--compact">
        <tbody>
          {(staff.data ?? []).map((s) => (
            <tr key={s.userId}>
              <td>
                {s.displayName}
                <span className="ledger__sub"> {s.email}</span>
              </td>
              <td>
                <select
                  className="portal__switch"
                  value={s.role}
                  aria-label={t("admin.people.role")}
                  onChange={(e) =>
                    void run(
                      () =>
                        callApi(admin.setBrandStaff, {
                          params,
                          body: { email: s.email, role: e.target.value as BrandRole },
                        }),
                      staff.reload,
                    )
                  }
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`admin.brands.roles.${r}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td className="ledger__actions">
                <button
                  type="button"
                  className="button--link"
                  onClick={() =>
                    void run(
                      () => callApi(admin.removeBrandStaff, { params: { ...params, userId: s.userId } }),
                      () => {
                        staff.reload();
                        onChanged();
                      },
                    )
                  }
                >
                  {t("admin.brands.remove")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {staff.data?.length === 0 ? <p className="section__empty">{t("admin.brands.noStaff")}</p> : null}
      <form
        className="form admin__inline"
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () => callApi(admin.setBrandStaff, { params, body: { email, role } }),
            () => {
              setEmail("");
              staff.reload();
              onChanged();
            },
          );
        }}
      >
        <input
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          placeholder={t("admin.brands.staffEmail")}
          aria-label={t("admin.brands.staffEmail")}
          required
          maxLength={254}
        />
        <select
          value={role}
          onChange={(e) => setRole(e.target.value as BrandRole)}
          aria-label={t("admin.people.role")}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`admin.brands.roles.${r}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button">
          {t("admin.brands.addStaff")}
        </button>
      </form>
      {error ? (
        <p className="form__notice" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
