import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "../../shared/constants.ts";
import { ENGLISH, loadMessages } from "./resources.ts";

const STORAGE_KEY = "vitrine.locale";

/** The saved choice, else the browser's languages, else English. */
export function detectLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  for (const lang of globalThis.navigator?.languages ?? []) {
    if (lang.toLowerCase().startsWith("zh")) return "zh-CN";
    const base = lang.split("-")[0];
    const match = LOCALES.find((l) => l === base);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}

/** Fetches a language's strings once and hands them to i18next. */
async function ensureLoaded(locale: Locale): Promise<void> {
  if (i18next.hasResourceBundle(locale, "translation")) return;
  i18next.addResourceBundle(locale, "translation", await loadMessages(locale), true, true);
}

/** Switches the UI language; its strings arrive first, so no English flashes in between. */
export async function setLocale(locale: Locale): Promise<void> {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  await ensureLoaded(locale);
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}

/**
 * Starts i18next with English (in the entry) and the reader's language (its chunk, fetched now).
 * main.tsx renders once this settles, so the first paint is already in the reader's language; if
 * that chunk cannot be fetched the page falls back to English rather than not opening.
 */
export async function startI18n(): Promise<void> {
  const locale = detectLocale();
  await i18next.use(initReactI18next).init({
    resources: { [DEFAULT_LOCALE]: { translation: ENGLISH } },
    partialBundledLanguages: true,
    lng: DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    interpolation: { escapeValue: false },
  });
  if (locale === DEFAULT_LOCALE) return;
  try {
    await ensureLoaded(locale);
    await i18next.changeLanguage(locale);
    document.documentElement.lang = locale;
  } catch (error) {
    console.warn(`The ${locale} strings could not be loaded; showing English.`, error);
  }
}

export { i18next };
