// A named import of the Tracker class; an instance at module level.
import { Tracker } from "./tracking";

export const tracker = new Tracker({ env: "dev", destinations: { segment: {} } });

export function complete(orderId: string): void {
  tracker.orderCompleted({ orderId });
}

class Basket {
  // Not a Tracker: a method with an event's name on it must not count.
  orderCompleted(orderId: string): void {
    void orderId;
  }
}

export function notATracker(): void {
  new Basket().orderCompleted("o1");
}
