/**
 * Keeps three's decoders out of the bundle. three's DRACOLoader and KTX2Loader compute default
 * decoder URLs with `new URL("../libs/…", import.meta.url)`, and Vite emits every file such an
 * expression names: DRACOLoader names both the generic Draco build and the glTF build, which is why
 * two copies of the Draco wrapper (and two decoders) landed in dist/static though we never load
 * either from there. The server serves the glTF builds once, from our origin, under /decoders
 * (server/http/static.ts), and modelLoader.ts points the loaders at it; this plugin rewrites the
 * defaults to the same URLs, so nothing is emitted and a loader left at its default still works.
 */
import type { Plugin } from "vite";

const LOADER = /three\/examples\/jsm\/loaders\/(DRACOLoader|KTX2Loader)\.js$/;
const DEFAULT_URL =
  /new URL\(\s*['"]\.\.\/libs\/(draco\/gltf|draco|basis)\/([\w.-]+)['"]\s*,\s*import\.meta\.url\s*\)\.toString\(\)/g;
const SERVED_AT: Record<string, string> = {
  "draco/gltf": "/decoders/draco/",
  draco: "/decoders/draco/",
  basis: "/decoders/basis/",
};
const DECODER_FILE = /(draco_|basis_transcoder)/;

export function threeDecodersFromOrigin(): Plugin {
  return {
    name: "vitrine:three-decoders-from-origin",
    enforce: "pre",
    transform(code, id) {
      if (!LOADER.test(id)) return null;
      let count = 0;
      const rewritten = code.replace(DEFAULT_URL, (_all, folder: string, file: string) => {
        count += 1;
        return JSON.stringify(`${SERVED_AT[folder]}${file}`);
      });
      if (count === 0) this.warn(`no default decoder URL found in ${id}: did three change them?`);
      return { code: rewritten, map: null };
    },
    generateBundle(_options, bundle) {
      const emitted = Object.keys(bundle).filter((name) => DECODER_FILE.test(name));
      if (emitted.length > 0) {
        this.error(`decoders must come from /decoders, not the bundle; emitted: ${emitted.join(", ")}`);
      }
    },
  };
}
