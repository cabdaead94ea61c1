// Runs a scenario of tracking calls against compiled generated TypeScript and prints
// what every destination received and every violation, as JSON.
//
// node driver.mjs MODULE.js SCENARIO.json
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [modulePath, scenarioPath] = process.argv.slice(2);
const mod = await import(pathToFileURL(modulePath).href);
const scenario = JSON.parse(readFileSync(scenarioPath, "utf8"));
const SPECIAL = {
  NaN: NaN,
  Infinity: Infinity,
  "-Infinity": -Infinity,
  undefined: undefined,
  Date: new Date(0), // an object, but not a plain one
};

function decode(v) {
  if (Array.isArray(v)) return v.map(decode);
  if (v !== null && typeof v === "object") {
    if ("$special" in v) return SPECIAL[v.$special];
    const o = {};
    for (const k of Object.keys(v)) o[k] = decode(v[k]);
    return o;
  }
  return v;
}

const METHODS = ["identify", "setUserProperties", "setGroup", "logEvent", "logPage", "revenue", "unidentify"];

function recorder(name, fail, state) {
  // "empty": an object with no destination method, which the tracker must refuse
  if (fail === "empty") return {};
  const dest = {
    make(env) {
      state.current.calls.push([name, "make", [env]]);
    },
  };
  for (const method of METHODS) {
    dest[method] = function (...args) {
      const entry = [name, method];
      if (scenario.server) {
        const ids = args.pop();
        entry.push(JSON.parse(JSON.stringify(args)), ids.userId, ids.anonymousId);
      } else {
        entry.push(JSON.parse(JSON.stringify(args)));
      }
      // a destination that changes what it got must not change what the others get
      if (args.length > 0 && args[args.length - 1] !== null && typeof args[args.length - 1] === "object") {
        args[args.length - 1]["Mutated"] = true;
      }
      state.current.calls.push(entry);
      if (fail === "throw") throw new Error(name + " is down");
      if (fail === "reject") return Promise.reject(new Error(name + " is down"));
      if (fail === "slow") return new Promise((resolve) => setTimeout(resolve, 5));
      return undefined;
    };
  }
  return dest;
}

function record() {
  return { calls: [], violations: [], raised: null, error: null };
}

function caught(rec, error) {
  if (error instanceof mod.TrackingPlanViolationError) {
    rec.raised = error.violations.map((v) => [v.event, v.path, v.kind, v.expected]);
  } else {
    rec.error = String(error);
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const out = [];
for (const setup of scenario.setups) {
  const state = { current: record() };
  const destinations = {};
  for (const [name, fail] of Object.entries(setup.destinations)) {
    destinations[name] = recorder(name, fail, state);
  }
  const options = {
    ...decode(setup.options),
    destinations,
    onViolation: (v) => state.current.violations.push([v.event, v.path, v.kind, v.expected]),
  };
  if ("system" in setup) options.systemProperties = decode(setup.system);
  const result = { name: setup.name, construct: state.current, calls: [] };
  let tracker = null;
  try {
    tracker = new mod.Tracker(options);
  } catch (error) {
    caught(state.current, error);
  }
  await tick();
  if (tracker !== null) {
    for (const call of setup.calls) {
      state.current = record();
      result.calls.push(state.current);
      try {
        const returned = tracker[call.method](decode(call.args));
        if (scenario.server) {
          if (!(returned instanceof Promise)) throw new Error("a server call returned no Promise");
          await returned;
        } else if (returned !== undefined) {
          throw new Error("a client call returned a value");
        }
      } catch (error) {
        caught(state.current, error);
      }
      await tick();
    }
  }
  out.push(result);
}
process.stdout.write(JSON.stringify(out));
