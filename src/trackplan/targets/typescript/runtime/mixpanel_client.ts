// Built-in adapter for Mixpanel's browser SDK, `mixpanel-browser`, pasted into client
// trackers that send to a destination of kind `mixpanel`.
//
// Pass the `mixpanel` object after `mixpanel.init(...)`. The SDK keeps the identity: its
// `$device_id` is the anonymous id (distinct_id `$device:<id>`), and `identify` adds
// `$user_id` to every later event and sends `$identify` with `$anon_distinct_id`, which
// links the two under either of Mixpanel's ID merge APIs. See docs/destinations.md.

import type { ClientDestination } from "./client";
import { _tpIsVendor } from "./adapters";

// Generated trackers use the adapter; this keeps the file clean under noUnusedLocals alone.
export { _tpMixpanelClient };

// --- trackplan: inline below ---

/** The part of mixpanel-browser's `mixpanel` object the adapter calls. */
export interface _TpMixpanelBrowser {
  track(eventName: string, properties?: object): unknown;
  identify(uniqueId?: string): unknown;
  set_group(groupKey: string, groupIds: string): unknown;
  reset(): unknown;
  get_distinct_id(): unknown;
  /** In this form since mixpanel-browser 2.47; without it the page is a `$mp_web_page_view` track. */
  track_pageview?(properties?: object): unknown;
  readonly people?: { set(properties: object): unknown };
}

/** Maps the client protocol onto mixpanel-browser's track, identify, people, set_group and reset. */
class _TpMixpanelClientAdapter implements ClientDestination {
  private readonly mixpanel: _TpMixpanelBrowser;

  constructor(mixpanel: _TpMixpanelBrowser) {
    this.mixpanel = mixpanel;
  }

  /** identify(userId): `$identify` with `$anon_distinct_id`; later events carry `$user_id`. */
  identify(userId: string): unknown {
    return this.mixpanel.identify(userId);
  }

  /** people.set(properties): `$set` on the profile (sent once the user is identified). */
  setUserProperties(userProperties: { [name: string]: unknown }): unknown {
    const people = this.mixpanel.people;
    if (typeof people !== "object" || people === null || typeof people.set !== "function") {
      return undefined;
    }
    return people.set(userProperties);
  }

  /** set_group(type, id): the profile's group key holds [id], and later events carry it. */
  setGroup(groupType: string, groupId: string): unknown {
    return this.mixpanel.set_group(groupType, groupId);
  }

  logEvent(eventName: string, eventProperties: { [name: string]: unknown }): unknown {
    return this.mixpanel.track(eventName, eventProperties);
  }

  /** `$mp_web_page_view`, the page name as `current_page_title` (track_pageview adds the URL). */
  logPage(pageName: string, eventProperties: { [name: string]: unknown }): unknown {
    const properties = Object.assign({}, eventProperties, { current_page_title: pageName });
    if (typeof this.mixpanel.track_pageview === "function") {
      return this.mixpanel.track_pageview(properties);
    }
    return this.mixpanel.track("$mp_web_page_view", properties);
  }

  /**
   * A `Revenue` event whose `revenue` property holds the amount: mixpanel-browser marks
   * people.track_charge deprecated, and Mixpanel reports revenue from event properties.
   */
  revenue(amount: number, eventProperties: { [name: string]: unknown }): unknown {
    return this.mixpanel.track("Revenue", Object.assign({}, eventProperties, { revenue: amount }));
  }

  /** reset(): super properties cleared, a new `$device_id`, no user. */
  unidentify(): unknown {
    return this.mixpanel.reset();
  }
}

// The mixpanel object: these methods, and no protocol-only one.
const _TP_MIXPANEL_CLIENT: readonly string[] = [
  "track",
  "identify",
  "set_group",
  "reset",
  "get_distinct_id",
];

function _tpMixpanelClient(destination: unknown): object | null {
  if (!_tpIsVendor(destination, _TP_MIXPANEL_CLIENT)) return null;
  return new _TpMixpanelClientAdapter(destination as _TpMixpanelBrowser);
}
