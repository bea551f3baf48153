import "./drops.css";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { DropList, DropListItem } from "../../../shared/dropRoom.ts";
import { localize } from "../../../shared/money.ts";
import { fetchDropList } from "../../net/dropApi.ts";
import { useSessionStore } from "../../stores/sessionStore.ts";

/** How often the avenue's HUD rereads the list of drops. */
const REFRESH_MS = 60_000;

function isOpen(drop: DropListItem): boolean {
  return drop.phase === "early_access" || drop.phase === "public";
}

/** Whether someone may still claim (or enter) now: open, stock left, a draw still taking entries. */
function isClaimable(drop: DropListItem, serverNowMs: number): boolean {
  if (!isOpen(drop) || drop.remaining <= 0) return false;
  return (
    drop.mode === "fcfs" || (drop.entriesCloseAt !== null && Date.parse(drop.entriesCloseAt) > serverNowMs)
  );
}

/** The drop to point at: one that can be claimed now, else the next to open, else none. */
function pickDrop(list: DropList): DropListItem | null {
  const now = Date.parse(list.serverTime);
  return list.drops.find((d) => isClaimable(d, now)) ?? list.drops.find((d) => !isOpen(d)) ?? null;
}

/**
 * HUD links for the avenue, on a line of their own under the top bar (which is full): the current or
 * next drop (anyone) and the wallet (signed-in people).
 */
export function DropLinks() {
  const { t, i18n } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const [drop, setDrop] = useState<DropListItem | null>(null);
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      fetchDropList().then(
        (list) => !cancelled && setDrop(pickDrop(list)),
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
  const label = drop
    ? t(open ? "drops.hud.live" : "drops.hud.next", { title: localize(drop.title, i18n.language) })
    : "";
  if (!drop && !user) return null;
  return (
    <nav className="drop-links" aria-label={t("drops.hud.nav")}>
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
    </nav>
  );
}
