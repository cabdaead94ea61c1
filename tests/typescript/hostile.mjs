// Runs compiled generated TypeScript in prod against values that fail when touched:
// a Proxy whose every trap throws the Proxy itself, errors whose message is no string,
// getters that throw, Promises rejected with such values. Prints, per case, whether
// anything escaped into the caller (a throw, a rejected Promise, an unhandled
// rejection), the violations reported and which destinations received the event.
//
// node hostile.mjs MODULE.js server|client
import { pathToFileURL } from "node:url";

const [modulePath, side] = process.argv.slice(2);
const mod = await import(pathToFileURL(modulePath).href);
const server = side === "server";

const unhandled = [];
process.on("unhandledRejection", (reason) => unhandled.push(String(typeof reason)));

/** A Proxy every operation on which throws the Proxy itself. */
function selfThrowing() {
  const handler = {};
  const proxy = new Proxy(function () {}, handler);
  for (const trap of [
    "get", "has", "ownKeys", "getPrototypeOf", "getOwnPropertyDescriptor", "apply",
    "construct", "set", "defineProperty", "deleteProperty", "isExtensible",
  ]) {
    handler[trap] = () => {
      throw proxy;
    };
  }
  return proxy;
}

function oddMessage() {
  const error = new Error("x");
  error.message = Object.create(null);
  return error;
}

function recorder(name, received) {
  return {
    logEvent() {
      received.push(name);
    },
  };
}

function failing(how) {
  return {
    logEvent() {
      if (how === "throw-proxy") throw selfThrowing();
      if (how === "throw-odd") throw oddMessage();
      if (how === "reject-proxy") return Promise.reject(selfThrowing());
      return undefined;
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));
const ids = server ? { anonymousId_: "a" } : {};
const SYSTEM = { "App Version": "1.2.3" };

async function run(name, makeOptions, callArgument) {
  const received = [];
  const violations = [];
  const result = { name, escaped: null, violations, received };
  unhandled.length = 0;
  try {
    const options = makeOptions(received);
    const tracker = new mod.Tracker({
      env: "prod",
      systemProperties: SYSTEM,
      onViolation: (v) => violations.push([v.path, v.kind]),
      ...options,
    });
    const returned = tracker.buttonClicked(callArgument === undefined ? ids : callArgument);
    if (returned instanceof Promise) await returned;
  } catch (error) {
    result.escaped = "thrown";
  }
  await tick();
  if (unhandled.length > 0) result.escaped = "unhandled rejection";
  return result;
}

const cases = [
  ["destination throws a self-throwing Proxy", (r) => ({
    destinations: { rec: failing("throw-proxy"), other: recorder("other", r) },
  })],
  ["destination throws an error whose message is no string", (r) => ({
    destinations: { rec: failing("throw-odd"), other: recorder("other", r) },
  })],
  ["destination rejects with a self-throwing Proxy", (r) => ({
    destinations: { rec: failing("reject-proxy"), other: recorder("other", r) },
  })],
  ["the call's argument is a self-throwing Proxy", (r) => ({
    destinations: { rec: recorder("rec", r), other: recorder("other", r) },
  }), selfThrowing()],
  ["a destination's method is a throwing getter", (r) => ({
    destinations: {
      rec: Object.defineProperty({}, "logEvent", { get() { throw new Error("getter"); } }),
      other: recorder("other", r),
    },
  })],
  ["destinations is a self-throwing Proxy", () => ({ destinations: selfThrowing() })],
  ["systemProperties is a self-throwing Proxy", (r) => ({
    destinations: { rec: recorder("rec", r), other: recorder("other", r) },
    systemProperties: selfThrowing(),
  })],
];

const out = [];
for (const [name, makeOptions, argument] of cases) {
  out.push(await run(name, makeOptions, argument));
}
process.stdout.write(JSON.stringify(out));
