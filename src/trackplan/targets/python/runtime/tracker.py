"""The part of every generated Python module that does not vary with the plan.

Everything below the marker line is pasted into generated modules, after their imports;
it is tested here as a module of its own. Names that are not part of the generated API
start with `_tp_` / `_Tp` so they can never collide with a name from the plan.
"""

from __future__ import annotations

import logging
import math
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Literal, NamedTuple

# --- trackplan: inline below ---

Env = Literal["dev", "staging", "prod"]

_tp_log = logging.getLogger("trackplan")
_tp_isfinite = math.isfinite


class Violation(NamedTuple):
    """One way a tracking call broke the plan, or one destination that failed."""

    event: str
    """The event's name as written in the plan ("" for the tracker itself)."""
    path: str
    """The property path ("Products[0].SKU"), identity argument or destination name."""
    kind: str
    """type, required, enum, min, max, regex, unknown, identity or destination."""
    expected: str
    received: str

    @property
    def message(self) -> str:
        where = f"{self.event}: " if self.event else ""
        return f"{where}{self.path} must be {self.expected}, got {self.received}"


class TrackingPlanViolation(ValueError):
    """Raised in dev and staging (strict) with every violation of one call."""

    def __init__(self, violations: Sequence[Violation]) -> None:
        self.violations: tuple[Violation, ...] = tuple(violations)
        super().__init__("; ".join(v.message for v in self.violations))


def _tp_show(value: object) -> str:
    """What came, for a violation: short, and never the repr of a large object.

    Only values of the exact built-in types are shown; a subclass's own methods may
    fail or lie, and showing a value must never raise.
    """
    kind = type(value)
    if value is None or kind is bool or kind is float:
        return repr(value)
    if kind is int and isinstance(value, int):
        return repr(value) if -(10**40) < value < 10**40 else "a very large int"
    if kind is str and isinstance(value, str):
        return repr(value) if len(value) <= 40 else repr(value[:37]) + "..."
    return f"a {kind.__name__}"


def _tp_error(exc: BaseException) -> str:
    """An exception for a violation: its type and the start of its message only, since
    SDK messages can hold a whole payload (user ids, every property)."""
    try:
        text = f"{type(exc).__name__}: {exc}"
    except Exception:  # noqa: BLE001
        text = f"{type(exc).__name__} (its message cannot be shown)"
    return text if len(text) <= 200 else text[:197] + "..."


def _tp_bad(
    v: list[Violation], event: str, path: str, expected: str, value: object
) -> None:
    """A value of the wrong type, or a required value that is missing."""
    kind = "required" if value is None else "type"
    v.append(Violation(event, path, kind, expected, _tp_show(value)))


def _tp_fail(
    v: list[Violation], event: str, path: str, kind: str, expected: str, value: object
) -> None:
    v.append(Violation(event, path, kind, expected, _tp_show(value)))


def _tp_unknown(v: list[Violation], event: str, path: str, key: object) -> None:
    v.append(
        Violation(
            event, f"{path}.{key}", "unknown", "a sub-property of the plan", "a value"
        )
    )


def _tp_is_int(x: object) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _tp_is_number(x: object) -> bool:
    if isinstance(x, float):
        return _tp_isfinite(x)
    return isinstance(x, int) and not isinstance(x, bool)


def _tp_number_ok(x: float) -> bool:
    """An int or float is a number unless it is a bool, NaN or infinite."""
    if isinstance(x, float):
        return _tp_isfinite(x)
    return not isinstance(x, bool)


_TP_METHODS = (
    "identify",
    "set_user_properties",
    "set_group",
    "log_event",
    "log_page",
    "revenue",
    "unidentify",
)
_TP_ANY_METHOD = (*_TP_METHODS, "make", "check_identity")
# Methods only trackplan's protocol has: an object with one is never wrapped.
_TP_PROTOCOL_ONLY = (
    "make",
    "log_event",
    "log_page",
    "set_user_properties",
    "unidentify",
    "check_identity",
)
_TP_ENVS = ("dev", "staging", "prod")
_TP_MAX_REPORTED = 100  # violations reported for one call; the rest are counted


def _tp_method(obj: object, name: str) -> Callable[..., Any] | None:
    """The method `name` of a destination object, or None: also when reading it fails."""
    try:
        found = getattr(obj, name, None)
    except Exception:  # noqa: BLE001
        return None
    return found if callable(found) else None


