// Calls tsc must reject. Every line below a `@ts-expect-error` is wrong; the compile
// test fails when one of them is accepted (an unused directive is an error).
import { Tracker as Client } from "./full/out/client";
import { Tracker as Server } from "./full/out/server";
import { Tracker as Legacy } from "./legacy/out/server";
import { Tracker as LegacyClient } from "./legacy/out/client";

declare const client: Client;
declare const server: Server;
declare const legacy: Legacy;
declare const legacyClient: LegacyClient;

const ok = { name: "n", paymentMethod: "card", quantity: 1, total: 2, gift: true } as const;

// Valid calls, so the file also proves they compile.
client.everythingHappened(ok);
client.buttonClicked();
client.signedUp({ userEmail: "e", userId_: "u" });
client.orderCompleted({ amount: 1 });
client.teamJoined({ companyGroupId_: "c", teamGroupId_: "t" });
client.everythingHappened({ ...ok, tags: ["a"] as readonly string[], matrix: [[1]] });
declare const counts: { [key: string]: number };
client.everythingHappened({ ...ok, attributes: { any: [1], "Any Key": null }, closedObject: {} });
client.everythingHappened({ ...ok, attributes: counts });
void server.buttonClicked({ anonymousId_: "a" });
void server.buttonClicked({ userId_: "u" });
void server.buttonClicked({ anonymousId_: "a", userId_: "u" });
void server.buttonClicked({ anonymousId_: "a", userId_: null });
void server.signedUp({ userEmail: "e", anonymousId_: "a", userId_: "u" });
void legacy.planUpgraded({ userId_: "u" });
void legacy.signedUp({ plan: "pro", userId_: "u" });
legacyClient.planUpgraded({});
new Client({ env: "dev", destinations: { rec: {}, other: {} }, systemProperties: { "App Version": "1.0.0" } });

// Wrong types.
// @ts-expect-error name is a string
client.everythingHappened({ ...ok, name: 1 });
// @ts-expect-error quantity is a number
client.everythingHappened({ ...ok, quantity: "1" });
// @ts-expect-error gift is a boolean
client.everythingHappened({ ...ok, gift: "yes" });
// @ts-expect-error tags is a list of strings
client.everythingHappened({ ...ok, tags: [1] });
// @ts-expect-error products items need a SKU
client.everythingHappened({ ...ok, products: [{ Price: 1 }] });
// @ts-expect-error products items have no such sub-property
client.everythingHappened({ ...ok, products: [{ SKU: "s", Colour: "red" }] });
// @ts-expect-error nested enum typo
client.everythingHappened({ ...ok, products: [{ SKU: "s", Options: { Color: "green" } }] });
// @ts-expect-error matrix is a list of lists
client.everythingHappened({ ...ok, matrix: [1] });
// @ts-expect-error an object without properties is still an object, not a list
client.everythingHappened({ ...ok, attributes: [1] });
// @ts-expect-error an object without properties is still an object, not a string
client.everythingHappened({ ...ok, attributes: "x" });
// @ts-expect-error an object with `properties: {}` takes no key
client.everythingHappened({ ...ok, closedObject: { surprise: 1 } });
// @ts-expect-error amount is a number
client.orderCompleted({ amount: "1" });
// @ts-expect-error group ids are strings
client.teamJoined({ companyGroupId_: 1, teamGroupId_: "t" });

// Missing required properties.
// @ts-expect-error name is required
client.everythingHappened({ paymentMethod: "card", quantity: 1, total: 2, gift: true });
// @ts-expect-error amount is required
client.orderCompleted({});
// @ts-expect-error a group id is required
client.teamJoined({ companyGroupId_: "c" });
// @ts-expect-error the argument object is required
client.metadataSent();
// @ts-expect-error system properties are required
new Client({ env: "dev", destinations: { rec: {}, other: {} } });
// @ts-expect-error every destination is required
new Client({ env: "dev", destinations: { rec: {} }, systemProperties: { "App Version": "1" } });
// @ts-expect-error env is one of dev, staging, prod
new Client({ env: "test", destinations: { rec: {}, other: {} }, systemProperties: { "App Version": "1" } });

// Enum typos.
// @ts-expect-error not a payment method
client.everythingHappened({ ...ok, paymentMethod: "cash" });
// @ts-expect-error not a rating
client.everythingHappened({ ...ok, rating: 6 });
// @ts-expect-error not a plan
client.profileUpdated({ plan: "enterprise" });

// Unknown properties.
// @ts-expect-error no such property
client.buttonClicked({ colour: "red" });
// @ts-expect-error wire names are not argument names
client.everythingHappened({ ...ok, "Payment Method": "card" });

// Client identity: no anonymous id anywhere; Identify requires the user id.
// @ts-expect-error Identify needs userId_
client.signedUp({ userEmail: "e" });
// @ts-expect-error client events take no anonymous id
client.buttonClicked({ anonymousId_: "a" });
// @ts-expect-error client Identify takes no anonymous id
client.signedUp({ userEmail: "e", userId_: "u", anonymousId_: "a" });
// @ts-expect-error client events take no user id either
client.buttonClicked({ userId_: "u" });

// Server identity: at least one id; Identify needs both.
// @ts-expect-error neither id
void server.buttonClicked({});
// @ts-expect-error neither id (both null)
void server.buttonClicked({ anonymousId_: null, userId_: null });
// @ts-expect-error the argument object is required
void server.buttonClicked();
// @ts-expect-error ids are strings
void server.buttonClicked({ userId_: 1 });
// @ts-expect-error Identify without the anonymous id
void server.signedUp({ userEmail: "e", userId_: "u" });
// @ts-expect-error Identify without the user id
void server.signedUp({ userEmail: "e", anonymousId_: "a" });
// @ts-expect-error a property is still checked beside the ids
void server.teamJoined({ companyGroupId_: "c", anonymousId_: "a" });
// @ts-expect-error an unknown property beside the ids
void server.buttonClicked({ anonymousId_: "a", colour: "red" });
// @ts-expect-error server methods return a Promise, not a value
const notVoid: string = server.buttonClicked({ anonymousId_: "a" });
void notVoid;

// Legacy server identity: only a required user id.
// @ts-expect-error legacy servers take no anonymous id
void legacy.planUpgraded({ userId_: "u", anonymousId_: "a" });
// @ts-expect-error legacy servers need the user id
void legacy.planUpgraded({});
// @ts-expect-error legacy servers need the user id, even with an anonymous id
void legacy.signedUp({ plan: "pro", anonymousId_: "a" });
