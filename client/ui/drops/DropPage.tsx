import "./drops.css";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Route, Switch } from "wouter";
import { DropRoomDriver } from "../../net/DropRoomDriver.tsx";
import { loadDrop, refreshClaims, rememberedEntry } from "../../net/dropSession.ts";
import { useDropStore } from "../../stores/dropStore.ts";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { DropStage } from "../../world/drop/DropStage.tsx";
import { AuthPanel } from "../AuthPanel.tsx";
import { hasWebGL } from "../webgl.ts";
import { DropPanel } from "./DropPanel.tsx";
import { DropReportView } from "./DropReportView.tsx";
import { PageHeader } from "./PageHeader.tsx";

/** How often the drop is read over HTTP while the room does not push it. */
const HTTP_REFRESH_MS = 5_000;

/**
 * A drop's page (`/drops/:dropId`): the piece on its pedestal in a small 3D scene with a claim
 * plaque, the accessible panel beside it, and (nested at `/report`) the brand's report.
 */
export default function DropPage({ dropId }: { dropId: string }) {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const checked = useSessionStore((s) => s.checked);
  const loadError = useDropStore((s) => s.loadError);
  const drop = useDropStore((s) => s.drop);
  const [authOpen, setAuthOpen] = useState(false);
  const [webgl] = useState(hasWebGL);

  useEffect(() => {
    useDropStore.getState().reset(dropId);
    void loadDrop(dropId);
    useSessionStore
      .getState()
      .refresh()
      .catch(() => undefined);
  }, [dropId]);

  // Outside the room (refused, offline) the stock and phase come from the HTTP read, kept fresh.
  useEffect(() => {
    const timer = setInterval(() => {
      if (useDropStore.getState().roomStatus !== "connected") void loadDrop(dropId);
    }, HTTP_REFRESH_MS);
    return () => clearInterval(timer);
  }, [dropId]);

  // The person's claims and remembered raffle entry follow whoever is signed in.
  useEffect(() => {
    const store = useDropStore.getState();
    store.setClaims([]);
    store.setRefusal(null);
    const entryId = user ? rememberedEntry(dropId, user.id) : null;
    store.setEntry(entryId ? { entryId, dropId } : null);
    if (user) void refreshClaims(dropId);
  }, [dropId, user]);

  return (
    <main className="drop-page" data-testid="drop-page">
      {/* The room join carries the session cookie: join again when the person changes. */}
      {checked ? <DropRoomDriver key={user?.id ?? "guest"} dropId={dropId} /> : null}
      <PageHeader onSignIn={() => setAuthOpen(true)} />
      {loadError && !drop ? (
        <div className="drop-page__error" role="alert">
          <p>{t("drops.page.loadFailed", { reason: loadError })}</p>
          <button type="button" className="button" onClick={() => void loadDrop(dropId)}>
            {t("drops.page.retry")}
          </button>
        </div>
      ) : (
        <Switch>
          <Route path="/report">
            <DropReportView dropId={dropId} />
          </Route>
          <Route>
            <div className="drop-layout">
              {webgl ? <DropStage dropId={dropId} onSignIn={() => setAuthOpen(true)} /> : null}
              <DropPanel dropId={dropId} onSignIn={() => setAuthOpen(true)} />
            </div>
          </Route>
        </Switch>
      )}
      {authOpen ? <AuthPanel onDone={() => setAuthOpen(false)} /> : null}
    </main>
  );
}
