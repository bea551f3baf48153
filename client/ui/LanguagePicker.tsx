import { useTranslation } from "react-i18next";
import { LOCALES, type Locale } from "../../shared/constants.ts";
import { setLocale } from "../i18n/i18n.ts";

const NAMES: Record<Locale, string> = { en: "English", fr: "Français", de: "Deutsch", "zh-CN": "简体中文" };

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <label className="hud__lang">
      <span className="sr-only">{t("hud.language")}</span>
      <select
        value={i18n.language}
        onChange={(e) => setLocale(e.target.value as Locale)}
        aria-label={t("hud.language")}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
