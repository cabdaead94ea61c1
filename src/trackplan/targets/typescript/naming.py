"""Every TypeScript identifier trackplan generates is decided here, once.

The rules are part of the public API (a rename breaks users' code), so the word lists
are frozen in this file:

- event methods and argument fields are camelCase, type names PascalCase;
- a name that is a reserved word, a strict-mode restricted name, a global the generated
  code relies on, or an `Object.prototype` member (`constructor`, `toString`) gets a
  trailing underscore (`default_`, `constructor_`);
- a name that starts with a digit gets a leading underscore (`_1stPurchase`);
- identity and group fields end with an underscore, so no property can take them.
"""

from __future__ import annotations

from trackplan import naming
from trackplan.targets import naming as names

# ECMAScript reserved words, strict-mode reserved words, and TypeScript's contextual
# keywords (kept out so generated code reads unambiguously in every position).
KEYWORDS = frozenset(
    """
    break case catch class const continue debugger default delete do else enum export
    extends false finally for function if import in instanceof new null return super
    switch this throw true try typeof var void while with yield let static implements
    interface package private protected public await async abstract as any asserts
    bigint boolean declare get infer is keyof module namespace never number object of
    readonly require satisfies set string symbol type undefined unique unknown accessor
    out override global from constructor
    """.split()
)

# Names that cannot be bound in strict mode or that the generated code reads.
GLOBALS = frozenset(
    """
    arguments eval NaN Infinity globalThis console
    toString toLocaleString valueOf hasOwnProperty isPrototypeOf propertyIsEnumerable
    """.split()
)

# Type and value names declared by the generated module or read from the global scope.
MODULE_NAMES = frozenset(
    """
    Tracker TrackerOptions TrackingPlanViolationError Violation ViolationKind Env
    ClientDestination ServerDestination DestinationIds SystemProperties
    Array Boolean Date Error Function JSON Map Math Number Object Partial Promise
    PromiseLike Readonly ReadonlyArray Record RegExp Set String Symbol
    """.split()
)

RESERVED = KEYWORDS | GLOBALS | MODULE_NAMES


def _adjust(identifier: str) -> str:
    return names.adjust(identifier, RESERVED)


def method_name(event: str) -> str:
    """'Order Completed' -> 'orderCompleted'."""
    return _adjust(naming.camel(event))


def argument_name(prop: str) -> str:
    """'Order ID' -> 'orderId'."""
    return _adjust(naming.camel(prop))


def type_name(*parts: str) -> str:
    """('Payment Method',) -> 'PaymentMethod'; ('Products', 'Item') -> 'ProductsItem'."""
    return _adjust("".join(naming.pascal(p) for p in parts))


def group_argument(group: str) -> str:
    """'Company' -> 'companyGroupId_'."""
    return naming.camel(group) + "GroupId_"


ANONYMOUS_ID = "anonymousId_"
USER_ID = "userId_"
AMOUNT = "amount"
SYSTEM_PROPERTIES = "systemProperties"


def origin_type_name(origin: tuple[str, ...]) -> str:
    """The type declared for an enum or object, from where it is defined in the plan."""
    return type_name(*names.origin_parts(origin))
