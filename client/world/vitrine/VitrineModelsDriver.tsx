import { useThree } from "@react-three/fiber";
import { useEffect } from "react";
import type { PedestalView } from "../../ui/vitrine/vitrineStore.ts";
import { loadCatalogModels } from "../products/modelLoader.ts";

/** Renderless: streams the pieces' models (from /blobs, our origin) once the renderer exists. */
export function VitrineModelsDriver({ pedestals }: { pedestals: PedestalView[] }) {
  const gl = useThree((s) => s.gl);
  useEffect(() => {
    loadCatalogModels(new Map(pedestals.map((p) => [p.modelUrl, 0])), gl);
  }, [pedestals, gl]);
  return null;
}
