// Which built-in client adapter takes which object: each adapter's recogniser (from the
// runtime files, as generated modules inline them) against every vendor SDK's real
// object, before any init, and against objects written for trackplan's protocol. No
// SDK is initialised, so nothing is sent. Then what the Mixpanel adapter does with an
// older mixpanel object, which has no track_pageview and no people.
import { AnalyticsBrowser } from "@segment/analytics-next";
import posthog from "posthog-js";
import mixpanel from "mixpanel-browser";
import * as amplitude from "@amplitude/analytics-browser";
import { _tpSegmentClient } from "./runtime/segment_client";
import { _tpPostHogClient } from "./runtime/posthog_client";
import { _tpMixpanelClient } from "./runtime/mixpanel_client";
import { _tpAmplitudeClient, type _TpAmplitudeBrowser } from "./runtime/amplitude_client";
import type { ClientDestination } from "./runtime/client";
import { finish, run, step } from "./journey";

const ADAPTERS: { [kind: string]: (destination: unknown) => object | null } = {
  segment: _tpSegmentClient,
  posthog: _tpPostHogClient,
  mixpanel: _tpMixpanelClient,
  amplitude: _tpAmplitudeClient,
};

function noop(): void {}

// An instance type-checks as the part of the SDK the adapter calls.
const instance: _TpAmplitudeBrowser = amplitude.createInstance();

const OBJECTS: { [name: string]: unknown } = {
  "@segment/analytics-next AnalyticsBrowser": new AnalyticsBrowser(),
  "posthog-js posthog": posthog,
  "mixpanel-browser mixpanel": mixpanel,
  "@amplitude/analytics-browser namespace": amplitude,
  "@amplitude/analytics-browser createInstance()": instance,
  // written for the protocol, with every method a vendor's recogniser looks for as well
  "protocol object": {
    logEvent: noop,
    logPage: noop,
    setGroup: noop,
    revenue: noop,
    track: noop,
    identify: noop,
    page: noop,
    group: noop,
    reset: noop,
    capture: noop,
    setPersonProperties: noop,
    get_distinct_id: noop,
    set_group: noop,
    setUserId: noop,
    getDeviceId: noop,
    getUserId: noop,
    Identify: noop,
    Revenue: noop,
  },
  "protocol object with revenue only": { revenue: noop, unidentify: noop },
  null: null,
};

// A mixpanel object without the optional methods; it records the calls it gets.
const calls: string[] = [];
const older = {
  track: (event: string) => calls.push("track " + event),
  identify: noop,
  set_group: noop,
  reset: noop,
  get_distinct_id: noop,
};

run(async () => {
  for (const name of Object.keys(OBJECTS)) {
    const taken = Object.keys(ADAPTERS).filter((kind) => ADAPTERS[kind]!(OBJECTS[name]) !== null);
    await step(name, async () => taken.join(" "));
  }
  const adapter = _tpMixpanelClient(older) as ClientDestination;
  adapter.logPage!("Home", {});
  adapter.setUserProperties!({ Email: "a@example.com" });
  await step("older mixpanel: calls", async () => calls.join(", "));
  finish();
});
