/**
 * `npm run bench firstload`: what a new visitor's browser downloads to open the avenue. Builds the
 * client, prints the initial JavaScript (the entry and its modulepreloads, from the build manifest)
 * gzipped and per chunk, then starts the built server as its own process and opens the avenue in
 * Chromium with an empty cache, recording every response's transferred bytes as the network stack
 * counted them (CDP `Network.loadingFinished.encodedDataLength`, headers included) until the loading
 * screen has gone.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser } from "../tests/helpers/browser.ts";
import { INITIAL_JS_BUDGET_GZIP_BYTES, initialChunks } from "../tests/helpers/firstDownload.ts";
import { freePort, startServerProcess } from "../tests/helpers/processes.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.join(ROOT, "dist");

type Response = {
  url: string;
  type: string;
  encoding: string;
  status: number;
  transferredBytes: number;
  decodedBytes: number;
};

export type FirstLoadResult = {
  initialJs: { file: string; bytes: number; gzipBytes: number; brotliBytes: number | null }[];
  initialJsGzipBytes: number;
  initialJsBudgetGzipBytes: number;
  firstPage: {
    locale: string;
    secondsToAvenue: number;
    transferredBytes: number;
    decodedBytes: number;
    byType: Record<string, { requests: number; transferredBytes: number; decodedBytes: number }>;
    scripts: Response[];
    responses: Response[];
  }[];
};

function build(): void {
  if (process.env.FIRSTLOAD_SKIP_BUILD === "1") return;
  const vite = path.join(ROOT, "node_modules/.bin/vite");
  const result = spawnSync(vite, ["build", "--logLevel", "warn"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`vite build failed (${result.status})`);
}

/** Short names: the path of our own URLs, the host kept for anything from elsewhere (none expected). */
function shortUrl(url: string, origin: string): string {
  return url.startsWith(origin) ? url.slice(origin.length) : url;
}

async function loadFirstPage(origin: string, locale: string) {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const byId = new Map<string, Response>();
    cdp.on("Network.responseReceived", (e) => {
      const headers = Object.fromEntries(
        Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]),
      );
      byId.set(e.requestId, {
        url: shortUrl(e.response.url, origin),
        type: e.type ?? "Other",
        encoding: String(headers["content-encoding"] ?? "identity"),
        status: e.response.status,
        transferredBytes: 0,
        decodedBytes: 0,
      });
    });
    cdp.on("Network.dataReceived", (e) => {
      const r = byId.get(e.requestId);
      if (r) r.decodedBytes += e.dataLength;
    });
    cdp.on("Network.loadingFinished", (e) => {
      const r = byId.get(e.requestId);
      if (r) r.transferredBytes = e.encodedDataLength;
    });
    const started = Date.now();
    await page.goto(origin);
    // The first page is done when the loading screen has let go of the street.
    await page.waitForFunction(
      () =>
        document.querySelector("canvas") !== null && document.querySelector("[data-testid=loading]") === null,
      null,
      { timeout: 300_000 },
    );
    const secondsToAvenue = (Date.now() - started) / 1000;
    const responses = [...byId.values()].filter((r) => r.transferredBytes > 0 || r.decodedBytes > 0);
    const byType: FirstLoadResult["firstPage"][number]["byType"] = {};
    for (const r of responses) {
      const t = byType[r.type] ?? { requests: 0, transferredBytes: 0, decodedBytes: 0 };
      byType[r.type] = t;
      t.requests += 1;
      t.transferredBytes += r.transferredBytes;
      t.decodedBytes += r.decodedBytes;
    }
    const sum = (f: (r: Response) => number) => responses.reduce((a, r) => a + f(r), 0);
    return {
      locale,
      secondsToAvenue,
      transferredBytes: sum((r) => r.transferredBytes),
      decodedBytes: sum((r) => r.decodedBytes),
      byType,
      scripts: responses.filter((r) => r.type === "Script"),
      responses,
    };
  } finally {
    await browser.close();
  }
}

export async function benchFirstLoad(): Promise<FirstLoadResult> {
  build();
  const chunks = initialChunks(DIST);
  const initialJsGzipBytes = chunks.reduce((a, c) => a + c.gzipBytes, 0);
  console.log(
    `Initial JavaScript: ${chunks.length} chunks, ${initialJsGzipBytes} bytes gzipped (budget ${INITIAL_JS_BUDGET_GZIP_BYTES})`,
  );
  console.table(chunks);
  const server = await startServerProcess(await freePort(), { LOG_LEVEL: "warn", CLIENT_DIST: DIST });
  const firstPage = [];
  try {
    // English (in the entry) and French (a language chunk fetched on demand).
    for (const locale of ["en-GB", "fr-FR"]) {
      const run = await loadFirstPage(server.url, locale);
      console.log(
        `First page (${locale}): ${run.transferredBytes} bytes transferred (${run.decodedBytes} decoded) in ${run.responses.length} responses, avenue shown after ${run.secondsToAvenue.toFixed(1)} s`,
      );
      console.table(Object.entries(run.byType).map(([type, t]) => ({ type, ...t })));
      console.table(
        run.scripts.map(({ url, encoding, transferredBytes, decodedBytes }) => ({
          url,
          encoding,
          transferredBytes,
          decodedBytes,
        })),
      );
      firstPage.push(run);
    }
  } finally {
    await server.stop();
  }
  return {
    initialJs: chunks,
    initialJsGzipBytes,
    initialJsBudgetGzipBytes: INITIAL_JS_BUDGET_GZIP_BYTES,
    firstPage,
  };
}
