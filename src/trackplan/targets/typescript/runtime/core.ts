// The part of every generated TypeScript module that does not vary with the plan.
//
// Everything below the marker line is pasted into generated modules; this file is
// type-checked on its own (tsconfig.json at the repository root). Names that are not
// part of the generated API start with `_tp` / `_Tp` / `_TP` so they can never collide
// with a name from the plan. The code is ES2019: no `??`, no `?.`, no class fields.

// Generated trackers use the core; this keeps the file clean under noUnusedLocals alone.
export type _TpCoreInUse = _TpCore;

// --- trackplan: inline below ---

// console exists in browsers and Node, but is not part of the ES library typings.
declare const console: {
  warn(message: string): void;
  error(message: string): void;
};

/** The environment a tracker runs in: strictness and noop apply to dev and staging. */
export type Env = "dev" | "staging" | "prod";

/** What a violation is about. */
export type ViolationKind =
  | "type"
  | "required"
  | "enum"
  | "min"
  | "max"
  | "regex"
  | "unknown"
  | "identity"
  | "destination"
  | "internal";

/** One way a tracking call broke the plan, or one destination that failed. */
export interface Violation {
  /** The event's name as written in the plan ("" for the tracker itself). */
  readonly event: string;
  /** The property path ("Products[0].SKU"), identity field or destination name. */
  readonly path: string;
  readonly kind: ViolationKind;
  readonly expected: string;
  readonly received: string;
}

function _tpMessage(v: Violation): string {
  const where = v.event ? v.event + ": " : "";
  return where + v.path + " must be " + v.expected + ", got " + v.received;
}

/** Thrown in dev and staging (strict) with every violation of one call. */
export class TrackingPlanViolationError extends Error {
  readonly violations: readonly Violation[];

  constructor(violations: readonly Violation[]) {
    super(violations.map(_tpMessage).join("; "));
    this.name = "TrackingPlanViolationError";
    this.violations = violations.slice();
    Object.setPrototypeOf(this, TrackingPlanViolationError.prototype);
  }
}

type _TpProps = { [name: string]: unknown };
type _TpIds = { readonly userId: string | null; readonly anonymousId: string | null };
type _TpFunction = (...args: unknown[]) => unknown;
// A destination's failure waiting to be raised or reported, or nothing.
type _TpOutcome = { readonly destination: string; readonly error: unknown } | undefined;

/** What came, for a violation: short, and never the whole of a large value. */
function _tpShow(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "string") {
    return JSON.stringify(value.length <= 40 ? value : value.slice(0, 37) + "...");
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  try {
    if (Array.isArray(value)) return "an array";
  } catch {
    // a revoked Proxy
  }
  return "a " + typeof value;
}

/**
 * An error for a violation: its name and the start of its message (SDK messages can
 * hold a whole payload). Never throws, whatever was thrown: a Proxy, a throwing getter,
 * a message that is no string.
 */
function _tpErrorText(error: unknown): string {
  try {
    const text = error instanceof Error ? String(error.name) + ": " + String(error.message) : _tpShow(error);
    return text.length <= 200 ? text : text.slice(0, 197) + "...";
  } catch {
    return "an error that cannot be shown";
  }
}

/** The method `name` of a destination object, or null: also when reading it throws. */
function _tpMethod(obj: object, name: string): _TpFunction | null {
  try {
    const found: unknown = (obj as { readonly [method: string]: unknown })[name];
    return typeof found === "function" ? (found as _TpFunction) : null;
  } catch {
    return null;
  }
}

