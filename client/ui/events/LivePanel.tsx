/**
 * The live show: the stage in 3D (StageView), then as text and cards: what is on stage, the pins
 * (each a product card with the wishlist), the host's line (and her voice, StageHostVoice), the stage
 * channel, and this shard's chat; the console for staff.
 */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { EventView } from "../../../shared/events/eventView.ts";
import { localize } from "../../../shared/money.ts";
import { useSessionStore } from "../../stores/sessionStore.ts";
import { type ProductIndex, productName } from "./eventWords.ts";
import { PinnedCard } from "./PinnedCard.tsx";
import { StaffConsole } from "./StaffConsole.tsx";
import { StageHostVoice } from "./StageHostVoice.tsx";
import { StageView } from "./StageView.tsx";
import type { EventLive } from "./useEventLive.ts";
import { useEventVideo } from "./useEventVideo.ts";

export function LivePanel({
  event,
  live,
  products,
}: {
  event: EventView;
  live: EventLive;
  products: ProductIndex;
}) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState("");
  const stage = live.stage;
  const removed = new Set(stage?.moderation.removedLineIds ?? []);
  const staff = live.welcome?.role === "presenter" || live.welcome?.role === "moderator";
  const isAdmin = useSessionStore((s) => s.user?.role === "admin");
  // As the server decides it: named presenters, and admins on a platform show.
  const canPresent = live.welcome?.role === "presenter" || (isAdmin && event.brandId === null);
  // The show's video, once this page is in a shard (before: the grant would be refused anyway).
  const video = useEventVideo(event.id, live.status === "in");
  if (live.status === "refused" && live.refusal)
    return (
      <p
        className="event-page__refusal"
        role="alert"
        data-testid="event-refusal"
        data-reason={live.refusal.reason}
      >
        {live.refusal.message}
      </p>
    );
  if (live.status === "offline") return <p role="alert">{t("events.live.offline")}</p>;
  if (live.status === "joining" || !stage) return <p aria-busy="true">{t("events.live.joining")}</p>;
  return (
    <div className="event-live" data-testid="event-live">
      <StageView event={event} live={live} products={products} video={video} muted={canPresent} />
      {live.welcome ? (
        <p className="event-live__shard">{t("events.live.shard", { shard: live.welcome.shardId })}</p>
      ) : null}
      <section aria-labelledby="event-on-stage">
        <h2 id="event-on-stage">{t("events.live.onStage")}</h2>
        <p data-testid="event-on-stage" data-product={stage.onStage?.productId ?? ""}>
          {stage.onStage
            ? `${productName(products, stage.onStage.productId, i18n.language)}${stage.onStage.variant ? ` · ${stage.onStage.variant}` : ""}`
            : t("events.live.nothingOnStage")}
        </p>
        {stage.guestsOnStage.length > 0 ? (
          <p>
            {t("events.live.guestsOnStage", { names: stage.guestsOnStage.map((g) => g.name).join(", ") })}
          </p>
        ) : null}
        {stage.hostLine ? (
          <blockquote className="event-live__host" data-testid="event-host-line">
            {localize(stage.hostLine.line, i18n.language)}
          </blockquote>
        ) : null}
        {event.details?.presenters.some((p) => p.kind === "host") ? (
          <StageHostVoice hostLine={stage.hostLine} />
        ) : null}
      </section>
      {stage.pinned.length > 0 ? (
        <section aria-labelledby="event-pinned">
          <h2 id="event-pinned">{t("events.live.pinned")}</h2>
          <ul className="event-pins">
            {stage.pinned.map((id) => (
              <PinnedCard key={id} productId={id} products={products} />
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="event-stage-channel">
        <h2 id="event-stage-channel">{t("events.live.stageChannel")}</h2>
        <ul
          className="event-lines"
          data-testid="event-stage-chat"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling list must be reachable by keyboard to scroll (axe scrollable-region-focusable)
          tabIndex={0}
          aria-labelledby="event-stage-channel"
        >
          {live.stageChat.map((l) => (
            <li key={`${l.at}-${l.name}`}>
              <strong>{l.name}</strong> {l.text}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="event-chat">
        <h2 id="event-chat">{t("events.live.chat")}</h2>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling list must be reachable by keyboard to scroll (axe scrollable-region-focusable) */}
        <ul className="event-lines" data-testid="event-chat" tabIndex={0} aria-labelledby="event-chat">
          {live.chat
            .filter((l) => !removed.has(l.lineId))
            .map((l) => (
              <li key={l.lineId}>
                <strong>{l.name}</strong> {l.text}
              </li>
            ))}
        </ul>
        {live.notice ? <p role="status">{live.notice.message}</p> : null}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) live.say(text.trim());
            setText("");
          }}
        >
          <label>
            {t("events.live.say")}
            <input value={text} maxLength={300} onChange={(e) => setText(e.target.value)} />
          </label>
          <button type="submit" className="button">
            {t("events.live.send")}
          </button>
        </form>
      </section>
      {staff ? (
        <StaffConsole
          eventId={event.id}
          canPresent={canPresent}
          productIds={event.details?.productIds ?? []}
          products={products}
          stage={stage}
          chat={live.chat}
          hasDrop={event.details?.dropId != null}
          act={live.act}
          sayOnStage={live.sayOnStage}
        />
      ) : null}
    </div>
  );
}
