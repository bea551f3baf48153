import { useEffect, useState } from "react";
import type { Pass } from "../../../shared/passes.ts";
import { fetchMyPasses } from "../../net/passApi.ts";
import { useSessionStore } from "../../stores/sessionStore.ts";

/**
 * The signed-in person's active passes among the drop's early-access pass types (empty for a guest
 * or someone without one). `null` while not known yet.
 */
export function useEarlyAccessPasses(passTypeIds: readonly string[] | undefined): Pass[] | null {
  const user = useSessionStore((s) => s.user);
  const [passes, setPasses] = useState<Pass[] | null>(null);
  const key = passTypeIds?.join(",") ?? "";
  useEffect(() => {
    setPasses(null);
    if (!user) {
      setPasses([]);
      return;
    }
    let cancelled = false;
    const wanted = new Set(key.split(",").filter(Boolean));
    fetchMyPasses()
      .then((mine) => {
        if (!cancelled) setPasses(mine.filter((p) => p.status === "active" && wanted.has(p.passTypeId)));
      })
      .catch(() => {
        if (!cancelled) setPasses([]);
      });
    return () => {
      cancelled = true;
    };
  }, [user, key]);
  return passes;
}