def _tp_is_sdk_client(obj: object, classes: Sequence[tuple[str, str]]) -> bool:
    """Whether `obj` is an instance of one of the SDK's classes and not a protocol object.

    The classes are looked up among the modules already imported, never imported: an
    object of a class is only there if its module is.
    """
    if any(_tp_method(obj, m) is not None for m in _TP_PROTOCOL_ONLY):
        return False
    for module, name in classes:
        cls = getattr(sys.modules.get(module), name, None)
        if isinstance(cls, type) and isinstance(obj, cls):
            return True
    return False


_TP_NO_ID = Violation(
    "", "anonymous_id_ or user_id_", "identity", "at least one id", "neither"
)


class _TpCore:
    """Destinations, modes and reporting shared by every generated tracker."""

    _tp_events: tuple[tuple[str, str], ...] = ()  # (method, event name) of each event

    def __init__(
        self,
        env: Env,
        destinations: Mapping[str, object],
        system_properties: Mapping[str, object] | None,
        strict: bool,
        noop: bool,
        on_violation: Callable[[Violation], None] | None,
        plan_destinations: Sequence[tuple[str, str, Mapping[str, str]]],
        adapters: Mapping[str, Any],
    ) -> None:
        if env not in _TP_ENVS:
            raise ValueError(f"env must be one of {', '.join(_TP_ENVS)}, got {env!r}")
        self._tp_prod = env == "prod"
        self._tp_strict = strict and not self._tp_prod
        self._tp_noop = noop and not self._tp_prod
        self._tp_on_violation = on_violation
        if noop and self._tp_prod:
            _tp_log.warning("trackplan: noop=True is ignored in prod; events are sent")
        problems: list[Violation] = []
        self._tp_system: dict[str, object] = {}
        objects: list[tuple[str, object]] = []
        try:
            if isinstance(system_properties, Mapping):
                self._tp_system = dict(system_properties)
            self._tp_check_system(problems, system_properties)
            objects = self._tp_destinations(
                problems, destinations, plan_destinations, adapters
            )
        except TrackingPlanViolation:
            raise
        except Exception as exc:  # noqa: BLE001
            # a mapping or object that fails when read: prod reports it and goes on
            # with what could be read
            self._tp_internal("", exc)
        if problems:
            self._tp_judge(problems)
        self._tp_methods: dict[str, tuple[tuple[str, Callable[..., Any]], ...]] = {}
        for method in (*_TP_METHODS, "check_identity"):
            found = ((name, _tp_method(obj, method)) for name, obj in objects)
            self._tp_methods[method] = tuple((n, f) for n, f in found if f is not None)
        self._tp_identity_checks = self._tp_methods["check_identity"]
        self._tp_log_event = self._tp_methods["log_event"]
        if self._tp_prod:
            for method, event in self._tp_events:
                self._tp_guard(method, event)
        for name, obj in () if self._tp_noop else objects:
            make = _tp_method(obj, "make")
            if make is not None:
                try:
                    make(env)
                except Exception as exc:  # noqa: BLE001
                    self._tp_failed("", name, exc)

    def _tp_destinations(
        self,
        problems: list[Violation],
        destinations: Mapping[str, object],
        plan_destinations: Sequence[tuple[str, str, Mapping[str, str]]],
        adapters: Mapping[str, Any],
    ) -> list[tuple[str, object]]:
        """The destination objects, wrapped where an adapter knows them; problems."""
        if not isinstance(destinations, Mapping):
            problems.append(
                Violation(
                    "",
                    "destinations",
                    "type",
                    "a mapping of destination names to objects",
                    _tp_show(destinations),
                )
            )
            destinations = {}
        objects: list[tuple[str, object]] = []
        for name, kind, options in plan_destinations:
            if name not in destinations:
                problems.append(
                    Violation(
                        "", name, "destination", "a destination object", "nothing"
                    )
                )
                continue
            obj = destinations[name]
            adapter = adapters.get(kind)
            if adapter is not None and _tp_is_sdk_client(obj, adapter.classes):
                try:
                    obj = adapter(obj, options)
                except Exception as exc:  # noqa: BLE001
                    self._tp_failed("", name, exc)
                    continue
            # Not wrapped: it must be written for the protocol. For a vendor kind that
            # means a method only the protocol has (an SDK module or an object the
            # adapter does not know would otherwise get some calls and lose the rest).
            methods = _TP_ANY_METHOD if adapter is None else _TP_PROTOCOL_ONLY
            if all(_tp_method(obj, m) is None for m in methods):
                expected = (
                    f"a {kind} SDK client or a destination object"
                    if adapter is not None
                    else "a destination object"
                )
                received = f"a {type(obj).__name__} without log_event or the like"
                problems.append(Violation("", name, "destination", expected, received))
                continue
            objects.append((name, obj))
        known = {name for name, _, _ in plan_destinations}
        for name in destinations:
            if name not in known:
                problems.append(
                    Violation(
                        "",
                        str(name),
                        "destination",
                        "a destination of this source",
                        "unknown",
                    )
                )
        return objects

    def _tp_guard(self, method: str, event: str) -> None:
        """In prod, shadow an event method with one that cannot raise.

        The method already reports what goes wrong inside it. A call Python refuses
        before the method runs (a missing, unknown or positional argument) is mended
        instead: a missing argument is passed as None, so the method reports it as it
        reports any missing value and still sends the event; an unknown or positional
        one is reported and left out.
        """
        fn = getattr(self, method)
        code = fn.__func__.__code__
        names = code.co_varnames[
            code.co_argcount : code.co_argcount + code.co_kwonlyargcount
        ]
        defaults = fn.__func__.__kwdefaults__ or {}
        required = tuple(name for name in names if name not in defaults)
        known = frozenset(names)

        def guarded(*args: Any, **kwargs: Any) -> None:
            try:
                fn(*args, **kwargs)
            except TypeError as exc:
                # Refused before the method ran: nothing was sent, so mend and call.
                if (
                    args
                    or not known.issuperset(kwargs)
                    or not all(name in kwargs for name in required)
                ):
                    self._tp_mended(event, fn, args, kwargs, known, required)
                else:
                    self._tp_internal(event, exc)
            except Exception as exc:  # noqa: BLE001
                self._tp_internal(event, exc)

        setattr(self, method, guarded)

    def _tp_mended(
        self,
        event: str,
        fn: Callable[..., None],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        known: frozenset[str],
        required: tuple[str, ...],
    ) -> None:
        """Report what Python refused in a prod call, then make the call it can."""
        if args:
            received = f"{len(args)} positional argument(s)"
            self._tp_report(
                Violation(event, "", "unknown", "keyword arguments only", received)
            )
        mended: dict[str, Any] = dict.fromkeys(required)
        for name, value in kwargs.items():
            if name in known:
                mended[name] = value
            else:
                self._tp_report(
                    Violation(
                        event, name, "unknown", "an argument of the event", "a value"
                    )
                )
        try:
            fn(**mended)
        except Exception as exc:  # noqa: BLE001
            self._tp_internal(event, exc)

    def _tp_check_system(
        self, _v: list[Violation], _x: Mapping[str, object] | None
    ) -> None:
        """Overridden (same parameter names) by trackers with system properties."""

    def _tp_ids(
        self,
        v: list[Violation],
        event: str,
        anonymous_id: object,
        user_id: object,
        both: bool,
    ) -> tuple[str | None, str | None]:
        """Check server ids; return the usable ones (None for a missing or bad one)."""
        aid = anonymous_id if type(anonymous_id) is str and anonymous_id else None
        uid = user_id if type(user_id) is str and user_id else None
        if (
            (aid is None and (anonymous_id is not None or both))
            or (uid is None and (user_id is not None or both))
            or (aid is None and uid is None)
        ):
            self._tp_bad_ids(v, event, anonymous_id, user_id, both)
            # a str subclass (rare) is a usable id too; only the fast path skipped it
            aid = (
                anonymous_id if isinstance(anonymous_id, str) and anonymous_id else None
            )
            uid = user_id if isinstance(user_id, str) and user_id else None
        if self._tp_identity_checks:
            self._tp_check_ids(v, event, aid, uid)
        return aid, uid

    def _tp_bad_ids(
        self,
        v: list[Violation],
        event: str,
        anonymous_id: object,
        user_id: object,
        both: bool,
    ) -> None:
        for value, path in ((anonymous_id, "anonymous_id_"), (user_id, "user_id_")):
            good = isinstance(value, str) and value
            if not good and (value is not None or both):
                v.append(
                    Violation(
                        event, path, "identity", "a non-empty string", _tp_show(value)
                    )
                )
        usable = (isinstance(anonymous_id, str) and anonymous_id) or (
            isinstance(user_id, str) and user_id
        )
        if not both and not usable:
            v.append(_TP_NO_ID._replace(event=event))

    def _tp_check_ids(
        self, v: list[Violation], event: str, aid: str | None, uid: str | None
    ) -> None:
        """Ask destinations with rules of their own about the ids (Amplitude's length)."""
        for name, check in self._tp_identity_checks:
            try:
                for problem in check(user_id=uid, anonymous_id=aid):
                    v.append(
                        Violation(event, name, "identity", "ids it accepts", problem)
                    )
            except Exception as exc:  # noqa: BLE001
                self._tp_failed(event, name, exc)

    def _tp_legacy_id(
        self, v: list[Violation], event: str, user_id: object
    ) -> str | None:
        """Check the user id of the legacy server API."""
        if isinstance(user_id, str) and user_id:
            return user_id
        v.append(
            Violation(
                event, "user_id_", "identity", "a non-empty string", _tp_show(user_id)
            )
        )
        return None

    def _tp_judge(self, v: list[Violation]) -> None:
        """Strict: raise every violation at once. Otherwise report each one, up to
        _TP_MAX_REPORTED for one call (a list of a million bad items must not become a
        million log lines), then one line that says how many more there were."""
        if self._tp_strict:
            raise TrackingPlanViolation(v)
        for violation in v[:_TP_MAX_REPORTED]:
            self._tp_report(violation)
        if len(v) > _TP_MAX_REPORTED:
            more = len(v) - _TP_MAX_REPORTED
            log = _tp_log.error if self._tp_prod else _tp_log.warning
            log("trackplan: %s: %d more violations not reported", v[0].event, more)

    def _tp_report(self, violation: Violation) -> None:
        handler = self._tp_on_violation
        try:
            if handler is not None:
                handler(violation)
            elif self._tp_prod:
                _tp_log.error("trackplan: %s", violation.message)
            else:
                _tp_log.warning("trackplan: %s", violation.message)
        except Exception:
            if not self._tp_prod:
                raise
            _tp_log.exception("trackplan: on_violation raised")

    def _tp_failed(self, event: str, destination: str, exc: Exception) -> None:
        """A destination raised: re-raise outside prod, report in prod."""
        if not self._tp_prod:
            raise exc
        received = _tp_error(exc)
        self._tp_report(
            Violation(event, destination, "destination", "no exception", received)
        )

    def _tp_internal(self, event: str, exc: Exception) -> None:
        """Anything unexpected inside a tracking call: never raised in prod."""
        if not self._tp_prod:
            raise exc
        received = _tp_error(exc)
        self._tp_report(Violation(event, "", "internal", "no exception", received))

    def _tp_call(
        self,
        event: str,
        method: str,
        head: tuple[Any, ...],
        props: dict[str, Any] | None,
        uid: str | None,
        aid: str | None,
    ) -> None:
        """Call one protocol method on every destination that has it.

        Each destination gets its own copy of the properties, so one that changes them
        cannot change what the others receive.
        """
        for name, fn in self._tp_methods[method]:
            try:
                if props is None:
                    fn(*head, user_id=uid, anonymous_id=aid)
                else:
                    fn(*head, dict(props), user_id=uid, anonymous_id=aid)
            except Exception as exc:  # noqa: BLE001
                self._tp_failed(event, name, exc)

    def _tp_log(
        self, event: str, props: dict[str, Any], uid: str | None, aid: str | None
    ) -> None:
        """`log_event` on every destination: the call nearly every event makes."""
        for name, fn in self._tp_log_event:
            try:
                fn(event, dict(props), user_id=uid, anonymous_id=aid)
            except Exception as exc:  # noqa: BLE001
                self._tp_failed(event, name, exc)

    def _tp_identify(self, event: str, uid: str | None, aid: str | None) -> None:
        # identify needs a user id; without one (a violation, already reported) it is skipped
        if uid is not None:
            self._tp_call(event, "identify", (), None, uid, aid)
