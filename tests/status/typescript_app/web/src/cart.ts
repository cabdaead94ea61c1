// The factory imported under another name; the re-exported class; a stale call.
import { make as build, makeInferred } from "./factory";
import { Analytics } from "./index";

export function empty(): void {
  build().cartEmptied();
}

export function search(): void {
  new Analytics({ env: "dev", destinations: { segment: {} } })["searchPerformed"]();
}

export function stale(): void {
  // The plan no longer has this event: the call is reported, not counted.
  // @ts-expect-error: the generated Tracker has no such method
  makeInferred().giftCardRedeemed();
}
