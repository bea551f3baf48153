/**
 * Finds and launches Chromium without any download step: `CHROMIUM_PATH` when set (e.g. Debian's
 * /usr/bin/chromium), otherwise the Chromium carried inside the @sparticuz/chromium package.
 */
import sparticuz from "@sparticuz/chromium";
import { type Browser, type BrowserContext, chromium } from "playwright-core";

const QUIET_FLAGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

/**
 * A fake camera and microphone that need no permission prompt, and loopback ICE candidates (Chromium
 * leaves loopback out of ICE otherwise), for WebRTC tests on one machine.
 */
const FAKE_MEDIA_FLAGS = [
  "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream",
  "--allow-loopback-in-peer-connection",
];

export type LaunchOptions = { fakeMedia?: boolean };

/**
 * Launches Chromium. Every page it opens listens for CSP violations: a page that reports one is
 * closed at once (the test fails at its next step, after the violation is printed), and
 * `cspViolations(browser)` lists them for an explicit assertion.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return failOnCspViolations(await launchChromium(options));
}

async function launchChromium(options: LaunchOptions): Promise<Browser> {
  const extra = options.fakeMedia ? FAKE_MEDIA_FLAGS : [];
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    return chromium.launch({
      executablePath: override,
      headless: true,
      args: [...QUIET_FLAGS, "--use-angle=swiftshader", "--enable-unsafe-swiftshader", ...extra],
    });
  }
  const executablePath = await sparticuz.executablePath();
  // Keep sparticuz's flags (they enable SwiftShader WebGL) minus the ones meant for AWS Lambda and
  // the ones that would hide web-security bugs from our tests.
  const dropped = [
    "--single-process",
    "--headless",
    "--disable-web-security",
    "--allow-running-insecure-content",
  ];
  const args = sparticuz.args.filter((a) => !dropped.some((d) => a.startsWith(d)));
  return chromium.launch({ executablePath, headless: true, args: [...args, ...QUIET_FLAGS, ...extra] });
}

const VIOLATION_BINDING = "__vitrineCspViolation";

/** What the pages of a browser reported (the app must run under its own Content-Security-Policy). */
const violationsByBrowser = new WeakMap<Browser, string[]>();

/** The CSP violations the pages of `browser` reported so far. */
export function cspViolations(browser: Browser): readonly string[] {
  return violationsByBrowser.get(browser) ?? [];
}

async function watchContext(context: BrowserContext, violations: string[]): Promise<void> {
  await context.exposeBinding(VIOLATION_BINDING, ({ page }, report: string) => {
    const line = `${page.url()}: ${report}`;
    violations.push(line);
    console.error(`[CSP violation] ${line}: closing the page`);
    void page.close().catch(() => {});
  });
  await context.addInitScript((binding: string) => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = `${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"} at ${event.sourceFile}:${event.lineNumber}`;
      (window as unknown as Record<string, (r: string) => void>)[binding]?.(report);
    });
  }, VIOLATION_BINDING);
}

/** Every context and page of `browser` listens for `securitypolicyviolation`. */
function failOnCspViolations(browser: Browser): Browser {
  const violations: string[] = [];
  violationsByBrowser.set(browser, violations);
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
    const context = await newContext(...args);
    await watchContext(context, violations);
    return context;
  };
  browser.newPage = async (...args: Parameters<Browser["newPage"]>) => {
    // As Playwright's own newPage: a context of its own, closed with the page.
    const context = await browser.newContext(...args);
    const page = await context.newPage();
    page.once("close", () => void context.close().catch(() => {}));
    return page;
  };
  return browser;
}
