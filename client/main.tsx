/**
 * The entry: zod is told to parse without `new Function` (zodJitless.ts) before any schema is
 * built, then the app loads. The app comes by dynamic import because the bundler hoists a static
 * import's shared chunks (where zod and the schemas live) above this module's own code. The
 * stylesheets stay here, so that index.html links them and the loading screen is styled at once.
 */
import "@fontsource/cormorant-garamond/500.css";
import "@fontsource/cormorant-garamond/600.css";
import "@fontsource/inter/400.css";
import "@fontsource/inter/500.css";
import "./ui/styles.css";
import "./zodJitless.ts";

void import("./startApp.tsx");
