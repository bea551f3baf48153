import { useEffect, useState } from "react";
import type { VerifyResult } from "../../../shared/collectibles.ts";
import { collectiblesApi } from "../vitrine/vitrineApi.ts";

export type CertificateCheck =
  | { kind: "checking" }
  | { kind: "done"; result: VerifyResult }
  | { kind: "failed"; reason: string };

/** Fetches a copy's public certificate and has the server verify its signature (POST verify). */
export function useCertificateCheck(certificateUrl: string): CertificateCheck {
  const [check, setCheck] = useState<CertificateCheck>({ kind: "checking" });
  useEffect(() => {
    let cancelled = false;
    setCheck({ kind: "checking" });
    collectiblesApi
      .verify(certificateUrl)
      .then((result) => {
        if (!cancelled) setCheck({ kind: "done", result });
      })
      .catch((e: unknown) => {
        if (!cancelled) setCheck({ kind: "failed", reason: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      cancelled = true;
    };
  }, [certificateUrl]);
  return check;
}
