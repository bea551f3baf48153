/**
 * Before the room: whether and as whom the signed-in person may enter this appointment's salon
 * (with the call's ICE servers), and the maison's pieces for the table, from the catalog.
 */
import { useEffect, useState } from "react";
import { clienteling as api, auth } from "../../../shared/api/index.ts";
import type { Product } from "../../../shared/catalog.ts";
import type { SalonEntry } from "../../../shared/clienteling/appointments.ts";
import type { ProductPersonalisation } from "../../../shared/personalisation.ts";
import { ApiError, callApi } from "../../net/api.ts";

export type SalonEntryState =
  | { kind: "loading" }
  | { kind: "ready"; entry: SalonEntry; brandName: string; pieces: Product[] }
  | { kind: "refused"; reason: string; message: string; opensAt: string | null };

export function useSalonEntry(appointmentId: string, enabled: boolean): SalonEntryState {
  const [state, setState] = useState<SalonEntryState>({ kind: "loading" });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    Promise.all([callApi(api.salonAccess, { params: { appointmentId } }), callApi(auth.catalog)])
      .then(([entry, catalog]) => {
        const brand = catalog.brands.find((b) => b.id === entry.brandId);
        if (live)
          setState({ kind: "ready", entry, brandName: brand?.name ?? "", pieces: brand?.products ?? [] });
      })
      .catch((e: unknown) => {
        if (!live) return;
        const details =
          e instanceof ApiError ? (e.details as { reason?: string; opensAt?: string } | null) : null;
        setState({
          kind: "refused",
          reason: details?.reason ?? "failed",
          message: e instanceof Error ? e.message : String(e),
          opensAt: details?.opensAt ?? null,
        });
      });
    return () => {
      live = false;
    };
  }, [appointmentId, enabled]);
  return state;
}

/** The personalisation options of the piece on the table ({ options: [] } while none or loading). */
export function usePiecePersonalisation(productId: string): ProductPersonalisation {
  const [options, setOptions] = useState<{ productId: string; value: ProductPersonalisation } | null>(null);
  useEffect(() => {
    if (!productId) return;
    let live = true;
    callApi(api.personalisation, { params: { productId } })
      .then((value) => live && setOptions({ productId, value }))
      .catch(() => live && setOptions({ productId, value: { options: [] } }));
    return () => {
      live = false;
    };
  }, [productId]);
  return options && options.productId === productId ? options.value : { options: [] };
}
