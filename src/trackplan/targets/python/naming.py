"""Every Python identifier trackplan generates is decided here, once.

The rules are part of the public API (a rename breaks users' code), so the word lists
are frozen in this file instead of read from the running interpreter:

- event methods and arguments are snake_case, type names PascalCase;
- a name that is a keyword or a builtin gets a trailing underscore (`class_`, `id_`);
- a name that starts with a digit gets a leading underscore (`_1st_purchase`);
- identity and group arguments end with an underscore, so no property can take them.
"""

from __future__ import annotations

from trackplan import naming
from trackplan.targets import naming as names

KEYWORDS = frozenset(
    "False None True and as assert async await break class continue def del elif else "
    "except finally for from global if import in is lambda nonlocal not or pass raise "
    "return try while with yield match case type".split()
)

# The builtins of CPython 3.9 to 3.13; shadowing any of them inside generated code is
# avoided even where the generated code does not use that builtin.
BUILTINS = frozenset(
    """
    ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup
    BlockingIOError BrokenPipeError BufferError BytesWarning ChildProcessError
    ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError
    DeprecationWarning EOFError Ellipsis EncodingWarning EnvironmentError Exception
    ExceptionGroup FileExistsError FileNotFoundError FloatingPointError FutureWarning
    GeneratorExit IOError ImportError ImportWarning IndentationError IndexError
    InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError
    ModuleNotFoundError NameError NotADirectoryError NotImplemented NotImplementedError
    OSError OverflowError PendingDeprecationWarning PermissionError ProcessLookupError
    PythonFinalizationError RecursionError ReferenceError ResourceWarning RuntimeError
    RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning SystemError
    SystemExit TabError TimeoutError TypeError UnboundLocalError UnicodeDecodeError
    UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning
    ValueError Warning ZeroDivisionError abs aiter all anext any ascii bin bool breakpoint
    bytearray bytes callable chr classmethod compile complex copyright credits delattr
    dict dir divmod enumerate eval exec exit filter float format frozenset getattr
    globals hasattr hash help hex id input int isinstance issubclass iter len license
    list locals map max memoryview min next object oct open ord pow print property quit
    range repr reversed round set setattr slice sorted staticmethod str sum super tuple
    type vars zip self
    """.split()
)

# Module-level names of the generated module itself (runtime, typing imports).
MODULE_NAMES = frozenset(
    """
    Tracker TrackingPlanViolation Violation SystemProperties Env Any Callable Literal
    Mapping Sequence TypedDict TYPE_CHECKING Protocol Union Optional overload annotations
    logging math re
    """.split()
)

RESERVED = KEYWORDS | BUILTINS | MODULE_NAMES


def _adjust(identifier: str) -> str:
    return names.adjust(identifier, RESERVED)


def method_name(event: str) -> str:
    """'Order Completed' -> 'order_completed'."""
    return _adjust(naming.snake(event))


def argument_name(prop: str) -> str:
    """'Order ID' -> 'order_id'."""
    return _adjust(naming.snake(prop))


def type_name(*parts: str) -> str:
    """('Payment Method',) -> 'PaymentMethod'; ('Products', 'Item') -> 'ProductsItem'."""
    return _adjust("".join(naming.pascal(p) for p in parts))


def group_argument(group: str) -> str:
    """'Company' -> 'company_group_id_'."""
    return naming.snake(group) + "_group_id_"


ANONYMOUS_ID = "anonymous_id_"
USER_ID = "user_id_"
AMOUNT = "amount"


def origin_type_name(origin: tuple[str, ...]) -> str:
    """The type declared for an enum or object, from where it is defined in the plan."""
    return type_name(*names.origin_parts(origin))
