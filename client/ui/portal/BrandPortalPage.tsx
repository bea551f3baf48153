import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Redirect, Route, Switch } from "wouter";
import { auth } from "../../../shared/api/index.ts";
import type { Catalog } from "../../../shared/catalog.ts";
import { callApi } from "../../net/api.ts";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { BrandPicker } from "./BrandPicker.tsx";
import { BrandWorkspace } from "./BrandWorkspace.tsx";
import { HostLinesPage } from "./host/HostLinesPage.tsx";
import { PortalHeader } from "./PortalHeader.tsx";
import "./portal.css";
import { portalBrands } from "./roles.ts";
import { SignInGate } from "./SignInGate.tsx";

/**
 * The brand portal (`/brand`): signed-in brand staff see their products, models and boutique
 * window; owners and merchandisers upload, edit, place and publish, advisors only look.
 */
export default function BrandPortalPage() {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const checked = useSessionStore((s) => s.checked);
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    useSessionStore
      .getState()
      .refresh()
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    callApi(auth.catalog)
      .then(setCatalog)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  const brands = user && catalog ? portalBrands(user, catalog.brands) : [];
  let content: React.ReactNode;
  if (error) {
    content = (
      <p className="portal__notice" role="alert">
        {t("portal.loadFailed", { reason: error })}
      </p>
    );
  } else if (!checked || (user && !catalog)) {
    content = <div className="portal__loading" aria-busy="true" />;
  } else if (!user) {
    content = <SignInGate />;
  } else if (brands.length === 0) {
    content = <p className="portal__notice">{t("portal.noBrand")}</p>;
  } else {
    const only = brands.length === 1 ? brands[0] : undefined;
    content = (
      <Switch>
        <Route path="/">
          {only ? <Redirect to={`/${only.id}`} replace /> : <BrandPicker brands={brands} />}
        </Route>
        <Route path="/:brandId/host">
          {(params) => {
            const brand = brands.find((b) => b.id === params.brandId);
            const full = catalog?.brands.find((b) => b.id === params.brandId);
            return brand && full ? (
              <HostLinesPage key={brand.id} brand={full} user={user} />
            ) : (
              <p className="portal__notice" role="alert">
                {t("portal.notYourBrand")}
              </p>
            );
          }}
        </Route>
        <Route path="/:brandId" nest>
          {(params) => {
            const brand = brands.find((b) => b.id === params.brandId);
            return brand ? (
              <BrandWorkspace key={brand.id} brand={brand} user={user} />
            ) : (
              <p className="portal__notice" role="alert">
                {t("portal.notYourBrand")}
              </p>
            );
          }}
        </Route>
      </Switch>
    );
  }

  return (
    <div className="portal">
      <PortalHeader brands={brands} />
      <div className="portal__body">{content}</div>
    </div>
  );
}
