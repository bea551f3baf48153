/**
 * zod 4 compiles object parsers with `new Function` when it can, and probes for that with
 * `Function("")`. Our page policy allows no eval (server/http/security), so the probe only earns a
 * CSP violation report (e2e pages close on one). `z.config({ jitless: true })` from the entry comes
 * too late: shared chunks that hold zod run before the entry's own code. So the build starts zod's
 * global configuration as jitless, in zod's own module, before anything can parse.
 */
import type { Plugin } from "vite";

const ZOD_CORE = /zod\/v4\/core\/core\.js$/;
const DEFAULT_CONFIG = "(_a.__zod_globalConfig = {})";

export function zodJitless(): Plugin {
  return {
    name: "vitrine:zod-jitless",
    enforce: "pre",
    transform(code, id) {
      if (!ZOD_CORE.test(id)) return null;
      if (!code.includes(DEFAULT_CONFIG)) {
        this.error(`zod's global configuration moved in ${id}: update scripts/vite/zodJitless.ts`);
      }
      return { code: code.replace(DEFAULT_CONFIG, "(_a.__zod_globalConfig = { jitless: true })"), map: null };
    },
  };
}
