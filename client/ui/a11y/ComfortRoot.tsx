import "./a11y.css";
import { useEffect } from "react";
import { useComfortStore, useReducedMotion } from "./comfortStore.ts";

/**
 * Writes the comfort settings on <html> (`data-motion`, `data-contrast`, `data-text`), where
 * every page's stylesheet reads them: one place, so no page forgets one. Renders nothing.
 */
export function ComfortRoot() {
  const reduced = useReducedMotion();
  const highContrast = useComfortStore((s) => s.settings.highContrast);
  const largeText = useComfortStore((s) => s.settings.largeText);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.motion = reduced ? "reduce" : "full";
    root.dataset.contrast = highContrast ? "high" : "normal";
    root.dataset.text = largeText ? "large" : "normal";
  }, [reduced, highContrast, largeText]);
  return null;
}
