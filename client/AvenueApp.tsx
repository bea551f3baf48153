import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { AvenueRoomDriver } from "./net/AvenueRoomDriver.tsx";
import { reloadCatalog } from "./net/catalogLoader.ts";
import { useSessionStore } from "./stores/sessionStore.ts";
import { useWorldStore } from "./stores/worldStore.ts";
import { BoutiqueList } from "./ui/BoutiqueList.tsx";
import { ChatPanel } from "./ui/chat/ChatPanel.tsx";
import { Hud } from "./ui/Hud.tsx";
import { HostOverlay } from "./ui/host/HostOverlay.tsx";
import { LoadingScreen } from "./ui/LoadingScreen.tsx";
import { Notices } from "./ui/Notices.tsx";
import { ProductViewer } from "./ui/viewer/ProductViewer.tsx";
import { hasWebGL } from "./ui/webgl.ts";
import { AvenueCanvas } from "./world/AvenueCanvas.tsx";

/** The avenue: the 3D street with its HUD, cards and loading screen (or the plain list without WebGL). */
export function AvenueApp() {
  const { t } = useTranslation();
  const catalog = useWorldStore((s) => s.catalog);
  const layout = useWorldStore((s) => s.layout);
  const [webgl] = useState(hasWebGL);
  const [attempt, setAttempt] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = useCallback(() => {
    setLoadError(null);
    reloadCatalog().catch((e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
    useSessionStore
      .getState()
      .refresh()
      .catch(() => undefined);
  }, []);
  useEffect(load, [load]);
  const rejoin = () => {
    load();
    setAttempt((a) => a + 1);
  };

  if (loadError) {
    return (
      <div className="loading" role="alert">
        <div className="loading__brand">{t("brand.name")}</div>
        <p>{t("loading.failed", { reason: loadError })}</p>
        <button type="button" className="button" onClick={rejoin}>
          {t("loading.retry")}
        </button>
      </div>
    );
  }
  if (!webgl) return catalog ? <BoutiqueList catalog={catalog} /> : <LoadingScreen />;

  return (
    <>
      <AvenueRoomDriver key={attempt} />
      {catalog && layout ? <AvenueCanvas /> : null}
      <Hud onRejoin={rejoin} />
      <HostOverlay />
      <ChatPanel />
      <ProductViewer />
      <Notices />
      <LoadingScreen />
    </>
  );
}
