// Opens each test page in headless Chromium (the system's, never a downloaded one),
// waits for its journey to finish and for the server to record no more requests, and
// prints what each page reported as JSON.
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

// Wait until the server has recorded no new request for QUIET_MS. (The SDKs send with
// fetch keepalive, whose completion the browser does not report to playwright.)
async function quiet(origin) {
  const deadline = Date.now() + JOURNEY_TIMEOUT_MS;
  let count = -1;
  let since = Date.now();
  while (Date.now() < deadline) {
    const now = (await (await fetch(origin + "/__count")).json()).count;
    if (now !== count) {
      count = now;
      since = Date.now();
    } else if (Date.now() - since >= QUIET_MS) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const browser = await chromium.launch({ executablePath, args: ARGS, headless: true });
const results = [];
try {
  for (const url of urls) {
    const origin = new URL(url).origin;
    const context = await browser.newContext();
    const page = await context.newPage();
    const result = { url, blocked: [], console: [], failed: [], journey: null };
    await context.route("**/*", (route) => {
      const target = route.request().url();
      if (new URL(target).origin === origin) return route.continue();
      result.blocked.push(target);
      return route.abort();
    });
    page.on("requestfailed", (r) => {
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
    await quiet(origin);
    result.journey = await page.evaluate(() => window.journey || null);
    await context.close();
    results.push(result);
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results));
