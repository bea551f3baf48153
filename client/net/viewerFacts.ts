/**
 * Tells the server what the product viewer did, for the brand's analytics: opened, a variant
 * chosen, closed after a time. Fire and forget: a lost fact never bothers the shopper.
 */
import { useEffect, useRef } from "react";
import type { ViewerFactBody } from "../../shared/analytics.ts";
import { analytics } from "../../shared/api/index.ts";
import { callApi } from "./api.ts";

function send(productId: string, body: ViewerFactBody): void {
  callApi(analytics.viewerFact, { params: { productId }, body }).catch(() => {});
}

/** Renderless: call from the viewer's dialog with the piece shown and the variant chosen. */
export function useViewerFacts(productId: string, variant: number | null): void {
  useEffect(() => {
    const opened = performance.now();
    send(productId, { event: "open" });
    return () =>
      send(productId, {
        event: "close",
        durationMs: Math.min(3_600_000, Math.round(performance.now() - opened)),
      });
  }, [productId]);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (variant !== null) send(productId, { event: "variant" });
  }, [productId, variant]);
}
