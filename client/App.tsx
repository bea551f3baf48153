import { lazy, Suspense } from "react";
import { Route, Switch } from "wouter";
import { AvenueApp } from "./AvenueApp.tsx";
import { ComfortRoot } from "./ui/a11y/ComfortRoot.tsx";

// Pages other than the avenue load on demand, so the avenue's first paint does not wait for them.
const BrandPortalPage = lazy(() => import("./ui/portal/BrandPortalPage.tsx"));
const DropPage = lazy(() => import("./ui/drops/DropPage.tsx"));
const WalletPage = lazy(() => import("./ui/wallet/WalletPage.tsx"));
const VitrinePage = lazy(() => import("./ui/vitrine/VitrinePage.tsx"));
const EventPage = lazy(() => import("./ui/events/EventPage.tsx"));
const AdminConsolePage = lazy(() => import("./ui/admin/AdminConsolePage.tsx"));
const SalonPage = lazy(() => import("./ui/salon/SalonPage.tsx"));

/** Pages of the one app: the avenue at `/`, the brand portal, drop pages and the wallet. */
export function App() {
  return (
    <Suspense fallback={<div className="page-loading" aria-busy="true" />}>
      <ComfortRoot />
      <Switch>
        <Route path="/brand" nest>
          <BrandPortalPage />
        </Route>
        <Route path="/admin" nest>
          <AdminConsolePage />
        </Route>
        <Route path="/drops/:dropId" nest>
          {(params) => <DropPage dropId={params.dropId} />}
        </Route>
        <Route path="/events/:eventId">
          {(params) => <EventPage key={params.eventId} eventId={params.eventId} />}
        </Route>
        <Route path="/salon/:appointmentId">
          {(params) => <SalonPage key={params.appointmentId} appointmentId={params.appointmentId} />}
        </Route>
        <Route path="/wallet" nest>
          <WalletPage />
        </Route>
        <Route path="/vitrine">
          <VitrinePage key="mine" token={null} />
        </Route>
        <Route path="/vitrine/:token">
          {(params) => <VitrinePage key={params.token} token={params.token} />}
        </Route>
        <Route>
          <AvenueApp />
        </Route>
      </Switch>
    </Suspense>
  );
}
