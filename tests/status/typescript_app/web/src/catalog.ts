// A typed parameter; aliases of methods that text search misses; optional chaining.
import type { Tracker } from "./tracking";

export function view(t: Tracker): void {
  t.productViewed();
}

export function showPage(tracker: Tracker): void {
  const emit = tracker.pageShown;
  emit.call(tracker);
  const bound = tracker.pageShown.bind(tracker);
  bound();
  const { couponApplied: apply } = tracker;
  apply();
}

export function share(maybe: Tracker | undefined): void {
  maybe?.itemShared();
}
