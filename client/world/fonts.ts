import "@fontsource/cormorant-garamond/500.css";
import "@fontsource/cormorant-garamond/600.css";
import "@fontsource/inter/400.css";
import "@fontsource/inter/500.css";

/**
 * CSS font families of the bundled faces (served from our origin by Vite, never a CDN). Noto Sans SC
 * (client/ui/a11y/fonts) draws what the Latin faces lack: Chinese titles on signs and plaques.
 */
export const SERIF = "'Cormorant Garamond', 'Noto Sans SC', 'Times New Roman', serif";
export const SANS = "Inter, 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif";

let ready: Promise<void> | null = null;

/**
 * Resolves once the faces used in canvas textures are loaded: a canvas draws with a fallback
 * font otherwise and never redraws by itself. Never rejects (a missing font still gives a sign).
 */
export function fontsReady(): Promise<void> {
  ready ??= Promise.all([
    document.fonts.load(`500 64px ${SERIF}`, "Aé"),
    document.fonts.load(`600 64px ${SERIF}`, "Aé"),
    document.fonts.load(`500 32px ${SANS}`, "Aé"),
  ]).then(
    () => undefined,
    () => undefined,
  );
  return ready;
}

/** The bundled faces at the weights canvas textures use, for fontsReadyFor. */
export const CANVAS_FONTS = [`500 64px ${SERIF}`, `600 64px ${SERIF}`, `500 32px ${SANS}`];

/**
 * Loads the faces a canvas needs to draw `text` in each of `fonts` (CSS font shorthands) and says
 * whether every one is now there. Noto Sans SC comes in unicode-range slices that the browser fetches
 * only for characters the page shows; a canvas never asks, so it drew boxes for Chinese until this
 * was asked for its own words. Never rejects.
 */
export async function fontsReadyFor(fonts: string[], text: string): Promise<boolean> {
  if (!text.trim()) return true;
  await fontsReady();
  try {
    await Promise.all(fonts.map((font) => document.fonts.load(font, text)));
    return fonts.every((font) => document.fonts.check(font, text));
  } catch {
    return false;
  }
}
