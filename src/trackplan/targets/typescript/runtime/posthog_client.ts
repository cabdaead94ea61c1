// Built-in adapter for PostHog's browser SDK, `posthog-js`, pasted into client trackers
// that send to a destination of kind `posthog`.
//
// Pass the `posthog` object after `posthog.init(...)`. The SDK keeps the identity: its
// distinct_id is an anonymous id until `identify`, which sends `$identify` linking
// `$anon_distinct_id` to the user. See docs/destinations.md.

import type { ClientDestination } from "./client";
import { _tpIsVendor } from "./adapters";

// Generated trackers use the adapter; this keeps the file clean under noUnusedLocals alone.
export { _tpPostHogClient };

// --- trackplan: inline below ---

/** The part of posthog-js's `posthog` object the adapter calls. */
export interface _TpPostHogBrowser {
  capture(event: string, properties?: object | null): unknown;
  identify(distinctId: string): unknown;
  setPersonProperties(properties?: object): unknown;
  group(groupType: string, groupKey: string): unknown;
  reset(): unknown;
  get_distinct_id(): string;
}

/** Maps the client protocol onto posthog-js's capture, identify, setPersonProperties, group and reset. */
class _TpPostHogClientAdapter implements ClientDestination {
  private readonly posthog: _TpPostHogBrowser;

  constructor(posthog: _TpPostHogBrowser) {
    this.posthog = posthog;
  }

  /** identify(userId): `$identify` with `$anon_distinct_id` = the anonymous distinct_id. */
  identify(userId: string): void {
    this.posthog.identify(userId);
  }

  /** setPersonProperties: a `$set` event for the current person. */
  setUserProperties(userProperties: { [name: string]: unknown }): void {
    this.posthog.setPersonProperties(userProperties);
  }

  /** group(type, id): later events of this browser carry the group too. */
  setGroup(groupType: string, groupId: string): void {
    this.posthog.group(groupType, groupId);
  }

  logEvent(eventName: string, eventProperties: { [name: string]: unknown }): void {
    this.posthog.capture(eventName, eventProperties);
  }

  /**
   * `$pageview`, the page name as its `page_name` property: posthog-js sets `title` to
   * the document's title on every page view, whatever the properties say.
   */
  logPage(pageName: string, eventProperties: { [name: string]: unknown }): void {
    this.posthog.capture("$pageview", Object.assign({}, eventProperties, { page_name: pageName }));
  }

  /** A `Revenue` event whose `revenue` property holds the amount. */
  revenue(amount: number, eventProperties: { [name: string]: unknown }): void {
    this.posthog.capture("Revenue", Object.assign({}, eventProperties, { revenue: amount }));
  }

  /** reset(): a new anonymous distinct_id, no user. */
  unidentify(): void {
    this.posthog.reset();
  }
}

// The posthog object: these methods, and no protocol-only one.
const _TP_POSTHOG_CLIENT: readonly string[] = [
  "capture",
  "identify",
  "setPersonProperties",
  "group",
  "reset",
  "get_distinct_id",
];

function _tpPostHogClient(destination: unknown): object | null {
  if (!_tpIsVendor(destination, _TP_POSTHOG_CLIENT)) return null;
  return new _TpPostHogClientAdapter(destination as _TpPostHogBrowser);
}
