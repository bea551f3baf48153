import { useTranslation } from "react-i18next";
import { followHost } from "../../net/avenueChat.ts";
import { useHostStore } from "../../stores/hostStore.ts";

/** Bottom right: the host's voice toggle, and the guided tour (follow / leave, stop, followers). */
export function HostDock() {
  const { t } = useTranslation();
  const voice = useHostStore((s) => s.voice);
  const setVoice = useHostStore((s) => s.setVoice);
  const following = useHostStore((s) => s.following);
  const tourId = useHostStore((s) => s.status?.tourId ?? "");
  const stop = useHostStore((s) => s.status?.tourStop ?? -1);
  const followers = useHostStore((s) => s.status?.followers ?? 0);
  const canSpeak = typeof globalThis.speechSynthesis !== "undefined";
  return (
    <div className="host-dock" data-testid="host-dock">
      {tourId ? (
        <div className="host-dock__tour" data-testid="host-tour">
          <span className="host-dock__eyebrow">{t("host.tour.touring")}</span>
          {stop >= 0 ? <span>{t("host.tour.stop", { stop: stop + 1 })}</span> : null}
          <span className="host-dock__muted">{t("host.tour.followers", { count: followers })}</span>
        </div>
      ) : null}
      <button
        type="button"
        className="host-dock__button"
        data-testid="host-follow"
        aria-pressed={following}
        onClick={() => followHost(!following)}
      >
        {following ? t("host.tour.leave") : t("host.tour.follow")}
      </button>
      <button
        type="button"
        className="host-dock__button host-dock__voice"
        data-testid="host-voice"
        aria-pressed={voice}
        disabled={!canSpeak}
        title={canSpeak ? t("host.voice.label") : t("host.voice.unavailable")}
        onClick={() => setVoice(!voice)}
      >
        <span aria-hidden="true">{voice ? "◉" : "○"}</span> {voice ? t("host.voice.on") : t("host.voice.off")}
      </button>
    </div>
  );
}
