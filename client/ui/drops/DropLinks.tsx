import "./drops.css";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { DropListItem } from "../../../shared/dropRoom.ts";
import { fetchDropList } from "../../net/dropApi.ts";
import { useSessionStore } from "../../stores/sessionStore.ts";

/** How often the avenue's HUD rereads the list of drops. */
const REFRESH_MS = 60_000;

/** The drop to point at: one open now (early access or public), else the next to open. */
function pickDrop(drops: DropListItem[]): DropListItem | null {
  return drops.find((d) => d.phase === "early_access" || d.phase === "public") ?? drops[0] ?? null;
}

/** HUD links for the avenue: the current or next drop (anyone) and the wallet (signed-in people). */
export function DropLinks() {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const [drop, setDrop] = useState<DropListItem | null>(null);
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      fetchDropList().then(
        (list) => !cancelled && setDrop(pickDrop(list.drops)),
        () => undefined, // no list, no link: the avenue works without it
      );
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, []);
  const open = drop?.phase === "early_access" || drop?.phase === "public";
  return (
    <>
      {drop ? (
        <Link
          href={`/drops/${encodeURIComponent(drop.id)}`}
          className="button drop-link"
          data-testid="hud-drop-link"
        >
          {t(open ? "drops.hud.live" : "drops.hud.next", { title: drop.title })}
        </Link>
      ) : null}
      {user ? (
        <Link href="/wallet" className="button drop-link" data-testid="hud-wallet-link">
          {t("wallet.link")}
        </Link>
      ) : null}
    </>
  );
}