// The helpers generated checks call. They are members of one object, so a module that
// needs only some of them has no unused declarations (`noUnusedLocals`).
const _tp = {
  /** A value of the wrong type, or a required value that is missing. */
  bad(v: Violation[], event: string, path: string, expected: string, value: unknown): void {
    const kind = value === undefined || value === null ? "required" : "type";
    v.push({ event, path, kind, expected, received: _tpShow(value) });
  },

  fail(
    v: Violation[],
    event: string,
    path: string,
    kind: ViolationKind,
    expected: string,
    value: unknown,
  ): void {
    v.push({ event, path, kind, expected, received: _tpShow(value) });
  },

  unknown(v: Violation[], event: string, path: string, key: string): void {
    v.push({
      event,
      path: path + "." + key,
      kind: "unknown",
      expected: "a sub-property of the plan",
      received: "a value",
    });
  },

  /** Fields of an event's argument that the event does not have (Python refuses them). */
  extra(v: Violation[], event: string, args: unknown, known: ReadonlySet<string>): void {
    let keys: string[];
    try {
      keys = typeof args === "object" && args !== null ? Object.keys(args) : [];
    } catch {
      return; // an argument that cannot be listed: its fields are checked one by one
    }
    for (const key of keys) {
      if (!known.has(key)) {
        v.push({ event, path: key, kind: "unknown", expected: "an argument of the event", received: "a value" });
      }
    }
  },

  /** A plain object (`{...}`, `Object.create(null)`): what JSON and a free-form object are. */
  isPlainObject(x: unknown): x is { readonly [key: string]: unknown } {
    if (typeof x !== "object" || x === null) return false;
    const prototype: unknown = Object.getPrototypeOf(x);
    return prototype === Object.prototype || prototype === null;
  },

  isObject(x: unknown): x is { readonly [key: string]: unknown } {
    return typeof x === "object" && x !== null && !Array.isArray(x);
  },

  /** An object's own value for `key`: never one inherited from Object.prototype. */
  own(o: { readonly [key: string]: unknown }, key: string): unknown {
    return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
  },

  isInt(x: unknown): x is number {
    return typeof x === "number" && Number.isInteger(x);
  },

  isNumber(x: unknown): x is number {
    return typeof x === "number" && Number.isFinite(x);
  },
};

const _TP_METHODS: readonly string[] = [
  "identify",
  "setUserProperties",
  "setGroup",
  "logEvent",
  "logPage",
  "revenue",
  "unidentify",
];
const _TP_ANY_METHOD: readonly string[] = _TP_METHODS.concat(["make"]);
const _TP_ENVS: readonly string[] = ["dev", "staging", "prod"];
const _TP_MAX_REPORTED = 100; // violations reported for one call; the rest are counted

interface _TpOptions {
  readonly env: Env;
  readonly destinations: { readonly [name: string]: unknown };
  readonly systemProperties?: unknown;
  readonly strict?: boolean;
  readonly noop?: boolean;
  readonly onViolation?: (violation: Violation) => void;
}

/** Destinations, modes and reporting shared by every generated tracker. */
class _TpCore {
  readonly prod: boolean;
  readonly strict: boolean;
  readonly noop: boolean;
  readonly system: _TpProps;
  private readonly onViolation: ((violation: Violation) => void) | undefined;
  private readonly methods: { [method: string]: [string, object, _TpFunction][] };

