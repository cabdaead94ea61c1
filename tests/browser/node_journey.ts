// The Node journey with Segment's analytics-node: the generated server tracker sends
// anonymous, identified and both-id events and an Identify event to the test's
// capture server, then the SDK is flushed and closed.
//
// node node_journey.js CAPTURE_URL
import { Analytics } from "@segment/analytics-node";
import { Tracker } from "./out/node";

// Node's process, without @types/node.
declare const process: {
  readonly argv: readonly string[];
  readonly stderr: { write(text: string): unknown };
  exit(code: number): never;
};

const ANON = "anon-7f3a9c";
const USER = "user-42aa";

async function main(host: string): Promise<void> {
  const analytics = new Analytics({
    writeKey: "test-write-key",
    host,
    path: "/v1/batch",
    maxEventsInBatch: 1,
    flushInterval: 50,
    maxRetries: 1,
    httpRequestTimeout: 2000,
  });
  const tracker = new Tracker({ env: "dev", destinations: { segment: analytics } });
  await tracker.productViewed({ sku: "anonymous", anonymousId_: ANON });
  await tracker.productViewed({ sku: "identified", userId_: USER });
  await tracker.productViewed({ sku: "both", anonymousId_: ANON, userId_: USER });
  await tracker.signedUp({ anonymousId_: ANON, userId_: USER, email: "a@example.com" });
  await tracker.homeViewed({ path: "/", anonymousId_: ANON });
  await tracker.orderCompleted({ orderId: "o-1", amount: 19.5, userId_: USER });
  await tracker.companyJoined({ companyGroupId_: "acme", userId_: USER });
  await analytics.closeAndFlush({ timeout: 10000 });
}

main(process.argv[2] || "").catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error) + "\n");
  process.exit(1);
});
