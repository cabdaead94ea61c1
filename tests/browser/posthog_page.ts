// The browser journey with posthog-js, bundled with the generated client tracker.
// api_host is the test's local server; every feature that would make requests of its
// own (remote config, flags, autocapture, recordings, surveys, extension scripts) is
// off, and each capture is sent at once, uncompressed.
import posthog from "posthog-js";
import { Tracker } from "./out/web_posthog";
import { journey, run } from "./journey";

posthog.init("test-project-key", {
  api_host: window.location.origin,
  advanced_disable_flags: true,
  advanced_disable_feature_flags: true,
  advanced_disable_feature_flags_on_first_load: true,
  advanced_disable_toolbar_metrics: true,
  autocapture: false,
  rageclick: false,
  capture_pageview: false,
  capture_pageleave: false,
  capture_dead_clicks: false,
  capture_exceptions: false,
  capture_heatmaps: false,
  capture_performance: false,
  disable_session_recording: true,
  disable_surveys: true,
  disable_product_tours: true,
  disable_conversations: true,
  disable_web_experiments: true,
  disable_external_dependency_loading: true,
  disable_compression: true,
  // headless Chromium looks like a bot to posthog-js, which would drop every event
  opt_out_useragent_filter: true,
  request_batching: false,
  persistence: "localStorage",
});

async function distinctId(): Promise<string> {
  return posthog.get_distinct_id();
}

run(async () => {
  const tracker = new Tracker({ env: "dev", destinations: { posthog } });
  await journey(tracker, { "": distinctId });
});