  constructor(
    options: _TpOptions,
    planDestinations: readonly string[],
    checkSystem: ((v: Violation[], value: unknown) => void) | null,
  ) {
    const opts: _TpOptions = Object(options);
    const env = opts.env;
    if (_TP_ENVS.indexOf(env) < 0) {
      throw new Error("env must be one of dev, staging, prod, got " + _tpShow(env));
    }
    this.prod = env === "prod";
    this.strict = opts.strict !== false && !this.prod;
    this.noop = opts.noop === true && !this.prod;
    this.onViolation = opts.onViolation;
    if (opts.noop === true && this.prod) {
      console.warn("trackplan: noop=true is ignored in prod; events are sent");
    }
    const problems: Violation[] = [];
    this.system = {};
    let objects: [string, object][] = [];
    try {
      const system = opts.systemProperties;
      this.system = _tp.isObject(system) ? Object.assign({}, system) : {};
      if (checkSystem !== null) checkSystem(problems, system);
      objects = this.destinations(problems, opts.destinations, planDestinations);
    } catch (error) {
      // an object that fails when read (a throwing getter, a Proxy): prod reports it
      // and goes on with what could be read
      this.internal("", error);
    }
    if (problems.length > 0) this.judge(problems);
    this.methods = {};
    for (const method of _TP_METHODS) {
      const found: [string, object, _TpFunction][] = [];
      for (const [name, obj] of objects) {
        const fn = _tpMethod(obj, method);
        if (fn !== null) found.push([name, obj, fn]);
      }
      this.methods[method] = found;
    }
    // noop calls no destination at all, make included
    for (const [name, obj] of this.noop ? [] : objects) {
      const make = _tpMethod(obj, "make");
      if (make === null) continue;
      try {
        this.settled("", name, make.call(obj, env));
      } catch (error) {
        this.failed("", name, error);
      }
    }
  }

  /** The destination objects of the plan's destinations, and the problems with them. */
  private destinations(
    problems: Violation[],
    destinations: unknown,
    planDestinations: readonly string[],
  ): [string, object][] {
    const given: { readonly [name: string]: unknown } = Object(destinations);
    const objects: [string, object][] = [];
    for (const name of planDestinations) {
      const obj = Object.prototype.hasOwnProperty.call(given, name) ? given[name] : undefined;
      if (typeof obj !== "object" || obj === null) {
        problems.push({
          event: "",
          path: name,
          kind: "destination",
          expected: "a destination object",
          received: obj === undefined ? "nothing" : _tpShow(obj),
        });
        continue;
      }
      // An object with no method of the protocol (a vendor SDK object no adapter took,
      // say) would silently receive nothing.
      if (_TP_ANY_METHOD.every((m) => _tpMethod(obj, m) === null)) {
        problems.push({
          event: "",
          path: name,
          kind: "destination",
          expected: "a destination object",
          received: "an object without logEvent or the like",
        });
        continue;
      }
      objects.push([name, obj]);
    }
    for (const name of Object.keys(given)) {
      if (planDestinations.indexOf(name) < 0) {
        problems.push({
          event: "",
          path: name,
          kind: "destination",
          expected: "a destination of this source",
          received: "unknown",
        });
      }
    }
    return objects;
  }

  /** Check server ids; return the usable ones (null for a missing or bad one). */
  ids(v: Violation[], event: string, anonymousId: unknown, userId: unknown, both: boolean): _TpIds {
    const aid = typeof anonymousId === "string" && anonymousId ? anonymousId : null;
    const uid = typeof userId === "string" && userId ? userId : null;
    const checks: [unknown, string | null, string][] = [
      [anonymousId, aid, "anonymousId_"],
      [userId, uid, "userId_"],
    ];
    for (const [value, good, path] of checks) {
      if (good === null && ((value !== undefined && value !== null) || both)) {
        _tp.fail(v, event, path, "identity", "a non-empty string", value);
      }
    }
    if (aid === null && uid === null && !both) {
      v.push({
        event,
        path: "anonymousId_ or userId_",
        kind: "identity",
        expected: "at least one id",
        received: "neither",
      });
    }
    return { userId: uid, anonymousId: aid };
  }

  /** Check a required user id (client Identify, legacy server API). */
  userId(v: Violation[], event: string, userId: unknown): string | null {
    if (typeof userId === "string" && userId) return userId;
    _tp.fail(v, event, "userId_", "identity", "a non-empty string", userId);
    return null;
  }

