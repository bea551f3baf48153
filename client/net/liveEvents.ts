/**
 * The open events live now, for the avenue's beacons: `GET /api/events` on mount and every
 * minute (an event starts or ends on the server's clock; a minute late is fine for a beacon).
 */
import { useEffect, useState } from "react";
import { events } from "../../shared/api/index.ts";
import type { EventSummary } from "../../shared/events/eventView.ts";
import { callApi } from "./api.ts";

const REFRESH_MS = 60_000;

export function useLiveEvents(): EventSummary[] {
  const [live, setLive] = useState<EventSummary[]>([]);
  useEffect(() => {
    let stopped = false;
    const load = () =>
      callApi(events.listEvents, {})
        .then((list) => {
          if (!stopped) setLive(list.events.filter((e) => e.phase === "live" && e.kind === "open"));
        })
        .catch(() => undefined); // no beacons this minute; the next refresh tries again
    void load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);
  return live;
}
