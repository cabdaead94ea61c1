// A namespace import under another name; the tracker held on `this`.
import * as tr from "./tracking";

export class Accounts {
  private readonly tracker: tr.Tracker;

  constructor() {
    this.tracker = new tr.Tracker({ env: "dev", destinations: { segment: {} } });
  }

  signUp(): void {
    this.tracker.signedUp();
  }
}
