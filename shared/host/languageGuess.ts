/**
 * A small language guess for chat lines, so the host answers in the language a question is
 * written in (a French question from an English interface gets a French answer). Chinese by its
 * script; English, French and German by their most frequent function words and accents.
 */

import { normalizeText } from "./entities.ts";
import type { ClassifierLanguage } from "./intentCorpus.ts";

const MARKERS: Record<"en" | "fr" | "de", Set<string>> = {
  en: new Set(
    "the is are what when where how much who which does do can you your i me my there any of to a an show tell take".split(
      " ",
    ),
  ),
  fr: new Set(
    "le la les est quand où ou combien quel quelle quels quelles vous je moi il y a un une des du de au aux chez qui que qu pouvez suivez merci bonjour bonsoir".split(
      " ",
    ),
  ),
  de: new Set(
    "der die das ist wann wo wie viel was wer sie ich mich mir es gibt ein eine einen zu zum zur bei kann können bitte danke hallo".split(
      " ",
    ),
  ),
};

/** "zh", "en", "fr" or "de" when the text clearly looks like it; null when unsure. */
export function guessLanguage(text: string): ClassifierLanguage | null {
  if (/[\u3400-\u9fff]/.test(text)) return "zh";
  const raw = text.toLowerCase();
  const words = normalizeText(text).split(" ");
  const score = { en: 0, fr: 0, de: 0 };
  for (const w of words) {
    for (const lang of ["en", "fr", "de"] as const) if (MARKERS[lang].has(w)) score[lang] += 1;
  }
  // Not "é": brand and product names carry it whatever the language ("Heure Dorée").
  if (/[àâçèêëîïôùûœ]/.test(raw)) score.fr += 1.5;
  if (/[äöüß]/.test(raw)) score.de += 1.5;
  const ranked = (Object.entries(score) as ["en" | "fr" | "de", number][]).sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || top[1] === 0) return null;
  if (second && top[1] - second[1] < 1) return null;
  return top[0];
}
