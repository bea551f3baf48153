/** A text in the reader's language, else its base language (zh-CN → zh), else English. */
export function localizedName(text: Readonly<Record<string, string | undefined>>, language: string): string {
  return text[language] ?? text[language.split("-")[0] ?? ""] ?? text.en ?? Object.values(text)[0] ?? "";
}
