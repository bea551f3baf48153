import { useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useFocusTrap } from "../viewer/useFocusTrap.ts";
import type { ComfortSettings } from "./comfort.ts";
import { useComfortStore } from "./comfortStore.ts";

const MOTIONS: Array<{ value: ComfortSettings["motion"]; key: string }> = [
  { value: "system", key: "a11y.comfort.motionSystem" },
  { value: "reduce", key: "a11y.comfort.motionReduce" },
  { value: "full", key: "a11y.comfort.motionFull" },
];

/** The comfort dialog: motion, view, walking, contrast and text size; focus trapped and given back. */
export function ComfortPanel({ onClose, webgl }: { onClose: () => void; webgl: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  useFocusTrap(dialog, onClose);
  const settings = useComfortStore((s) => s.settings);
  const change = useComfortStore((s) => s.change);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the backdrop closes on click; Esc does it by keyboard
    <div
      className="dialog"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
      // Keys pressed in the dialog never walk the avatar (the avenue listens on window).
      onKeyDown={(e) => e.stopPropagation()}
    >
      <div
        ref={dialog}
        className="dialog__panel comfort"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="comfort-panel"
      >
        <h2 id={titleId}>{t("a11y.comfort.title")}</h2>
        <fieldset className="comfort__group">
          <legend>{t("a11y.comfort.motion")}</legend>
          {MOTIONS.map((m) => (
            <label key={m.value} className="comfort__option">
              <input
                type="radio"
                name="comfort-motion"
                value={m.value}
                checked={settings.motion === m.value}
                onChange={() => change({ motion: m.value })}
              />
              {t(m.key)}
            </label>
          ))}
        </fieldset>
        {webgl ? (
          <fieldset className="comfort__group">
            <legend>{t("a11y.comfort.view")}</legend>
            <label className="comfort__option">
              <input
                type="radio"
                name="comfort-view"
                checked={settings.view === "auto"}
                onChange={() => change({ view: "auto" })}
              />
              {t("a11y.comfort.view3d")}
            </label>
            <label className="comfort__option">
              <input
                type="radio"
                name="comfort-view"
                checked={settings.view === "list"}
                onChange={() => change({ view: "list" })}
              />
              {t("a11y.comfort.viewList")}
            </label>
          </fieldset>
        ) : null}
        <div className="comfort__group">
          <label className="comfort__option">
            <input
              type="checkbox"
              checked={settings.clickToMove}
              onChange={(e) => change({ clickToMove: e.target.checked })}
            />
            {t("a11y.comfort.clickToMove")}
          </label>
          <label className="comfort__option">
            <input
              type="checkbox"
              checked={settings.highContrast}
              onChange={(e) => change({ highContrast: e.target.checked })}
              data-testid="comfort-contrast"
            />
            {t("a11y.comfort.highContrast")}
          </label>
          <label className="comfort__option">
            <input
              type="checkbox"
              checked={settings.largeText}
              onChange={(e) => change({ largeText: e.target.checked })}
              data-testid="comfort-large-text"
            />
            {t("a11y.comfort.largeText")}
          </label>
        </div>
        <p className="comfort__note">{t("a11y.comfort.saved")}</p>
        <button type="button" className="button button--primary" onClick={onClose}>
          {t("a11y.comfort.close")}
        </button>
      </div>
    </div>
  );
}
