// The destination interface of client (browser) trackers, pasted below the core.
//
// Client destinations hold the identity themselves (the SDK assigns the anonymous id),
// so no method takes an id beyond `identify(userId)`.

import type { Env } from "./core";

// --- trackplan: inline below ---

/** An object a client tracker sends to: any of these methods, each one optional. */
export interface ClientDestination {
  make?(env: Env): unknown;
  identify?(userId: string): unknown;
  setUserProperties?(userProperties: { [name: string]: unknown }): unknown;
  setGroup?(groupType: string, groupId: string): unknown;
  logEvent?(eventName: string, eventProperties: { [name: string]: unknown }): unknown;
  logPage?(pageName: string, eventProperties: { [name: string]: unknown }): unknown;
  revenue?(amount: number, eventProperties: { [name: string]: unknown }): unknown;
  unidentify?(): unknown;
}
