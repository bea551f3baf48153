import { Environment, useEnvironment } from "@react-three/drei";
import { useThree } from "@react-three/fiber";
import { useEffect } from "react";
import { FogExp2 } from "three";
import { DUSK } from "./palette.ts";

export const ENVIRONMENT_FILE = "/assets/environment/studio_small_08_1k.hdr";

/**
 * Dusk lighting: a dim studio environment for soft reflections everywhere (products raise their
 * own envMapIntensity), a cool sky fill, a low warm key from the afterglow, and exp2 fog that
 * matches the horizon. Windows and lamps supply the rest of the light.
 */
export function Lighting() {
  const scene = useThree((s) => s.scene);
  const envMap = useEnvironment({ files: ENVIRONMENT_FILE });

  useEffect(() => {
    const previous = scene.fog;
    scene.fog = new FogExp2(DUSK.fog, DUSK.fogDensity);
    return () => {
      scene.fog = previous;
    };
  }, [scene]);

  return (
    <>
      <Environment map={envMap} environmentIntensity={0.14} />
      <hemisphereLight args={[DUSK.hemisphereSky, DUSK.hemisphereGround, 0.32]} />
      <directionalLight color={DUSK.key} intensity={0.55} position={[-14, 10, -30]} />
    </>
  );
}
