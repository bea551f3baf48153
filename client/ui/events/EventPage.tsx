/**
 * An event's page (`/events/:eventId`): its title, kind and phase, the countdown on the server's
 * clock, the guest's invitation and RSVP, the live show once the doors are open (a shard of its
 * audience, with the presenter's console for staff), and the replay after the end.
 */
import "./events.css";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { auth, events } from "../../../shared/api/index.ts";
import type { Catalog } from "../../../shared/catalog.ts";
import type { EventView } from "../../../shared/events/eventView.ts";
import { localize } from "../../../shared/money.ts";
import { ApiError, callApi } from "../../net/api.ts";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { AuthPanel } from "../AuthPanel.tsx";
import { PageHeader } from "../drops/PageHeader.tsx";
import { AttendancePanel } from "./AttendancePanel.tsx";
import { EventCountdown } from "./EventCountdown.tsx";
import { indexProducts } from "./eventWords.ts";
import { LivePanel } from "./LivePanel.tsx";
import { ReplayPanel } from "./ReplayPanel.tsx";
import { RsvpPanel } from "./RsvpPanel.tsx";
import { useEventLive } from "./useEventLive.ts";

export default function EventPage({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const user = useSessionStore((s) => s.user);
  const checked = useSessionStore((s) => s.checked);
  const [event, setEvent] = useState<EventView | null>(null);
  const [offsetMs, setOffset] = useState(0);
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [authOpen, setAuthOpen] = useState(false);
  const [joined, setJoined] = useState(false);

  const load = useCallback(async () => {
    try {
      const view = await callApi(events.getEvent, { params: { eventId } });
      setEvent(view);
      setOffset(Date.parse(view.serverTime) - Date.now());
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, [eventId]);

  useEffect(() => {
    useSessionStore
      .getState()
      .refresh()
      .catch(() => undefined);
    callApi(auth.catalog, {})
      .then(setCatalog)
      .catch(() => setCatalog(null));
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the view follows the session cookie, i.e. the user (guest list, staff side)
  useEffect(() => {
    if (checked) void load();
  }, [checked, user?.id, load]);

  const products = useMemo(() => indexProducts(catalog), [catalog]);
  const open = event !== null && (event.phase === "doors_open" || event.phase === "live");
  const live = useEventLive(eventId, open && joined && checked);
  const shownOffset = live.stage ? live.offsetMs : offsetMs;

  return (
    <main className="event-page" data-testid="event-page">
      <PageHeader onSignIn={() => setAuthOpen(true)} />
      {error && !event ? (
        <div role="alert">
          <p>{t("events.page.loadFailed", { reason: error })}</p>
          <button type="button" className="button" onClick={() => void load()}>
            {t("events.page.retry")}
          </button>
        </div>
      ) : !event ? (
        <p aria-busy="true">{t("events.page.loading")}</p>
      ) : (
        <article className="event-page__body">
          <header>
            <p className="event-page__meta">
              <span>{t(`events.kind.${event.kind}`)}</span> ·{" "}
              <span data-testid="event-phase" data-phase={event.phase}>
                {t(`events.phase.${event.phase}`)}
              </span>
              {event.brandName ? <> · {event.brandName}</> : null}
            </p>
            <h1>{localize(event.title, i18n.language)}</h1>
            {event.details ? <p>{localize(event.details.description, i18n.language)}</p> : null}
            <EventCountdown event={event} offsetMs={shownOffset} />
          </header>
          {!user && event.kind === "invite" ? <p>{t("events.rsvp.signIn")}</p> : null}
          <RsvpPanel event={event} onAnswered={() => void load()} />
          {open && !joined ? (
            <button type="button" className="button button--primary" onClick={() => setJoined(true)}>
              {t("events.live.join")}
            </button>
          ) : null}
          {open && joined ? <LivePanel event={event} live={live} products={products} /> : null}
          {event.staff && event.phase !== "scheduled" ? (
            <AttendancePanel
              eventId={eventId}
              brandId={event.brandId}
              attendance={event.staff.attendance}
              onRefresh={() => void load()}
            />
          ) : null}
          {event.phase === "ended" && event.hasReplay ? (
            <ReplayPanel eventId={eventId} products={products} />
          ) : null}
        </article>
      )}
      {authOpen ? <AuthPanel onDone={() => setAuthOpen(false)} /> : null}
    </main>
  );
}
