import { useEffect, useMemo } from "react";
import { fontsReady } from "../fonts.ts";
import { buildSignAtlases, type SignAtlases } from "./signAtlas.ts";
import { paintSignAtlas, type SignContent } from "./signTexture.ts";

/**
 * The atlases of `signs`, repainted once the bundled fonts have loaded (the first paint may use a
 * fallback face) and freed when the signs change or the caller unmounts.
 */
export function useSignAtlases(signs: readonly SignContent[]): SignAtlases {
  const key = JSON.stringify(signs);
  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt when the signs' content changes, not per render
  const atlases = useMemo(() => buildSignAtlases(signs), [key]);
  useEffect(() => {
    let live = true;
    void fontsReady().then(() => {
      if (!live) return;
      atlases.textures.forEach((texture, i) => {
        if (!(texture.image instanceof HTMLCanvasElement)) return;
        paintSignAtlas(texture.image, atlases.chunks[i] ?? []);
        texture.needsUpdate = true;
      });
    });
    return () => {
      live = false;
      for (const t of atlases.textures) t.dispose();
      for (const m of atlases.materials) m.dispose();
    };
  }, [atlases]);
  return atlases;
}
