import i18next from "i18next";
import type { Locale } from "../../../shared/constants.ts";
import { renderLine } from "../../../shared/host/lineTokens.ts";

/**
 * The current line in the reader's language, its tokens formatted in their locale and time zone.
 * Kept apart from HostBubble (which needs three and react-three-fiber) because the chat and the
 * host's voice, in the page's first download, render host lines too.
 */
export function hostLineText(text: Record<Locale, string>, nowMs = Date.now()): string {
  const lang = i18next.language as Locale;
  return renderLine(text[lang] ?? text.en, lang, nowMs);
}
