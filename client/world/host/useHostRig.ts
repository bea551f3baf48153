import { useEnvironment } from "@react-three/drei";
import { useThree } from "@react-three/fiber";
import { useEffect, useMemo, useState } from "react";
import { ENVIRONMENT_FILE } from "../atmosphere/Lighting.tsx";
import { buildHostRig, type HostRig } from "./hostLook.ts";
import { type HostModel, loadHostModel } from "./hostModel.ts";

/**
 * The host's model and its rig (dressed, scaled to `height` metres, one action per clip), loaded
 * once `enabled` and let go on unmount: the avenue's host and the drop stage's are the same figure.
 * Suspends while the environment map loads.
 */
export function useHostRig(height: number, enabled = true): { model: HostModel | null; rig: HostRig | null } {
  const gl = useThree((s) => s.gl);
  const invalidate = useThree((s) => s.invalidate);
  const env = useEnvironment({ files: ENVIRONMENT_FILE });
  const [model, setModel] = useState<HostModel | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    loadHostModel(gl).then(
      (m) => {
        if (!live) return;
        setModel(m);
        invalidate();
      },
      (e: unknown) => console.warn("Vitrine: the host's model could not be loaded", e),
    );
    return () => {
      live = false;
    };
  }, [gl, invalidate, enabled]);

  const rig = useMemo(() => (model ? buildHostRig(model, env, height) : null), [model, env, height]);
  useEffect(
    () => () => {
      if (!rig) return;
      rig.mixer.stopAllAction();
      for (const m of rig.materials) m.dispose();
    },
    [rig],
  );
  return { model, rig };
}
