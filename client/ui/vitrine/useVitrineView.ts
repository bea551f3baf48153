import { useCallback, useEffect, useState } from "react";
import type { VitrineView } from "../../../shared/collectibles.ts";
import { ApiError } from "../../net/api.ts";
import { collectiblesApi } from "./vitrineApi.ts";

export type VitrineViewState =
  | { kind: "loading" }
  | { kind: "ready"; view: VitrineView }
  | { kind: "signInRequired" }
  | { kind: "linkInvalid" }
  | { kind: "failed"; reason: string };

/**
 * The collection over HTTP: the signed-in owner's (`token` null) or the one a visitor link opens.
 * `reload` reads it again (the room says when the pieces on display changed).
 */
export function useVitrineView(token: string | null, enabled: boolean): [VitrineViewState, () => void] {
  const [state, setState] = useState<VitrineViewState>({ kind: "loading" });
  const load = useCallback(async () => {
    try {
      const view = token ? await collectiblesApi.vitrineByToken(token) : await collectiblesApi.myVitrine();
      setState({ kind: "ready", view });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setState({ kind: "signInRequired" });
      else if (error instanceof ApiError && (error.status === 404 || error.status === 400))
        setState({ kind: "linkInvalid" });
      else setState({ kind: "failed", reason: error instanceof Error ? error.message : String(error) });
    }
  }, [token]);
  useEffect(() => {
    if (enabled) void load();
  }, [enabled, load]);
  const reload = useCallback(() => void load(), [load]);
  return [state, reload];
}
