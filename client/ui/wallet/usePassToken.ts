import { useEffect, useState } from "react";
import type { PassTokenClaims, VerifyPassTokenAnswer } from "../../../shared/passes.ts";
import { ApiError } from "../../net/api.ts";
import { fetchPassToken, readTokenClaims, verifyPassToken } from "../../net/passApi.ts";

export type PassTokenState =
  | { kind: "idle" }
  | { kind: "loading" }
  | { kind: "unavailable"; reason: string }
  | {
      kind: "ready";
      token: string;
      claims: PassTokenClaims | null;
      verification: VerifyPassTokenAnswer | null;
      verifyError: string | null;
    };

function describe(error: unknown): string {
  return error instanceof ApiError || error instanceof Error ? error.message : String(error);
}

/**
 * A signed token of one of the holder's active passes, then the server's verdict on it (signature,
 * validity window, revocation). Only active passes get a token; others stay idle.
 */
export function usePassToken(passId: string, active: boolean): PassTokenState {
  const [state, setState] = useState<PassTokenState>({ kind: "idle" });
  useEffect(() => {
    if (!active) {
      setState({ kind: "idle" });
      return;
    }
    let cancelled = false;
    setState({ kind: "loading" });
    (async () => {
      let token: string;
      try {
        token = (await fetchPassToken(passId)).token;
      } catch (error) {
        if (!cancelled) setState({ kind: "unavailable", reason: describe(error) });
        return;
      }
      const claims = readTokenClaims(token);
      if (cancelled) return;
      setState({ kind: "ready", token, claims, verification: null, verifyError: null });
      try {
        const verification = await verifyPassToken(token);
        if (!cancelled) setState({ kind: "ready", token, claims, verification, verifyError: null });
      } catch (error) {
        if (!cancelled)
          setState({ kind: "ready", token, claims, verification: null, verifyError: describe(error) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [passId, active]);
  return state;
}
