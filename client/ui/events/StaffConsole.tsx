/** The presenter's console: their camera, the event's products to show and pin, the turntable, the drop's countdown, moderation. */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { StageAction, StageState } from "../../../shared/events/stage.ts";
import { CameraControl } from "./CameraControl.tsx";
import { type ProductIndex, productName } from "./eventWords.ts";
import type { ChatLineView } from "./useEventLive.ts";

type Props = {
  eventId: string;
  /** Whether this person presents the show (named presenter, or an admin on a platform show): the camera is theirs. */
  canPresent: boolean;
  productIds: readonly string[];
  products: ProductIndex;
  stage: StageState | null;
  chat: readonly ChatLineView[];
  hasDrop: boolean;
  act(action: StageAction): void;
  sayOnStage(text: string): void;
};

export function StaffConsole({
  eventId,
  canPresent,
  productIds,
  products,
  stage,
  chat,
  hasDrop,
  act,
  sayOnStage,
}: Props) {
  const { t, i18n } = useTranslation();
  const [line, setLine] = useState("");
  const pinned = stage?.pinned ?? [];
  const viewers = [...new Map(chat.map((l) => [l.viewerId, l.name])).entries()].slice(-8);
  return (
    <section className="event-console" aria-labelledby="event-console-title" data-testid="event-console">
      <h2 id="event-console-title">{t("events.console.title")}</h2>
      {canPresent ? <CameraControl eventId={eventId} /> : null}
      <button type="button" className="button" onClick={() => act({ type: "take_stage" })}>
        {t("events.console.takeStage")}
      </button>
      <ul className="event-console__products">
        {productIds.map((id) => (
          <li key={id}>
            <span>{productName(products, id, i18n.language)}</span>
            <button
              type="button"
              className="button"
              onClick={() => act({ type: "show_product", productId: id })}
            >
              {t("events.console.show")}
            </button>
            {pinned.includes(id) ? (
              <button type="button" className="button" onClick={() => act({ type: "unpin", productId: id })}>
                {t("events.console.unpin")}
              </button>
            ) : (
              <button type="button" className="button" onClick={() => act({ type: "pin", productId: id })}>
                {t("events.console.pin")}
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="event-page__actions">
        <button type="button" className="button" onClick={() => act({ type: "turn", spin: -0.8 })}>
          {t("events.console.turnLeft")}
        </button>
        <button type="button" className="button" onClick={() => act({ type: "turn", spin: 0 })}>
          {t("events.console.stopTurn")}
        </button>
        <button type="button" className="button" onClick={() => act({ type: "turn", spin: 0.8 })}>
          {t("events.console.turnRight")}
        </button>
        {hasDrop ? (
          <button type="button" className="button" onClick={() => act({ type: "start_drop_countdown" })}>
            {t("events.console.countdown")}
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          onClick={() => act({ type: "slow_mode", seconds: stage?.moderation.slowModeSeconds ? 0 : 30 })}
        >
          {stage?.moderation.slowModeSeconds ? t("events.console.slowOff") : t("events.console.slowMode")}
        </button>
      </div>
      <ul className="event-console__viewers">
        {viewers.map(([viewerId, name]) => {
          const onStage = stage?.guestsOnStage.some((g) => g.viewerId === viewerId) ?? false;
          return (
            <li key={viewerId}>
              <span>{name}</span>
              <button
                type="button"
                className="button"
                onClick={() => act({ type: "mute_viewer", viewerId, minutes: 10 })}
              >
                {t("events.console.mute")}
              </button>
              <button
                type="button"
                className="button"
                onClick={() =>
                  act(onStage ? { type: "send_back", viewerId } : { type: "invite_on_stage", viewerId })
                }
              >
                {onStage ? t("events.console.sendBack") : t("events.console.invite")}
              </button>
            </li>
          );
        })}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (line.trim()) sayOnStage(line.trim());
          setLine("");
        }}
      >
        <label>
          {t("events.console.stageSay")}
          <input value={line} maxLength={500} onChange={(e) => setLine(e.target.value)} />
        </label>
        <button type="submit" className="button">
          {t("events.live.send")}
        </button>
      </form>
    </section>
  );
}
