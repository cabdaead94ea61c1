// The browser journey with @amplitude/analytics-browser, bundled with the generated
// client tracker, which is given the SDK's module namespace. serverUrl is a path on the
// test's local server; autocapture, remote configuration and diagnostics, which would
// make events or requests of their own, are off, and the queue is flushed every 50 ms.
import * as amplitude from "@amplitude/analytics-browser";
import { Tracker } from "./out/web_amplitude";
import { journey, run } from "./journey";

async function deviceId(): Promise<string | null> {
  const id = amplitude.getDeviceId();
  return id === undefined ? null : id;
}

async function userId(): Promise<string | null> {
  const id = amplitude.getUserId();
  return id === undefined ? null : id;
}

run(async () => {
  await amplitude.init("test-api-key", {
    serverUrl: window.location.origin + "/amplitude/2/httpapi",
    autocapture: false,
    remoteConfig: { fetchRemoteConfig: false },
    enableDiagnostics: false,
    flushIntervalMillis: 50,
    identityStorage: "localStorage",
  }).promise;
  const tracker = new Tracker({ env: "dev", destinations: { amplitude } });
  await journey(tracker, { "": deviceId, user_id: userId });
});
