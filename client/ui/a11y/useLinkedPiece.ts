import { useEffect, useRef } from "react";
import type { Catalog } from "../../../shared/catalog.ts";
import { linkedPiece } from "./deepLink.ts";

type Piece = { productId: string; brandId: string };

/** Whether this page load's address has been acted on (by either view). */
let handled = false;

/**
 * Once per page load, hands the piece named by the address (`/?piece=<id>`) to `open`: the 3D
 * navigator walks to its boutique and opens its viewer, the list does the same in 2D. Once only, so
 * switching between the views or closing the viewer does not bring it back.
 */
export function useLinkedPiece(catalog: Catalog, open: (piece: Piece) => void): void {
  // The latest callback, so a new function on each render does not re-run the effect.
  const latest = useRef(open);
  latest.current = open;
  useEffect(() => {
    if (handled) return;
    handled = true;
    const piece = linkedPiece(window.location.search, catalog);
    if (piece) latest.current(piece);
  }, [catalog]);
}
