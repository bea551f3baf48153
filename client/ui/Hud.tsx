import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { avatarFrame } from "../net/avatarFrame.ts";
import { inviteLink } from "../net/avenueConnection.ts";
import { useNoticeStore } from "../stores/noticeStore.ts";
import { useSessionStore } from "../stores/sessionStore.ts";
import { useWorldStore } from "../stores/worldStore.ts";
import { AuthPanel } from "./AuthPanel.tsx";
import { ComfortControls } from "./a11y/ComfortControls.tsx";
import { DropLinks } from "./drops/DropLinks.tsx";
import { LanguagePicker } from "./LanguagePicker.tsx";

/** The thin frame around the scene: who you are, who is here, how to move, how to invite. */
export function Hud({ onRejoin, webgl }: { onRejoin: () => void; webgl: boolean }) {
  const { t } = useTranslation();
  const connection = useWorldStore((s) => s.connection);
  const shardId = useWorldStore((s) => s.shardId);
  const user = useSessionStore((s) => s.user);
  const [people, setPeople] = useState(0);
  const [authOpen, setAuthOpen] = useState(false);

  useEffect(() => {
    const id = setInterval(() => setPeople(avatarFrame.entries.size), 1000);
    return () => clearInterval(id);
  }, []);

  async function copyInvite() {
    if (!shardId) return;
    await navigator.clipboard?.writeText(inviteLink(shardId)).catch(() => undefined);
    useNoticeStore.getState().push("info", t("hud.inviteCopied"));
  }

  async function signOut() {
    await useSessionStore.getState().signOut();
    onRejoin();
  }

  return (
    <>
      <header className="hud hud--top">
        <div className="hud__brand">
          <span className="hud__logo">{t("brand.name")}</span>
          <span className="hud__tagline">{t("brand.tagline")}</span>
        </div>
        <div className="hud__status" data-testid="connection" data-status={connection}>
          {connection === "connected" ? t("hud.connected", { count: people }) : null}
          {connection === "connecting" ? t("hud.connecting") : null}
          {connection === "reconnecting" ? t("hud.reconnecting") : null}
          {connection === "offline" ? (
            <>
              {t("hud.offline")}{" "}
              <button type="button" className="button button--link" onClick={onRejoin}>
                {t("hud.rejoin")}
              </button>
            </>
          ) : null}
        </div>
        <div className="hud__actions">
          {shardId ? (
            <button
              type="button"
              className="button"
              onClick={copyInvite}
              title={t("hud.shard", { id: shardId })}
            >
              {t("hud.invite")}
            </button>
          ) : null}
          {user ? (
            <>
              <span className="hud__user">{t("auth.signedInAs", { name: user.displayName })}</span>
              <button type="button" className="button" onClick={signOut}>
                {t("auth.signOut")}
              </button>
            </>
          ) : (
            <>
              <span className="hud__user">{t("auth.guest")}</span>
              <button type="button" className="button button--primary" onClick={() => setAuthOpen(true)}>
                {t("auth.signIn")}
              </button>
            </>
          )}
          <ComfortControls webgl={webgl} />
          <LanguagePicker />
        </div>
      </header>
      <DropLinks />
      <footer className="hud hud--bottom">{t("hud.help")}</footer>
      {authOpen ? (
        <AuthPanel
          onDone={() => {
            setAuthOpen(false);
            if (useSessionStore.getState().user) onRejoin();
          }}
        />
      ) : null}
    </>
  );
}
