// The browser journey with mixpanel-browser, bundled with the generated client tracker.
// api_host is a path on the test's local server; every feature that would make requests
// of its own (autocapture, page views, flags, remote settings, recordings) is off, and
// each call is sent at once (no batching) as JSON.
import mixpanel from "mixpanel-browser";
import { Tracker } from "./out/web_mixpanel";
import { journey, run } from "./journey";

mixpanel.init("test-project-token", {
  api_host: window.location.origin + "/mixpanel",
  api_payload_format: "json",
  autocapture: false,
  track_pageview: false,
  flags: false,
  remote_settings_mode: "disabled",
  record_sessions_percent: 0,
  batch_requests: false,
  persistence: "localStorage",
});

// The anonymous id: mixpanel-browser's `$device_id` (distinct_id is `$device:` + it).
async function deviceId(): Promise<string | null> {
  const id: unknown = mixpanel.get_property("$device_id");
  return typeof id === "string" ? id : null;
}

async function distinctId(): Promise<string | null> {
  const id: unknown = mixpanel.get_distinct_id();
  return typeof id === "string" ? id : null;
}

run(async () => {
  const tracker = new Tracker({ env: "dev", destinations: { mixpanel } });
  await journey(tracker, { "": deviceId, distinct_id: distinctId });
});
