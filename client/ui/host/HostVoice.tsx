import { useEffect } from "react";
import { useHostStore } from "../../stores/hostStore.ts";
import { hostLineText } from "../../world/host/hostLineText.ts";
import { hush, speakLine } from "./speakLine.ts";

/**
 * Reads each new host line aloud with the browser's speech synthesis when the person turned the
 * voice on (off by default: a page that starts talking unasked is rude, and browsers block audio
 * before a gesture anyway). Renderless.
 */
export function HostVoice() {
  const voice = useHostStore((s) => s.voice);
  const lineId = useHostStore((s) => s.line?.id ?? -1);
  useEffect(() => {
    const line = useHostStore.getState().line;
    if (!voice || !line || line.id !== lineId || Date.now() > line.until) return;
    speakLine(hostLineText(line.text));
  }, [voice, lineId]);
  useEffect(() => () => hush(), []);
  return null;
}
