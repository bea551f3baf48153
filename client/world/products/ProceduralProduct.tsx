import { useEnvironment } from "@react-three/drei";
import { useEffect, useMemo } from "react";
import { Mesh } from "three";
import type { ProceduralShape } from "../../../shared/catalog.ts";
import { ENVIRONMENT_FILE } from "../atmosphere/Lighting.tsx";
import { buildProcedural } from "./shapes/buildProcedural.ts";
import { productMaterials } from "./shapes/productMaterials.ts";
import type { ShapeColors } from "./shapes/shapeTypes.ts";
import { disposeDeep, normalised } from "./shapes/shapeUtils.ts";
import { windowGlass } from "./windowGlass.ts";

/**
 * A product built on the client from lathe and extrude geometry, 1 unit tall (the display scales it).
 * `windowed`: behind a shop window, its glass drawn without transmission (windowGlass.ts).
 */
export function ProceduralProduct({
  shape,
  colors,
  windowed = false,
}: {
  shape: ProceduralShape;
  colors: ShapeColors;
  windowed?: boolean;
}) {
  const env = useEnvironment({ files: ENVIRONMENT_FILE });
  const { primary, secondary, accent } = colors;
  const object = useMemo(() => {
    const built = normalised(buildProcedural(shape, { primary, secondary, accent }, productMaterials(env)));
    if (windowed)
      built.traverse((o) => {
        if (o instanceof Mesh && !Array.isArray(o.material)) {
          const glass = windowGlass(o.material);
          if (glass !== o.material) o.material.dispose();
          o.material = glass;
        }
      });
    return built;
  }, [shape, primary, secondary, accent, env, windowed]);
  useEffect(() => () => disposeDeep(object), [object]);
  return <primitive object={object} />;
}
