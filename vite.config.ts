import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./scripts/vite/precompress.ts";
import { threeDecodersFromOrigin } from "./scripts/vite/threeDecoders.ts";

// The server serves dist/ itself on one port; `assets/` and `/decoders` come from the server too,
// so the build puts its hashed files under /static to keep the two apart.
export default defineConfig({
  root: "client",
  plugins: [react(), threeDecodersFromOrigin(), precompress()],
  publicDir: false,
  build: {
    outDir: "../dist",
    emptyOutDir: true,
    assetsDir: "static",
    chunkSizeWarningLimit: 2000,
    // Never published (issue 10): the server refuses *.map too.
    sourcemap: false,
    // dist/.vite/manifest.json: which chunks the entry loads up front (the first-download budget
    // in tests/integration/http-compression.test.ts and bench/firstload.ts read it).
    manifest: true,
  },
  server: {
    proxy: {
      "/api": "http://localhost:2567",
      "/assets": "http://localhost:2567",
      "/decoders": "http://localhost:2567",
      "/matchmake": { target: "ws://localhost:2567", ws: true },
    },
  },
});
