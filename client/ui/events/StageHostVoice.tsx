/**
 * Céleste's voice on the event page: each new line she says on stage (the stage's `hostLine`, the
 * same in every shard) is read aloud with the browser's speech synthesis when the person turned the
 * voice on, with the avenue's toggle (one choice, remembered, off by default: browsers block audio
 * before a gesture, and a page that talks unasked is rude). With or without Janus, this is how the
 * host is heard at a show.
 */
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { StageState } from "../../../shared/events/stage.ts";
import { localize } from "../../../shared/money.ts";
import { useHostStore } from "../../stores/hostStore.ts";
import { canSpeak, hush, speakLine } from "../host/speakLine.ts";

export function StageHostVoice({ hostLine }: { hostLine: StageState["hostLine"] }) {
  const { t, i18n } = useTranslation();
  const voice = useHostStore((s) => s.voice);
  const setVoice = useHostStore((s) => s.setVoice);
  const lineId = hostLine?.lineId ?? -1;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a line is said once, when it (or the voice) comes
  useEffect(() => {
    if (!voice || !hostLine) return;
    speakLine(localize(hostLine.line, i18n.language));
  }, [voice, lineId]);
  useEffect(() => () => hush(), []);
  const speaks = canSpeak();
  return (
    <button
      type="button"
      className="button event-live__voice"
      data-testid="event-host-voice"
      aria-pressed={voice}
      disabled={!speaks}
      title={speaks ? t("host.voice.label") : t("host.voice.unavailable")}
      onClick={() => setVoice(!voice)}
    >
      <span aria-hidden="true">{voice ? "◉" : "○"}</span> {voice ? t("host.voice.on") : t("host.voice.off")}
    </button>
  );
}
