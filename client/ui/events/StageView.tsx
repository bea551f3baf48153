/**
 * The stage part of the live page: the audience shard in 3D (client/world/event), with the
 * presenter's video on the stage's screen when the show has video, and this shard's roster (how
 * many are here, and the names of the signed-in; guests stay anonymous).
 */
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import type { EventView } from "../../../shared/events/eventView.ts";
import { localize } from "../../../shared/money.ts";
import type { ProductIndex } from "./eventWords.ts";
import { StagePip } from "./StagePip.tsx";
import type { EventLive } from "./useEventLive.ts";
import type { EventVideo } from "./useEventVideo.ts";

const EventStageCanvas = lazy(() =>
  import("../../world/event/EventStageCanvas.tsx").then((m) => ({ default: m.EventStageCanvas })),
);

export function StageView({
  event,
  live,
  products,
  video,
  muted,
}: {
  event: EventView;
  live: EventLive;
  products: ProductIndex;
  video: EventVideo;
  /** The presenter's own page: the picture without its sound. */
  muted: boolean;
}) {
  const { t, i18n } = useTranslation();
  const stage = live.stage;
  const stream = video.stream;
  if (!stage) return null;
  const presenter = stage.presenter?.name ?? event.brandName ?? "";
  const card = {
    eyebrow: t("events.live.screenEyebrow"),
    title: localize(event.title, i18n.language),
    caption: stream ? "" : presenter ? t("events.live.screenCaption", { presenter }) : "",
  };
  return (
    <div className="event-stage-view">
      <div className="event-stage-view__frame">
        <Suspense fallback={<p aria-busy="true">{t("events.live.joining")}</p>}>
          <EventStageCanvas
            stage={stage}
            offsetMs={live.offsetMs}
            products={products}
            stream={stream}
            card={card}
            label={t("events.live.stageLabel")}
            muted={muted}
          />
        </Suspense>
        {stream ? <StagePip stream={stream} framesDecoded={video.framesDecoded} /> : null}
      </div>
      {video.availability === "off" ? (
        <p className="event-stage-view__note" data-testid="event-video-off">
          {t("events.live.screenVideoOff")}
        </p>
      ) : null}
      <p className="event-roster" data-testid="event-roster" data-count={live.roster.count}>
        <strong>{t("events.live.roster", { count: live.roster.count })}</strong>{" "}
        {live.roster.names.length > 0
          ? t("events.live.rosterNamed", { names: live.roster.names.join(", ") })
          : t("events.live.rosterNone")}
      </p>
    </div>
  );
}
