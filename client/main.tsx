import "@fontsource/cormorant-garamond/500.css";
import "@fontsource/cormorant-garamond/600.css";
import "@fontsource/inter/400.css";
import "@fontsource/inter/500.css";
// Chinese glyphs served from this origin (no system CJK font is assumed): see assets/LICENSES.md.
import "./ui/a11y/fonts/noto-sans-sc/noto-sans-sc-400.css";
import "./ui/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { startI18n } from "./i18n/i18n.ts";

const root = document.getElementById("root");
// The reader's language is fetched before the first render, so nothing flashes in English first.
await startI18n();
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
