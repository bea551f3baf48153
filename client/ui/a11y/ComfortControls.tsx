import { useTranslation } from "react-i18next";
import { ComfortPanel } from "./ComfortPanel.tsx";
import { showsList } from "./comfort.ts";
import { useComfortStore } from "./comfortStore.ts";

/** The HUD's two access buttons: switch between the 3D avenue and the list, and open the comfort dialog. */
export function ComfortControls({ webgl }: { webgl: boolean }) {
  const { t } = useTranslation();
  const open = useComfortStore((s) => s.panelOpen);
  const list = useComfortStore((s) => showsList(s.settings, webgl));
  const { change, setPanelOpen } = useComfortStore.getState();
  return (
    <>
      {webgl ? (
        <button
          type="button"
          className="button"
          onClick={() => change({ view: list ? "auto" : "list" })}
          data-testid="toggle-view"
        >
          {list ? t("a11y.list.to3d") : t("a11y.list.toList")}
        </button>
      ) : null}
      <button
        type="button"
        className="button"
        onClick={() => setPanelOpen(true)}
        aria-haspopup="dialog"
        data-testid="open-comfort"
      >
        {t("a11y.comfort.open")}
      </button>
      {open ? <ComfortPanel webgl={webgl} onClose={() => setPanelOpen(false)} /> : null}
    </>
  );
}
