// What a test page reports to the runner (run_pages.mjs): the id the SDK holds at each
// step of the journey, then that it is done, or the error that stopped it.

interface JourneyState {
  ids: { [step: string]: string | null };
  done: boolean;
  error: string | null;
}

declare global {
  interface Window {
    journey: JourneyState;
  }
}

window.journey = { ids: {}, done: false, error: null };

/** Record the SDK's current id under `name`. */
export async function step(name: string, id: () => Promise<string | null>): Promise<void> {
  window.journey.ids[name] = await id();
}

export function finish(): void {
  window.journey.done = true;
}

export function run(journey: () => Promise<void>): void {
  journey().catch((error: unknown) => {
    window.journey.error = error instanceof Error ? error.stack || error.message : String(error);
  });
}

/** The client tracker methods the journey calls: every page's generated Tracker has them. */
export interface JourneyTracker {
  homeViewed(properties: { path: string }): void;
  productViewed(properties: { sku: string }): void;
  signedUp(properties: { userId_: string; email: string }): void;
  orderCompleted(properties: { orderId: string; amount: number }): void;
  companyJoined(properties: { companyGroupId_: string }): void;
  signedOut(): void;
}

/** Ids to record at each step: "" names the SDK's anonymous id, others add a suffix. */
export type JourneyIds = { readonly [suffix: string]: () => Promise<string | null> };

/**
 * The journey every page runs: a page view and an event while anonymous, sign-up (the
 * Identify event), an event, an order and a group as the user, sign-out (the Unidentify
 * event), one more event. The ids are recorded at start, identified, reset and end.
 */
export async function journey(tracker: JourneyTracker, ids: JourneyIds): Promise<void> {
  const record = async (name: string): Promise<void> => {
    for (const suffix of Object.keys(ids)) {
      await step(suffix === "" ? name : name + " " + suffix, ids[suffix]!);
    }
  };
  await record("start");
  tracker.homeViewed({ path: "/" });
  tracker.productViewed({ sku: "A-1" });
  tracker.signedUp({ userId_: "user-42", email: "a@example.com" });
  tracker.productViewed({ sku: "B-2" });
  tracker.orderCompleted({ orderId: "o-1", amount: 19.5 });
  tracker.companyJoined({ companyGroupId_: "acme" });
  await record("identified");
  tracker.signedOut();
  await record("reset");
  tracker.productViewed({ sku: "C-3" });
  await record("end");
  finish();
}
