import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "../../shared/constants.ts";
import { RESOURCES } from "./resources.ts";

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

export function setLocale(locale: Locale): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  void i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}

void i18next.use(initReactI18next).init({
  resources: Object.fromEntries(
    Object.entries(RESOURCES).map(([locale, translation]) => [locale, { translation }]),
  ),
  lng: detectLocale(),
  fallbackLng: DEFAULT_LOCALE,
  interpolation: { escapeValue: false },
});

export { i18next };
