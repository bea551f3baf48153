import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, Redirect, Route, Switch, useRoute } from "wouter";
import type { SessionUser } from "../../../shared/auth.ts";
import type { Brand } from "../../../shared/catalog.ts";
import { EventsPortalSection } from "../events/EventsPortalSection.tsx";
import "../clienteling/clienteling.css";
import { AdvisorAppointments } from "./advisor/AdvisorAppointments.tsx";
import { OutreachComposer } from "./advisor/OutreachComposer.tsx";
import { AnalyticsSection } from "./analytics/AnalyticsSection.tsx";
import { CollectiblesPortalSection } from "./collectibles/CollectiblesPortalSection.tsx";
import { DropsPortalSection } from "./drops/DropsPortalSection.tsx";
import { PassesPortalSection } from "./drops/PassesPortalSection.tsx";
import { ModelsSection } from "./ModelsSection.tsx";
import { PlacementSection } from "./PlacementSection.tsx";
import { ProductEditor } from "./ProductEditor.tsx";
import { ProductsSection } from "./ProductsSection.tsx";
import { usePortalStore } from "./portalStore.ts";
import { PORTAL_TABS as TABS } from "./portalTabs.ts";
import { canEdit, roleFor } from "./roles.ts";
import { UploadSection } from "./UploadSection.tsx";

/** One brand's portal: its name and the person's role, the sections, and what they show. */
export function BrandWorkspace({ brand, user }: { brand: Brand; user: SessionUser }) {
  const { t } = useTranslation();
  const role = roleFor(user, brand.id);
  const editable = canEdit(role);
  const status = usePortalStore((s) => s.status);
  const error = usePortalStore((s) => s.error);
  const products = usePortalStore((s) => s.products.length);
  const models = usePortalStore((s) => s.models.length);
  const [, tabParams] = useRoute("/:tab/*?");
  useEffect(() => {
    void usePortalStore.getState().load(brand.id);
  }, [brand.id]);

  const counts: Partial<Record<(typeof TABS)[number], number>> = { products, models };
  return (
    <div className="workspace" data-testid="brand-workspace" data-brand={brand.id} data-role={role ?? ""}>
      <div className="workspace__head" style={{ "--brand-trim": brand.facade.trim } as React.CSSProperties}>
        <div>
          <h1 className="workspace__brand">{brand.name}</h1>
          <p className="workspace__role" data-testid="portal-role">
            {t("portal.role.as", { role: t(`portal.role.${role ?? "none"}`) })}
          </p>
        </div>
        {editable ? null : (
          <p className="workspace__readonly" role="note" data-testid="read-only-note">
            {t("portal.readOnly")}
          </p>
        )}
      </div>
      <nav className="workspace__nav" aria-label={t("portal.nav.label")}>
        {TABS.map((tab) => (
          <Link
            key={tab}
            href={`/${tab}`}
            className="workspace__tab"
            data-testid={tab === "host" ? "host-lines-link" : undefined}
            aria-current={tabParams?.tab === tab ? "page" : undefined}
          >
            {t(`portal.nav.${tab}`)}
            {counts[tab] !== undefined ? <span className="workspace__count">{counts[tab]}</span> : null}
          </Link>
        ))}
      </nav>
      {status === "failed" ? (
        <p className="portal__notice" role="alert">
          {t("portal.loadFailed", { reason: error ?? "" })}
        </p>
      ) : status !== "ready" ? (
        <div className="portal__loading" aria-busy="true" />
      ) : (
        <Switch>
          <Route path="/products">
            <ProductsSection editable={editable} />
          </Route>
          <Route path="/products/new/:modelId">
            {(p) => (
              <ProductEditor brandId={brand.id} modelId={p.modelId} productId={null} editable={editable} />
            )}
          </Route>
          <Route path="/products/:productId">
            {(p) => (
              <ProductEditor brandId={brand.id} modelId={null} productId={p.productId} editable={editable} />
            )}
          </Route>
          <Route path="/upload">
            <UploadSection brandId={brand.id} editable={editable} />
          </Route>
          <Route path="/models">
            <ModelsSection editable={editable} />
          </Route>
          <Route path="/window">
            <PlacementSection brand={brand} editable={editable} role={role} />
          </Route>
          <Route path="/collectibles">
            <CollectiblesPortalSection brand={brand} user={user} />
          </Route>
          <Route path="/drops">
            <DropsPortalSection brandId={brand.id} editable={editable} />
          </Route>
          <Route path="/passes">
            <PassesPortalSection brandId={brand.id} editable={editable} />
          </Route>
          <Route path="/events">
            <EventsPortalSection brandId={brand.id} user={user} />
          </Route>
          <Route path="/appointments">
            <AdvisorAppointments brandId={brand.id} />
            <OutreachComposer brandId={brand.id} brandName={brand.name} />
          </Route>
          <Route path="/analytics">
            <AnalyticsSection brandId={brand.id} />
          </Route>
          <Route>
            <Redirect to="/products" replace />
          </Route>
        </Switch>
      )}
    </div>
  );
}
