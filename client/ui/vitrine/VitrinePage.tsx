import "../drops/drops.css";
import "./vitrine.css";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { VitrineRoomDriver } from "../../net/VitrineRoomDriver.tsx";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { VitrineCanvas } from "../../world/vitrine/VitrineCanvas.tsx";
import { AuthPanel } from "../AuthPanel.tsx";
import { PageHeader } from "../drops/PageHeader.tsx";
import { hasWebGL } from "../webgl.ts";
import { useVitrineView } from "./useVitrineView.ts";
import { VitrinePanel } from "./VitrinePanel.tsx";
import { useVitrineStore } from "./vitrineStore.ts";

/**
 * A vitrine (`/vitrine` for one's own, `/vitrine/:token` through a visitor link): the gallery in
 * 3D, where the owner's pieces stand on lit pedestals and everyone inside walks as an avatar, and
 * beside it the same collection as a list.
 */
export default function VitrinePage({ token }: { token: string | null }) {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const checked = useSessionStore((s) => s.checked);
  const [authOpen, setAuthOpen] = useState(false);
  const [webgl] = useState(hasWebGL);
  useEffect(() => {
    useSessionStore
      .getState()
      .refresh()
      .catch(() => undefined);
  }, []);
  // The owner may open their own visitor link: the room knows them as the owner all the same.
  const ownerInside = useVitrineStore((s) => s.ownerSessionId !== "" && s.ownerSessionId === s.sessionId);
  const [state, reload] = useVitrineView(token, checked && (token !== null || user !== null));

  // When the pieces on display change (one hidden, one granted), the list follows the room.
  const pedestalKey = useVitrineStore((s) => s.pedestals.map((p) => p.copyId).join());
  const seenKey = useRef<string | null>(null);
  useEffect(() => {
    if (seenKey.current !== null && seenKey.current !== pedestalKey) reload();
    seenKey.current = pedestalKey;
  }, [pedestalKey, reload]);

  let body: React.ReactNode;
  if (!checked) body = <div className="page-loading" aria-busy="true" />;
  else if (!token && !user) {
    body = (
      <div className="vitrine-page__note">
        <p>{t("collectibles.vitrine.signIn")}</p>
        <button type="button" className="button button--primary" onClick={() => setAuthOpen(true)}>
          {t("auth.signIn")}
        </button>
      </div>
    );
  } else if (state.kind === "loading") body = <div className="page-loading" aria-busy="true" />;
  else if (state.kind === "ready") {
    const isOwner = token === null || ownerInside;
    body = (
      <div className="vitrine-layout">
        {/* The room join carries the session cookie: join again when the person changes. */}
        <VitrineRoomDriver key={user?.id ?? "guest"} owner={state.view.ownerPseudonym} token={token} />
        {webgl ? (
          <VitrineCanvas />
        ) : (
          <div className="vitrine-canvas vitrine-canvas--none">{t("collectibles.vitrine.noWebgl")}</div>
        )}
        <VitrinePanel view={state.view} isOwner={isOwner} />
      </div>
    );
  } else {
    const message =
      state.kind === "linkInvalid"
        ? t("collectibles.refusal.link_invalid")
        : state.kind === "signInRequired"
          ? t("collectibles.vitrine.signIn")
          : t("collectibles.vitrine.loadFailed", { reason: state.reason });
    body = (
      <div className="vitrine-page__note" role="alert" data-testid="vitrine-unavailable">
        <p>{message}</p>
        <Link href="~/" className="button">
          {t("drops.page.avenue")}
        </Link>
      </div>
    );
  }
  return (
    <main className="vitrine-page" data-testid="vitrine-page">
      <PageHeader onSignIn={() => setAuthOpen(true)} />
      {body}
      {authOpen ? <AuthPanel onDone={() => setAuthOpen(false)} /> : null}
    </main>
  );
}
