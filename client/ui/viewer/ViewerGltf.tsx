import { useThree } from "@react-three/fiber";
import { useEffect, useRef, useState } from "react";
import { ProductPlaceholder } from "../../world/products/ProductPlaceholder.tsx";
import type { ViewerInfo } from "./viewerInfo.ts";
import { loadViewerModel, type ViewerModel } from "./viewerModel.ts";

/** Reports byte progress at most this often, so a fast download does not re-render per chunk. */
const PROGRESS_INTERVAL_MS = 120;

/**
 * The product's glTF in the viewer: the frosted cloche while it downloads (or after a failure),
 * then the model with the picked material variant.
 */
export function ViewerGltf({
  url,
  expectedBytes,
  variant,
  onInfo,
}: {
  url: string;
  expectedBytes: number;
  variant: number | null;
  onInfo: (info: ViewerInfo) => void;
}) {
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const [model, setModel] = useState<ViewerModel | null>(null);
  const [failed, setFailed] = useState(false);
  const report = useRef(onInfo);
  report.current = onInfo;

  useEffect(() => {
    let cancelled = false;
    let loaded: ViewerModel | null = null;
    let lastReport = 0;
    const base = { variants: [], triangles: 0, expectedBytes };
    report.current({ ...base, status: "loading", receivedBytes: 0 });
    loadViewerModel(url, gl, (receivedBytes) => {
      const now = performance.now();
      if (cancelled || now - lastReport < PROGRESS_INTERVAL_MS) return;
      lastReport = now;
      report.current({ ...base, status: "loading", receivedBytes });
    })
      .then((m) => {
        if (cancelled) return m.dispose();
        loaded = m;
        setModel(m);
        report.current({
          status: "ready",
          variants: m.variants,
          triangles: m.triangles,
          receivedBytes: expectedBytes,
          expectedBytes,
        });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        console.warn(`Vitrine: the viewer could not show ${url}`, error);
        setFailed(true);
        report.current({ ...base, status: "failed", receivedBytes: 0 });
      });
    return () => {
      cancelled = true;
      loaded?.dispose();
    };
  }, [url, expectedBytes, gl]);

  useEffect(() => {
    if (!model) return;
    let current = true;
    model
      .selectVariant(variant)
      .then(() => current && invalidate())
      .catch((error: unknown) => console.warn("Vitrine: a material variant could not be shown", error));
    return () => {
      current = false;
    };
  }, [model, variant, invalidate]);

  if (!model) return <ProductPlaceholder pending={!failed} />;
  return <primitive object={model.root} />;
}
