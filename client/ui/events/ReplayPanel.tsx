/** An ended show's timeline: what was on stage, the pins (each opens its product card), the host's lines, the stage channel. */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { events } from "../../../shared/api/index.ts";
import type { Timeline, TimelineEntry } from "../../../shared/events/timeline.ts";
import { localize } from "../../../shared/money.ts";
import { ApiError, callApi } from "../../net/api.ts";
import { formatSpan, type ProductIndex, productName } from "./eventWords.ts";
import { PinnedCard } from "./PinnedCard.tsx";

export function ReplayPanel({ eventId, products }: { eventId: string; products: ProductIndex }) {
  const { t, i18n } = useTranslation();
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    callApi(events.eventTimeline, { params: { eventId } })
      .then(setTimeline)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [eventId]);
  if (error) return <p role="alert">{error}</p>;
  if (!timeline) return null;
  // A turn of the same piece is recorded (its pose), but reads as the same line again: shown once.
  let lastOnStage: string | null = null;
  const entries = timeline.entries.filter((e) => {
    if (e.kind !== "stage") return true;
    const key = `${e.payload.productId ?? ""}/${e.payload.variant ?? ""}`;
    const repeated = key === lastOnStage;
    lastOnStage = key;
    return !repeated;
  });
  const name = (id: string) => productName(products, id, i18n.language);
  const describe = (e: TimelineEntry): string => {
    switch (e.kind) {
      case "stage":
        return e.payload.productId
          ? t("events.replay.stage", { product: name(e.payload.productId) })
          : t("events.replay.cleared");
      case "pin":
        return t("events.replay.pin", { product: name(e.payload.productId) });
      case "unpin":
        return t("events.replay.unpin", { product: name(e.payload.productId) });
      case "host_line":
        return localize(e.payload.line, i18n.language);
      case "stage_chat":
        return `${e.payload.name}: ${e.payload.text}`;
      case "phase":
        return t(`events.phase.${e.payload.phase}`);
      case "drop_countdown":
        return t("events.replay.countdown");
    }
  };
  return (
    <section aria-labelledby="event-replay" data-testid="event-replay">
      <h2 id="event-replay">{t("events.replay.title")}</h2>
      {entries.length === 0 ? <p>{t("events.replay.empty")}</p> : null}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling list must be reachable by keyboard to scroll (axe scrollable-region-focusable) */}
      <ol className="event-lines" tabIndex={0} aria-labelledby="event-replay">
        {entries.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the timeline is read once, in order, and never reordered
          <li key={`${e.t}-${i}`} data-kind={e.kind}>
            <time>{e.t < 0 ? `-${formatSpan(-e.t)}` : formatSpan(e.t)}</time> {describe(e)}
            {e.kind === "pin" ? (
              <button
                type="button"
                className="button button--link"
                onClick={() => setOpen(e.payload.productId)}
              >
                {t("events.replay.open")}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {open ? (
        <ul className="event-pins">
          <PinnedCard productId={open} products={products} />
        </ul>
      ) : null}
    </section>
  );
}
