import i18next from "i18next";

const SPEECH_LANG: Record<string, string> = { en: "en-GB", fr: "fr-FR", de: "de-DE", "zh-CN": "zh-CN" };

/** Whether this browser can speak at all (speechSynthesis). */
export const canSpeak = () => typeof globalThis.speechSynthesis !== "undefined";

/** Says one of the host's lines aloud in the page's language, cutting off whatever she was saying. */
export function speakLine(text: string): void {
  const synth = globalThis.speechSynthesis;
  if (!synth) return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = SPEECH_LANG[i18next.language] ?? "en-GB";
  utterance.rate = 1.02;
  utterance.pitch = 1.05;
  synth.cancel();
  synth.speak(utterance);
}

/** Stops the host mid-sentence (her line ended, the voice was turned off, the page closed). */
export function hush(): void {
  globalThis.speechSynthesis?.cancel();
}
