/**
 * Finds and launches Chromium without any download step: `CHROMIUM_PATH` when set (e.g. Debian's
 * /usr/bin/chromium), otherwise the Chromium carried inside the @sparticuz/chromium package.
 */
import sparticuz from "@sparticuz/chromium";
import { type Browser, chromium } from "playwright-core";

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

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
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
