// The destination interface of server (Node) trackers, pasted below the core.
//
// Servers keep no identity: every call ends with the ids of the user it is about.
// A method may return a Promise; the tracking call settles when all of them have.

import type { Env } from "./core";

// --- trackplan: inline below ---

/** The ids a server destination receives last in every call (null when not given). */
export interface DestinationIds {
  readonly userId: string | null;
  readonly anonymousId: string | null;
}

/** An object a server tracker sends to: any of these methods, each one optional. */
export interface ServerDestination {
  make?(env: Env): unknown;
  identify?(userId: string, ids: DestinationIds): unknown;
  setUserProperties?(userProperties: { [name: string]: unknown }, ids: DestinationIds): unknown;
  setGroup?(groupType: string, groupId: string, ids: DestinationIds): unknown;
  logEvent?(eventName: string, eventProperties: { [name: string]: unknown }, ids: DestinationIds): unknown;
  logPage?(pageName: string, eventProperties: { [name: string]: unknown }, ids: DestinationIds): unknown;
  revenue?(amount: number, eventProperties: { [name: string]: unknown }, ids: DestinationIds): unknown;
  unidentify?(ids: DestinationIds): unknown;
}
