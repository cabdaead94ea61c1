// Built-in adapter for Amplitude's browser SDK, `@amplitude/analytics-browser`, pasted
// into client trackers that send to a destination of kind `amplitude`.
//
// Pass the module namespace, `import * as amplitude from "@amplitude/analytics-browser"`,
// after `amplitude.init(...)`: the adapter builds user properties and revenue with its
// `Identify` and `Revenue` classes, since a generated module imports no SDK. (For an
// instance from `createInstance()`, pass `Object.assign(instance, { Identify, Revenue })`.)
// The SDK keeps the identity: every event carries its `device_id`, and after
// `setUserId` also the `user_id`; Amplitude links the two when one event has both.
// The SDK adds them to an event only when it processes it, after the calling code has
// run on (so an event logged just before `reset()` would get the next user's ids): the
// adapter reads them from the SDK at each call and gives them as the event's options.
// See docs/destinations.md.

import type { ClientDestination } from "./client";
import { _tpIsVendor } from "./adapters";

// Generated trackers use the adapter; this keeps the file clean under noUnusedLocals alone.
export { _tpAmplitudeClient };

// --- trackplan: inline below ---

/** The part of the SDK's `Identify` the adapter calls. */
export interface _TpAmplitudeIdentify {
  set(property: string, value: unknown): unknown;
}

/** The part of the SDK's `Revenue` the adapter calls. */
export interface _TpAmplitudeRevenue {
  setPrice(price: number): unknown;
  setQuantity(quantity: number): unknown;
  setEventProperties(properties: { [name: string]: unknown }): unknown;
}

/** The event options that pin an event's ids: `user_id` undefined is no user. */
export interface _TpAmplitudeIds {
  device_id?: string;
  user_id?: string | undefined;
}

/** The part of the `@amplitude/analytics-browser` namespace the adapter calls. */
export interface _TpAmplitudeBrowser {
  track(eventType: string, eventProperties?: { [name: string]: unknown }, eventOptions?: _TpAmplitudeIds): unknown;
  identify(identify: _TpAmplitudeIdentify, eventOptions?: _TpAmplitudeIds): unknown;
  setUserId(userId: string | undefined): unknown;
  setGroup(groupType: string, groupName: string, eventOptions?: _TpAmplitudeIds): unknown;
  revenue(revenue: _TpAmplitudeRevenue, eventOptions?: _TpAmplitudeIds): unknown;
  reset(): unknown;
  getDeviceId(): unknown;
  getUserId(): unknown;
  readonly Identify: new () => _TpAmplitudeIdentify;
  readonly Revenue: new () => _TpAmplitudeRevenue;
}

/** Maps the client protocol onto the SDK's setUserId, identify, setGroup, track, revenue and reset. */
class _TpAmplitudeClientAdapter implements ClientDestination {
  private readonly amplitude: _TpAmplitudeBrowser;

  constructor(amplitude: _TpAmplitudeBrowser) {
    this.amplitude = amplitude;
  }

  /**
   * The ids the SDK holds now. Before `init` has finished the SDK has no device id yet
   * (and queues the event until it has): then nothing is pinned.
   */
  private ids(): _TpAmplitudeIds {
    const deviceId = this.amplitude.getDeviceId();
    if (typeof deviceId !== "string" || deviceId === "") return {};
    const userId = this.amplitude.getUserId();
    return { device_id: deviceId, user_id: typeof userId === "string" ? userId : undefined };
  }

  /** setUserId(userId): nothing is sent; later events carry `user_id` next to `device_id`. */
  identify(userId: string): unknown {
    return this.amplitude.setUserId(userId);
  }

  /** identify(new Identify().set(...)): an `$identify` event that `$set`s each property. */
  setUserProperties(userProperties: { [name: string]: unknown }): unknown {
    const identify = new this.amplitude.Identify();
    for (const name of Object.keys(userProperties)) {
      identify.set(name, userProperties[name]);
    }
    return this.amplitude.identify(identify, this.ids());
  }

  /** setGroup(type, id): an `$identify` event with `groups` and the `$set` user property. */
  setGroup(groupType: string, groupId: string): unknown {
    return this.amplitude.setGroup(groupType, groupId, this.ids());
  }

  logEvent(eventName: string, eventProperties: { [name: string]: unknown }): unknown {
    return this.amplitude.track(eventName, eventProperties, this.ids());
  }

  /** `[Amplitude] Page Viewed`, the page name as `[Amplitude] Page Title`, as the SDK's own. */
  logPage(pageName: string, eventProperties: { [name: string]: unknown }): unknown {
    const properties = Object.assign({}, eventProperties, { "[Amplitude] Page Title": pageName });
    return this.amplitude.track("[Amplitude] Page Viewed", properties, this.ids());
  }

  /** revenue(Revenue): a `revenue_amount` event, one item priced at the amount. */
  revenue(amount: number, eventProperties: { [name: string]: unknown }): unknown {
    const revenue = new this.amplitude.Revenue();
    revenue.setPrice(amount);
    revenue.setQuantity(1);
    revenue.setEventProperties(Object.assign({}, eventProperties));
    return this.amplitude.revenue(revenue, this.ids());
  }

  /** reset(): no user, and a new device id. */
  unidentify(): unknown {
    return this.amplitude.reset();
  }
}

// The namespace: these methods and classes, and no protocol-only method but the three
// the SDK has itself (`logEvent` is its alias of `track`).
const _TP_AMPLITUDE_CLIENT: readonly string[] = [
  "track",
  "identify",
  "setUserId",
  "setGroup",
  "revenue",
  "reset",
  "getDeviceId",
  "getUserId",
  "Identify",
  "Revenue",
];
const _TP_AMPLITUDE_SHARED: readonly string[] = ["logEvent", "setGroup", "revenue"];

function _tpAmplitudeClient(destination: unknown): object | null {
  if (!_tpIsVendor(destination, _TP_AMPLITUDE_CLIENT, _TP_AMPLITUDE_SHARED)) return null;
  return new _TpAmplitudeClientAdapter(destination as _TpAmplitudeBrowser);
}
