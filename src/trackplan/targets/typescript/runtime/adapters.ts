// Helpers shared by the built-in adapters for vendor SDKs, pasted once before them.
//
// A generated module never imports a vendor SDK. The object given in `destinations`
// for a vendor destination is recognised by its shape: it has every method the vendor
// SDK is known by, and none of the methods only trackplan's destination protocol has
// (so an object written for the protocol is always used as it is, whatever the kind).
// A few SDKs have a method of the protocol's name with a meaning of their own
// (Amplitude's `revenue(Revenue)`); their adapter names those as shared.

// The helpers are used by the adapter files; this keeps the file clean under noUnusedLocals.
export { _tpIsVendor, _tpAdapt };
export type { _TpAdapter };

// --- trackplan: inline below ---

/** Wraps a destination object in a built-in adapter, or returns null when it is not the SDK's. */
type _TpAdapter = (destination: unknown) => object | null;

// Methods of trackplan's protocol that a vendor SDK has only when its adapter says so.
const _TP_PROTOCOL_ONLY: readonly string[] = [
  "make",
  "setUserProperties",
  "setGroup",
  "logEvent",
  "logPage",
  "revenue",
  "unidentify",
];

/**
 * Whether `x` has every method in `vendor` and none that only the protocol has, apart
 * from the protocol names in `shared`, which this vendor's SDK has too.
 */
function _tpIsVendor(x: unknown, vendor: readonly string[], shared: readonly string[] = []): boolean {
  if ((typeof x !== "object" && typeof x !== "function") || x === null) return false;
  try {
    const o = x as { readonly [name: string]: unknown };
    for (const method of vendor) {
      if (typeof o[method] !== "function") return false;
    }
    for (const method of _TP_PROTOCOL_ONLY) {
      if (shared.indexOf(method) === -1 && typeof o[method] === "function") return false;
    }
    return true;
  } catch {
    // a getter or proxy that throws: not an SDK object this adapter knows
    return false;
  }
}

/** The tracker options with each vendor SDK object among the destinations wrapped. */
function _tpAdapt<T>(options: T, adapters: { readonly [name: string]: _TpAdapter }): T {
  try {
    const opts: { readonly destinations?: unknown } = Object(options);
    const given: { readonly [name: string]: unknown } = Object(opts.destinations);
    const destinations: { [name: string]: unknown } = {};
    let wrapped = false;
    for (const name of Object.keys(given)) {
      const obj = given[name];
      const adapter = Object.prototype.hasOwnProperty.call(adapters, name) ? adapters[name] : undefined;
      const adapted = adapter === undefined ? null : adapter(obj);
      destinations[name] = adapted === null ? obj : adapted;
      if (adapted !== null) wrapped = true;
    }
    if (!wrapped) return options;
    return Object.assign({}, opts, { destinations }) as unknown as T;
  } catch {
    // options that fail when read: the tracker reports what it cannot read
    return options;
  }
}
