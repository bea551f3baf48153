/**
 * Preloaded with `--import` into a server process: appends to the file named by
 * `VITRINE_LOADED_PACKAGES` the name of every npm package the process's main thread loads, as it
 * first loads it (worker threads are not recorded: what they load is not in the server's heap).
 */
import fs from "node:fs";
import { registerHooks } from "node:module";
import { isMainThread } from "node:worker_threads";

const out = process.env.VITRINE_LOADED_PACKAGES;
if (isMainThread && out) {
  const seen = new Set<string>();
  registerHooks({
    resolve(specifier, context, next) {
      const resolved = next(specifier, context);
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(resolved.url)?.[1];
      if (name && !seen.has(name)) {
        seen.add(name);
        fs.appendFileSync(out, `${name}\n`);
      }
      return resolved;
    },
  });
}
