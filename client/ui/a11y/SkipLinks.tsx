import { useTranslation } from "react-i18next";
import { useComfortStore } from "./comfortStore.ts";

/**
 * The first stop of Tab on the avenue: jump to the list of boutiques (the 2D Vitrine, which the
 * 3D street's pieces are also reached through), or open the comfort settings. Hidden until focused.
 */
export function SkipLinks() {
  const { t } = useTranslation();
  return (
    <div className="skip-links">
      <button
        type="button"
        className="skip-link"
        onClick={() => {
          useComfortStore.getState().change({ view: "list" });
          // The list mounts on this change; focus its top so reading starts there.
          requestAnimationFrame(() => document.getElementById("avenue-list")?.focus());
        }}
        data-testid="skip-to-list"
      >
        {t("a11y.skip.list")}
      </button>
      <button
        type="button"
        className="skip-link"
        onClick={() => useComfortStore.getState().setPanelOpen(true)}
      >
        {t("a11y.skip.comfort")}
      </button>
    </div>
  );
}
