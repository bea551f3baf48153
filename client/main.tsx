/**
 * The entry: zod is told to parse without `new Function` (zodJitless.ts) before any schema is
 * built, then the app loads. The app comes by dynamic import because the bundler hoists a static
 * import's shared chunks (where zod and the schemas live) above this module's own code.
 */
import "./zodJitless.ts";

void import("./startApp.tsx");
