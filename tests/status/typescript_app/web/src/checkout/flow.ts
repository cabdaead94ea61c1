// A tracker behind a getter, reached through a relative import from a subdirectory.
import { Tracker as T } from "../tracking";

export class Checkout {
  get tracking(): T {
    return new T({ env: "dev", destinations: { segment: {} } });
  }

  start(): void {
    this.tracking.checkoutStarted();
  }
}
