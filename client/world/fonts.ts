import "@fontsource/cormorant-garamond/500.css";
import "@fontsource/cormorant-garamond/600.css";
import "@fontsource/inter/400.css";
import "@fontsource/inter/500.css";

/** CSS font families of the bundled faces (served from our origin by Vite, never a CDN). */
export const SERIF = "'Cormorant Garamond', 'Times New Roman', serif";
export const SANS = "Inter, 'Helvetica Neue', Arial, sans-serif";

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
