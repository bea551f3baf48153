import "./collectiblesPortal.css";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { SessionUser } from "../../../../shared/auth.ts";
import type { Brand } from "../../../../shared/catalog.ts";
import type { CollectibleView } from "../../../../shared/collectibles.ts";
import type { UploadedModel } from "../../../../shared/models.ts";
import { localizedName } from "../../vitrine/localizedName.ts";
import { canEdit, roleFor } from "../roles.ts";
import { CollectibleCreateForm } from "./CollectibleCreateForm.tsx";
import { collectiblesPortalApi } from "./collectiblesPortalApi.ts";
import { GrantForm } from "./GrantForm.tsx";

type Loaded = { collectibles: CollectibleView[]; models: UploadedModel[] };

/**
 * The brand's collectibles in the portal: each with its edition (issued of size), how it is
 * obtained and a grant-by-email form; owners and merchandisers create new ones from processed models.
 */
export function CollectiblesPortalSection({ brand, user }: { brand: Brand; user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const editable = canEdit(roleFor(user, brand.id));
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      const [collectibles, models] = await Promise.all([
        collectiblesPortalApi.list(brand.id),
        collectiblesPortalApi.models(brand.id),
      ]);
      setLoaded({ collectibles, models });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [brand.id]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section
      className="section portal-collectibles"
      aria-labelledby="portal-collectibles-title"
      data-testid="portal-collectibles"
    >
      <div className="section__head">
        <h2 id="portal-collectibles-title" className="section__title">
          {t("collectibles.portal.title")}
        </h2>
      </div>
      <p className="section__lede">{t("collectibles.portal.lede")}</p>
      {error ? (
        <p className="portal__notice" role="alert">
          {t("portal.loadFailed", { reason: error })}
        </p>
      ) : null}
      {loaded && loaded.collectibles.length === 0 ? (
        <p className="section__empty">{t("collectibles.portal.empty")}</p>
      ) : null}
      <ul className="portal-collectibles__list">
        {loaded?.collectibles.map((c) => (
          <li key={c.id} className="portal-collectible" data-collectible-id={c.id}>
            <div className="portal-collectible__head">
              <div>
                <span className="portal-collectible__name">{localizedName(c.name, i18n.language)}</span>
                <span className="portal-collectible__how">{t(`collectibles.obtained.${c.obtainedBy}`)}</span>
                {c.sourceId && c.obtainedBy === "drop" ? (
                  <Link
                    href={`~/drops/${encodeURIComponent(c.sourceId)}`}
                    className="portal-collectible__source"
                  >
                    {t("collectibles.portal.viewDrop")}
                  </Link>
                ) : c.sourceId ? (
                  <span className="portal-collectible__source">{c.sourceId}</span>
                ) : null}
              </div>
              <div className="portal-collectible__issued" data-testid="collectible-issued">
                <span className="portal-collectible__count">{c.issued}</span>
                <span>{t("collectibles.portal.issued", { size: c.editionSize })}</span>
              </div>
            </div>
            <div className="portal-collectible__bar" aria-hidden="true">
              <span style={{ width: `${Math.min(100, (100 * c.issued) / c.editionSize)}%` }} />
            </div>
            <p className="portal-collectible__story">{localizedName(c.story, i18n.language)}</p>
            {editable ? (
              <details className="portal-collectible__grant">
                <summary>{t("collectibles.portal.grantByEmail")}</summary>
                <GrantForm collectibleId={c.id} onGranted={() => void load()} />
              </details>
            ) : null}
          </li>
        ))}
      </ul>
      {editable && loaded ? (
        <div className="portal-collectibles__create">
          <h3 className="portal-collectibles__subtitle">{t("collectibles.portal.new")}</h3>
          {loaded.models.length === 0 ? (
            <p className="section__empty">{t("collectibles.portal.noModels")}</p>
          ) : (
            <CollectibleCreateForm
              brandId={brand.id}
              models={loaded.models}
              onCreated={(created) =>
                setLoaded((l) => (l ? { ...l, collectibles: [...l.collectibles, created] } : l))
              }
            />
          )}
        </div>
      ) : null}
    </section>
  );
}
