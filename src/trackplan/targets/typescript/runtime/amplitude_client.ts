// Built-in adapter for Amplitude's browser SDK, `@amplitude/analytics-browser`, pasted
// into client trackers that send to a destination of kind `amplitude`.
//
// Pass the module namespace, `import * as amplitude from "@amplitude/analytics-browser"`,
// or an instance from `createInstance()`, after `init(...)`. User properties and revenue
// are sent as the events the SDK's `Identify` and `Revenue` classes would make
// (`$identify`, `revenue_amount`), built as plain events since a generated module
// imports no SDK.
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

/** An event as the SDK's `track` takes it (its `BaseEvent`). */
export interface _TpAmplitudeEvent {
  event_type: string;
  event_properties?: { [name: string]: unknown };
  user_properties?: { [operation: string]: { [name: string]: unknown } };
}

/** The event options that pin an event's ids: `user_id` undefined is no user. */
export interface _TpAmplitudeIds {
  device_id?: string;
  user_id?: string | undefined;
}

/** The part of the `@amplitude/analytics-browser` namespace (or an instance) the adapter calls. */
export interface _TpAmplitudeBrowser {
  track(
    event: string | _TpAmplitudeEvent,
    eventProperties?: { [name: string]: unknown },
    eventOptions?: _TpAmplitudeIds,
  ): unknown;
  setUserId(userId: string | undefined): unknown;
  setGroup(groupType: string, groupName: string, eventOptions?: _TpAmplitudeIds): unknown;
  reset(): unknown;
  getDeviceId(): unknown;
  getUserId(): unknown;
}

/** Maps the client protocol onto the SDK's setUserId, setGroup, track and reset. */
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

  /** An `$identify` event that `$set`s each property, as `identify(new Identify().set(...))`. */
  setUserProperties(userProperties: { [name: string]: unknown }): unknown {
    const event = { event_type: "$identify", user_properties: { $set: Object.assign({}, userProperties) } };
    return this.amplitude.track(event, undefined, this.ids());
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

  /** A `revenue_amount` event, one item priced at the amount, as the Python adapter sends. */
  revenue(amount: number, eventProperties: { [name: string]: unknown }): unknown {
    const properties = Object.assign({}, eventProperties, { $price: amount, $quantity: 1 });
    return this.amplitude.track({ event_type: "revenue_amount", event_properties: properties }, undefined, this.ids());
  }

  /** reset(): no user, and a new device id. */
  unidentify(): unknown {
    return this.amplitude.reset();
  }
}

// The namespace or an instance: these methods (identify and revenue too, though the
// adapter sends those events with track), and no protocol-only method but the three the
// SDK has itself (`logEvent` is its alias of `track`).
const _TP_AMPLITUDE_CLIENT: readonly string[] = [
  "track",
  "identify",
  "setUserId",
  "setGroup",
  "revenue",
  "reset",
  "getDeviceId",
  "getUserId",
];
const _TP_AMPLITUDE_SHARED: readonly string[] = ["logEvent", "setGroup", "revenue"];

function _tpAmplitudeClient(destination: unknown): object | null {
  if (!_tpIsVendor(destination, _TP_AMPLITUDE_CLIENT, _TP_AMPLITUDE_SHARED)) return null;
  return new _TpAmplitudeClientAdapter(destination as _TpAmplitudeBrowser);
}
