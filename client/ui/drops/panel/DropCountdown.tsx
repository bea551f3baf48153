import { useTranslation } from "react-i18next";
import type { DropView } from "../../../../shared/drops.ts";
import { countdownTarget, formatCountdown, phaseAt, secondsUntil, splitSeconds } from "../dropTimeline.ts";
import { formatInstant } from "../formatInstant.ts";

/**
 * The countdown on server time: what comes next, in how long, and at what time. The digits are a
 * `timer` (not read aloud every second); the phase chip above it is the live region.
 */
export function DropCountdown({ drop, serverNowMs }: { drop: DropView; serverNowMs: number }) {
  const { t, i18n } = useTranslation();
  const phase = phaseAt(drop, serverNowMs);
  const target = countdownTarget(drop, phase);
  if (!target) {
    return (
      <p className="drop-countdown drop-countdown--ended" data-testid="drop-countdown">
        {t("drops.countdown.over")}
      </p>
    );
  }
  const seconds = secondsUntil(target.at, serverNowMs);
  const parts = splitSeconds(seconds);
  return (
    <div
      className="drop-countdown"
      data-testid="drop-countdown"
      data-seconds={seconds}
      data-target={target.at}
    >
      <p className="drop-countdown__label">{t(`drops.countdown.${target.label}`)}</p>
      <p
        className="drop-countdown__digits"
        role="timer"
        aria-live="off"
        aria-label={t("drops.countdown.aria", { ...parts })}
      >
        {formatCountdown(seconds)}
      </p>
      <p className="drop-countdown__at">
        {t("drops.countdown.at", { time: formatInstant(target.at, i18n.language, serverNowMs) })}
      </p>
    </div>
  );
}
