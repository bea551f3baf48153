import i18next from "i18next";
import { useEffect } from "react";
import { useHostStore } from "../../stores/hostStore.ts";
import { hostLineText } from "../../world/host/hostLineText.ts";

const SPEECH_LANG: Record<string, string> = { en: "en-GB", fr: "fr-FR", de: "de-DE", "zh-CN": "zh-CN" };

/**
 * Reads each new host line aloud with the browser's speech synthesis when the person turned the
 * voice on (off by default: a page that starts talking unasked is rude, and browsers block audio
 * before a gesture anyway). Renderless.
 */
export function HostVoice() {
  const voice = useHostStore((s) => s.voice);
  const lineId = useHostStore((s) => s.line?.id ?? -1);
  useEffect(() => {
    const synth = globalThis.speechSynthesis;
    const line = useHostStore.getState().line;
    if (!voice || !synth || !line || line.id !== lineId || Date.now() > line.until) return;
    const utterance = new SpeechSynthesisUtterance(hostLineText(line.text));
    utterance.lang = SPEECH_LANG[i18next.language] ?? "en-GB";
    utterance.rate = 1.02;
    utterance.pitch = 1.05;
    synth.cancel();
    synth.speak(utterance);
  }, [voice, lineId]);
  useEffect(() => () => globalThis.speechSynthesis?.cancel(), []);
  return null;
}
