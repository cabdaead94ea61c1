// Opens each test page in headless Chromium (the system's, never a downloaded one),
// waits for its journey to finish and for the SDK's requests to settle, and prints
// what each page reported as JSON.
//
// node run_pages.mjs CHROMIUM_PATH URL...
//
// Every request to anywhere but the test's own origin is blocked and listed in the
// output, so a test can assert that the SDKs never reached the internet.
import { chromium } from "playwright-core";

const [executablePath, ...urls] = process.argv.slice(2);
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const JOURNEY_TIMEOUT_MS = 20000;
const QUIET_MS = 750;

const browser = await chromium.launch({ executablePath, args: ARGS, headless: true });
const results = [];
try {
  for (const url of urls) {
    const origin = new URL(url).origin;
    const context = await browser.newContext();
    const page = await context.newPage();
    const result = { url, blocked: [], console: [], failed: [], journey: null };
    const inFlight = new Set();
    let lastActivity = Date.now();
    await context.route("**/*", (route) => {
      const target = route.request().url();
      if (new URL(target).origin === origin) return route.continue();
      result.blocked.push(target);
      return route.abort();
    });
    page.on("request", (r) => {
      inFlight.add(r);
      lastActivity = Date.now();
    });
    const settle = (r) => {
      inFlight.delete(r);
      lastActivity = Date.now();
    };
    page.on("requestfinished", settle);
    page.on("requestfailed", (r) => {
      settle(r);
      result.failed.push(r.url() + " " + (r.failure() || {}).errorText);
    });
    page.on("console", (m) => result.console.push(m.type() + ": " + m.text()));
    page.on("pageerror", (e) => result.console.push("pageerror: " + e.message));
    await page.goto(url);
    try {
      await page.waitForFunction(
        () => window.journey !== undefined && (window.journey.done || window.journey.error !== null),
        null,
        { timeout: JOURNEY_TIMEOUT_MS },
      );
    } catch (error) {
      result.console.push("runner: " + String(error));
    }
    const deadline = Date.now() + JOURNEY_TIMEOUT_MS;
    while (Date.now() < deadline && (inFlight.size > 0 || Date.now() - lastActivity < QUIET_MS)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    result.journey = await page.evaluate(() => window.journey || null);
    await context.close();
    results.push(result);
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results));
