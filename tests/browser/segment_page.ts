// The browser journey with Segment's analytics-next: bundled by esbuild with the
// generated client tracker, served from the test's local server, whose origin also
// receives what the SDK sends. The SDK is given its settings inline (cdnSettings), so
// it never asks Segment's CDN for them, and sends over http to this origin.
import { AnalyticsBrowser } from "@segment/analytics-next";
import { Tracker } from "./out/web_segment";
import { journey, run } from "./journey";

const host = window.location.host;
const analytics = AnalyticsBrowser.load(
  {
    writeKey: "test-write-key",
    cdnURL: window.location.origin,
    cdnSettings: {
      integrations: {
        "Segment.io": { apiKey: "test-write-key", apiHost: host + "/v1", protocol: "http" },
      },
      metrics: { sampleRate: 0, host: host + "/v1", protocol: "http" },
    },
  },
  {
    integrations: { "Segment.io": { apiHost: host + "/v1", protocol: "http" } },
    retryQueue: false,
  },
);

async function anonymousId(): Promise<string | null> {
  const id = (await analytics.user()).anonymousId();
  return id === undefined ? null : id;
}

run(async () => {
  await analytics.ready();
  const tracker = new Tracker({ env: "dev", destinations: { segment: analytics } });
  await journey(tracker, { "": anonymousId });
});
