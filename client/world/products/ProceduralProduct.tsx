import { useEnvironment } from "@react-three/drei";
import { useEffect, useMemo } from "react";
import type { ProceduralShape } from "../../../shared/catalog.ts";
import { ENVIRONMENT_FILE } from "../atmosphere/Lighting.tsx";
import { buildProcedural } from "./shapes/buildProcedural.ts";
import { productMaterials } from "./shapes/productMaterials.ts";
import type { ShapeColors } from "./shapes/shapeTypes.ts";
import { disposeDeep, normalised } from "./shapes/shapeUtils.ts";

/** A product built on the client from lathe and extrude geometry, 1 unit tall (the display scales it). */
export function ProceduralProduct({ shape, colors }: { shape: ProceduralShape; colors: ShapeColors }) {
  const env = useEnvironment({ files: ENVIRONMENT_FILE });
  const { primary, secondary, accent } = colors;
  const object = useMemo(
    () => normalised(buildProcedural(shape, { primary, secondary, accent }, productMaterials(env))),
    [shape, primary, secondary, accent, env],
  );
  useEffect(() => () => disposeDeep(object), [object]);
  return <primitive object={object} />;
}
