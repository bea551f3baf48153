import { useEffect, useState } from "react";
import type { VerifyResult } from "../../../shared/collectibles.ts";
import { collectiblesApi } from "../vitrine/vitrineApi.ts";

export type CertificateCheck =
  | { kind: "checking" }
  | { kind: "done"; result: VerifyResult }
  | { kind: "failed"; reason: string };

/** Fetches a copy's public certificate (its id is the copy's) and has the server verify its signature. */
export function useCertificateCheck(certificateId: string): CertificateCheck {
  const [check, setCheck] = useState<CertificateCheck>({ kind: "checking" });
  useEffect(() => {
    let cancelled = false;
    setCheck({ kind: "checking" });
    collectiblesApi
      .verify(certificateId)
      .then((result) => {
        if (!cancelled) setCheck({ kind: "done", result });
      })
      .catch((e: unknown) => {
        if (!cancelled) setCheck({ kind: "failed", reason: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      cancelled = true;
    };
  }, [certificateId]);
  return check;
}
