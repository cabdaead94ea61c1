// A stand-in for the generated module with the shape CONTRACT 5.2 gives it, so the
// call finder can be tested on its own. `trackplan status` reads the code the plan
// generates instead of this file.
export interface TrackerOptions {
  env: "dev" | "staging" | "prod";
  destinations: Record<string, unknown>;
}

export class Tracker {
  constructor(private readonly options: TrackerOptions) {}

  orderCompleted(properties: { orderId: string }): void {
    void properties;
  }
  signedUp(properties: Record<string, never> = {}): void {
    void properties;
  }
  productViewed(properties: Record<string, never> = {}): void {
    void properties;
  }
  cartEmptied(properties: Record<string, never> = {}): void {
    void properties;
  }
  pageShown(properties: Record<string, never> = {}): void {
    void properties;
  }
  couponApplied(properties: Record<string, never> = {}): void {
    void properties;
  }
  searchPerformed(properties: Record<string, never> = {}): void {
    void properties;
  }
  checkoutStarted(properties: Record<string, never> = {}): void {
    void properties;
  }
  itemShared(properties: Record<string, never> = {}): void {
    void properties;
  }
  refundIssued(properties: Record<string, never> = {}): void {
    void properties;
  }
  wishlistCleared(properties: Record<string, never> = {}): void {
    void properties;
  }
}

export class TrackingPlanViolationError extends Error {}