  /** Strict: throw every violation at once. Otherwise report each one. */
  /**
   * Strict: throw every violation at once. Otherwise report each one, up to
   * _TP_MAX_REPORTED for one call (a list of a million bad items must not become a
   * million log lines), then one line that says how many more there were.
   */
  judge(v: Violation[]): void {
    if (this.strict) throw new TrackingPlanViolationError(v);
    for (const violation of v.slice(0, _TP_MAX_REPORTED)) this.report(violation);
    if (v.length > _TP_MAX_REPORTED) {
      const text = "trackplan: " + v[0]!.event + ": " + String(v.length - _TP_MAX_REPORTED);
      (this.prod ? console.error : console.warn)(text + " more violations not reported");
    }
  }

  report(violation: Violation): void {
    const handler = this.onViolation;
    try {
      if (handler !== undefined) {
        handler(violation);
      } else if (this.prod) {
        console.error("trackplan: " + _tpMessage(violation));
      } else {
        console.warn("trackplan: " + _tpMessage(violation));
      }
    } catch (error) {
      if (!this.prod) throw error;
      console.error("trackplan: onViolation threw " + _tpErrorText(error));
    }
  }

  /** A destination threw: rethrow outside prod, report in prod. */
  failed(event: string, destination: string, error: unknown): void {
    if (!this.prod) throw error;
    this.report({
      event,
      path: destination,
      kind: "destination",
      expected: "no exception",
      received: _tpErrorText(error),
    });
  }

  /** Anything unexpected inside a tracking call: never thrown in prod. */
  internal(event: string, error: unknown): void {
    if (!this.prod) throw error;
    this.report({
      event,
      path: "",
      kind: "internal",
      expected: "no exception",
      received: _tpErrorText(error),
    });
  }

  /** What a destination returned: a Promise that fails is reported when it settles. */
  settled(event: string, destination: string, result: unknown): Promise<_TpOutcome> | null {
    if (typeof result !== "object" || result === null) return null;
    const then: unknown = (result as { then?: unknown }).then;
    if (typeof then !== "function") return null;
    return Promise.resolve(result as PromiseLike<unknown>).then(
      (): _TpOutcome => undefined,
      (error: unknown): _TpOutcome => {
        if (!this.prod) return { destination, error };
        this.failed(event, destination, error);
        return undefined;
      },
    );
  }

  /**
   * Call one destination method on every destination that has it.
   *
   * Each destination gets its own copy of the properties, so one that changes them
   * cannot change what the others receive. Server calls end with the ids.
   */
  call(
    event: string,
    method: string,
    head: readonly unknown[],
    props: _TpProps | null,
    ids: _TpIds | null,
    pending: Promise<_TpOutcome>[],
  ): void {
    for (const [name, obj, fn] of this.methods[method] || []) {
      const args = head.slice();
      if (props !== null) args.push(Object.assign({}, props));
      if (ids !== null) args.push({ userId: ids.userId, anonymousId: ids.anonymousId });
      try {
        const outcome = this.settled(event, name, fn.apply(obj, args));
        if (outcome !== null) pending.push(outcome);
      } catch (error) {
        this.failed(event, name, error);
      }
    }
  }

  /** A Promise that settles when every destination has: rejected with the first failure. */
  done(pending: Promise<_TpOutcome>[]): Promise<void> {
    return Promise.all(pending).then((outcomes) => {
      for (const outcome of outcomes) {
        if (outcome !== undefined) throw outcome.error;
      }
    });
  }

  /** A client call's destinations that return Promises: failures are reported. */
  detach(event: string, pending: Promise<_TpOutcome>[]): void {
    for (const outcome of pending) {
      outcome.then((o) => {
        if (o !== undefined) {
          this.report({
            event,
            path: o.destination,
            kind: "destination",
            expected: "no exception",
            received: _tpErrorText(o.error),
          });
        }
      });
    }
  }

  /** The end of a server call that threw: a rejected Promise outside prod. */
  fail(event: string, error: unknown, pending: Promise<_TpOutcome>[]): Promise<void> {
    try {
      this.internal(event, error);
    } catch (thrown) {
      // the destinations already called still settle; their failures are not reported
      return Promise.reject(thrown);
    }
    return this.done(pending);
  }
}
