// Built-in adapter for Segment's browser SDK, `@segment/analytics-next`, pasted into
// client trackers that send to a destination of kind `segment`.
//
// Pass the `AnalyticsBrowser` (from `AnalyticsBrowser.load(...)`) or a loaded
// `Analytics` instance. The SDK keeps the identity: it assigns the anonymousId, stores
// the userId after `identify`, and puts both on every call. See docs/destinations.md.

import type { ClientDestination } from "./client";
import { _tpIsVendor } from "./adapters";

// Generated trackers use the adapter; this keeps the file clean under noUnusedLocals alone.
export { _tpSegmentClient };

// --- trackplan: inline below ---

/** The part of Segment's `AnalyticsBrowser` (analytics-next) the adapter calls. */
export interface _TpSegmentBrowser {
  track(event: string, properties?: object): unknown;
  identify(userIdOrTraits?: string | object, traits?: object): unknown;
  page(category?: string | null, name?: string | null, properties?: object | null): unknown;
  group(groupId?: string | object, traits?: object): unknown;
  reset(): unknown;
}

/** Maps the client protocol onto analytics-next's track, identify, page, group and reset. */
class _TpSegmentClientAdapter implements ClientDestination {
  private readonly analytics: _TpSegmentBrowser;

  constructor(analytics: _TpSegmentBrowser) {
    this.analytics = analytics;
  }

  /** identify(userId): the SDK sends it with its anonymousId, and keeps the userId. */
  identify(userId: string): unknown {
    return this.analytics.identify(userId);
  }

  /** identify(traits): the SDK adds the ids it holds. */
  setUserProperties(userProperties: { [name: string]: unknown }): unknown {
    return this.analytics.identify(userProperties);
  }

  /** group(groupId, {group_type}): Segment groups have no type, so it travels as a trait. */
  setGroup(groupType: string, groupId: string): unknown {
    return this.analytics.group(groupId, { group_type: groupType });
  }

  logEvent(eventName: string, eventProperties: { [name: string]: unknown }): unknown {
    return this.analytics.track(eventName, eventProperties);
  }

  /** page(null, pageName, properties): a page call named after the page, no category. */
  logPage(pageName: string, eventProperties: { [name: string]: unknown }): unknown {
    return this.analytics.page(null, pageName, eventProperties);
  }

  /** A `Revenue` track call whose `revenue` property holds the amount. */
  revenue(amount: number, eventProperties: { [name: string]: unknown }): unknown {
    return this.analytics.track("Revenue", Object.assign({}, eventProperties, { revenue: amount }));
  }

  /** reset(): the SDK forgets the userId and traits and picks a new anonymousId. */
  unidentify(): unknown {
    return this.analytics.reset();
  }
}

// An AnalyticsBrowser or Analytics instance: these methods, and no protocol-only one.
const _TP_SEGMENT_CLIENT: readonly string[] = ["track", "identify", "page", "group", "reset"];

function _tpSegmentClient(destination: unknown): object | null {
  if (!_tpIsVendor(destination, _TP_SEGMENT_CLIENT)) return null;
  return new _TpSegmentClientAdapter(destination as _TpSegmentBrowser);
}
