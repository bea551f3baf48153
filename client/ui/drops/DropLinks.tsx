import "./drops.css";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { DropListItem } from "../../../shared/dropRoom.ts";
import { fetchDropList } from "../../net/dropApi.ts";
import { useSessionStore } from "../../stores/sessionStore.ts";

/** How often the avenue's HUD rereads the list of drops. */
const REFRESH_MS = 60_000;

function isOpen(drop: DropListItem): boolean {
  return drop.phase === "early_access" || drop.phase === "public";
}

/** The drop to point at: one open now with stock left, else the next to open, else any open one. */
function pickDrop(drops: DropListItem[]): DropListItem | null {
  return drops.find((d) => isOpen(d) && d.remaining > 0) ?? drops.find((d) => !isOpen(d)) ?? drops[0] ?? null;
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
  const open = drop ? isOpen(drop) : false;
  const label = drop ? t(open ? "drops.hud.live" : "drops.hud.next", { title: drop.title }) : "";
  return (
    <>
      {drop ? (
        <Link
          href={`/drops/${encodeURIComponent(drop.id)}`}
          className="button drop-link drop-link--drop"
          title={label}
          data-testid="hud-drop-link"
        >
          {label}
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
