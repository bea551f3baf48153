import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { AvenueRoomDriver } from "./net/AvenueRoomDriver.tsx";
import { reloadCatalog } from "./net/catalogLoader.ts";
import { useSessionStore } from "./stores/sessionStore.ts";
import { useWorldStore } from "./stores/worldStore.ts";
import { AvenueList } from "./ui/a11y/AvenueList.tsx";
import { AvenueNavigator } from "./ui/a11y/AvenueNavigator.tsx";
import { showsList } from "./ui/a11y/comfort.ts";
import { useComfortStore } from "./ui/a11y/comfortStore.ts";
import { HostAnnouncer } from "./ui/a11y/HostAnnouncer.tsx";
import { SkipLinks } from "./ui/a11y/SkipLinks.tsx";
import { ChatPanel } from "./ui/chat/ChatPanel.tsx";
import { Hud } from "./ui/Hud.tsx";
import { HostOverlay } from "./ui/host/HostOverlay.tsx";
import { LoadingScreen } from "./ui/LoadingScreen.tsx";
import { Notices } from "./ui/Notices.tsx";
import { hasWebGL } from "./ui/webgl.ts";

// The 3D street (three, react-three-fiber, the product loader and its decoders) and the product
// viewer are chunks of their own, so the first download is the page, the loading screen and the
// room connection; the loading screen covers the street until its chunk and models have arrived.
// Both importers are plain functions: calling one again reuses the module the first call loaded.
const loadCanvas = () => import("./world/AvenueCanvas.tsx");
const loadViewer = () => import("./ui/viewer/ProductViewer.tsx");
const AvenueCanvas = lazy(() => loadCanvas().then((m) => ({ default: m.AvenueCanvas })));
const ProductViewer = lazy(() => loadViewer().then((m) => ({ default: m.ProductViewer })));

/**
 * The avenue: the 3D street with its HUD, cards and loading screen, or the 2D Vitrine (the list,
 * chosen or the only view without WebGL) over the same room, HUD, host and chat.
 */
export function AvenueApp() {
  const { t } = useTranslation();
  const catalog = useWorldStore((s) => s.catalog);
  const layout = useWorldStore((s) => s.layout);
  const selectedProduct = useWorldStore((s) => s.selectedProductId);
  const ready = useWorldStore((s) => s.loading.done);
  const [webgl] = useState(hasWebGL);
  const list = useComfortStore((s) => showsList(s.settings, webgl));
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
  // Fetch the street's chunk alongside the catalog, not after it; the viewer's once the street is up,
  // so that the first click on a window opens it at once.
  useEffect(() => {
    if (webgl) void loadCanvas();
  }, [webgl]);
  useEffect(() => {
    if (webgl && ready) void loadViewer();
  }, [webgl, ready]);
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
  if (list && !catalog) return <LoadingScreen />;

  return (
    <>
      <SkipLinks />
      <AvenueRoomDriver key={attempt} />
      {list && catalog ? (
        <AvenueList catalog={catalog} webgl={webgl} />
      ) : (
        <Suspense fallback={null}>{catalog && layout ? <AvenueCanvas /> : null}</Suspense>
      )}
      <Hud onRejoin={rejoin} webgl={webgl} />
      {!list && catalog && layout ? <AvenueNavigator catalog={catalog} layout={layout} /> : null}
      <HostOverlay />
      <HostAnnouncer />
      <ChatPanel />
      <Suspense fallback={null}>{webgl && selectedProduct ? <ProductViewer /> : null}</Suspense>
      <Notices />
      {list ? null : <LoadingScreen />}
    </>
  );
}
