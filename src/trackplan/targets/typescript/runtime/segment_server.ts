// Built-in adapter for Segment's Node SDK, `@segment/analytics-node`, pasted into server
// trackers that send to a destination of kind `segment`.
//
// Pass the `Analytics` instance. Every call is queued on it; delivery, retries and
// flushing stay the SDK's business (call `closeAndFlush()` when the process ends), so
// the adapter returns nothing to wait for. See docs/destinations.md.

import type { DestinationIds, ServerDestination } from "./server";
import { _tpIsVendor } from "./adapters";

// Generated trackers use the adapter; this keeps the file clean under noUnusedLocals alone.
export { _tpSegmentServer };

// --- trackplan: inline below ---

/** The ids and fields of one analytics-node call, as the adapter builds them. */
export interface _TpSegmentNodeMessage {
  userId?: string | undefined;
  anonymousId?: string | undefined;
  event?: string | undefined;
  name?: string | undefined;
  groupId?: string | undefined;
  properties?: { [name: string]: unknown } | undefined;
  traits?: { [name: string]: unknown } | undefined;
}

/** The part of analytics-node's `Analytics` the adapter calls. */
export interface _TpSegmentNode {
  track(message: _TpSegmentNodeMessage): unknown;
  identify(message: _TpSegmentNodeMessage): unknown;
  page(message: _TpSegmentNodeMessage): unknown;
  group(message: _TpSegmentNodeMessage): unknown;
  closeAndFlush(): unknown;
}

/** `userId` and `anonymousId` of a message: only the ids that are given. */
function _tpSegmentIds(ids: DestinationIds): _TpSegmentNodeMessage {
  const message: _TpSegmentNodeMessage = {};
  if (ids.userId !== null) message.userId = ids.userId;
  if (ids.anonymousId !== null) message.anonymousId = ids.anonymousId;
  return message;
}

/** Maps the server protocol onto analytics-node's track, identify, page and group. */
class _TpSegmentServerAdapter implements ServerDestination {
  private readonly analytics: _TpSegmentNode;

  constructor(analytics: _TpSegmentNode) {
    this.analytics = analytics;
  }

  /** An identify call; with both ids, Segment links the anonymous history to the user. */
  identify(userId: string, ids: DestinationIds): void {
    const message = _tpSegmentIds(ids);
    message.userId = userId;
    message.traits = {};
    this.analytics.identify(message);
  }

  /** The user properties as identify traits. */
  setUserProperties(userProperties: { [name: string]: unknown }, ids: DestinationIds): void {
    const message = _tpSegmentIds(ids);
    message.traits = userProperties;
    this.analytics.identify(message);
  }

  /** A group call; the group type travels as the `group_type` trait. */
  setGroup(groupType: string, groupId: string, ids: DestinationIds): void {
    const message = _tpSegmentIds(ids);
    message.groupId = groupId;
    message.traits = { group_type: groupType };
    this.analytics.group(message);
  }

  logEvent(eventName: string, eventProperties: { [name: string]: unknown }, ids: DestinationIds): void {
    const message = _tpSegmentIds(ids);
    message.event = eventName;
    message.properties = eventProperties;
    this.analytics.track(message);
  }

  /** A page call named after the page. */
  logPage(pageName: string, eventProperties: { [name: string]: unknown }, ids: DestinationIds): void {
    const message = _tpSegmentIds(ids);
    message.name = pageName;
    message.properties = eventProperties;
    this.analytics.page(message);
  }

  /** A `Revenue` track call whose `revenue` property holds the amount. */
  revenue(amount: number, eventProperties: { [name: string]: unknown }, ids: DestinationIds): void {
    const message = _tpSegmentIds(ids);
    message.event = "Revenue";
    message.properties = Object.assign({}, eventProperties, { revenue: amount });
    this.analytics.track(message);
  }
}

// analytics-node's Analytics: these methods, and no protocol-only one.
const _TP_SEGMENT_SERVER: readonly string[] = ["track", "identify", "page", "group", "closeAndFlush"];

function _tpSegmentServer(destination: unknown): object | null {
  if (!_tpIsVendor(destination, _TP_SEGMENT_SERVER)) return null;
  return new _TpSegmentServerAdapter(destination as _TpSegmentNode);
}
