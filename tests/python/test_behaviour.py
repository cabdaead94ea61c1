"""The generated Python tracker, driven with recording destinations."""

from __future__ import annotations

import logging
from types import ModuleType
from typing import Any

import pytest

from tests.python.conftest import make
from tests.support.recording import Recorder, load_golden

BOTH = ("rec", "other")
SYSTEM = {"App Version": "1.2.3"}


def rec(log: list) -> list:
    """The calls the destination named rec received."""
    return [c for c in log if c[0] == "rec"]


def kinds(exc: pytest.ExceptionInfo[Any]) -> list[tuple[str, str]]:
    return [(v.path, v.kind) for v in exc.value.violations]


# -- order and payloads -----------------------------------------------------------------


def test_identify_event_calls_each_action_in_contract_order(
    actions: ModuleType, log: list
) -> None:
    t = make(actions, log, BOTH, env="dev")
    t.signed_up(
        email="a@example.com", plan="pro", anonymous_id_="anon-1", user_id_="user-1"
    )
    assert log == [
        ("rec", "identify", "user-1", "anon-1"),
        ("other", "identify", "user-1", "anon-1"),
        (
            "rec",
            "set_user_properties",
            {"Email": "a@example.com", "Plan": "pro"},
            "user-1",
            "anon-1",
        ),
        (
            "other",
            "set_user_properties",
            {"Email": "a@example.com", "Plan": "pro"},
            "user-1",
            "anon-1",
        ),
        ("rec", "log_event", "Signed Up", {}, "user-1", "anon-1"),
        ("other", "log_event", "Signed Up", {}, "user-1", "anon-1"),
    ]


def test_optional_user_property_left_out_is_not_sent(
    actions: ModuleType, log: list
) -> None:
    t = make(actions, log, env="dev")
    t.signed_up(email="a@example.com", anonymous_id_="anon-1", user_id_="user-1")
    assert (
        "rec",
        "set_user_properties",
        {"Email": "a@example.com"},
        "user-1",
        "anon-1",
    ) in log


def test_page_revenue_groups_and_unidentify(actions: ModuleType, log: list) -> None:
    t = make(actions, log, env="dev")
    t.home_viewed(path="/", user_id_="u1")
    t.pricing_viewed(anonymous_id_="a1")
    t.order_completed(order_id="o-1", amount=12.5, user_id_="u1")
    t.team_joined(
        company_group_id_="acme", team_group_id_="t-9", role="admin", user_id_="u1"
    )
    t.logged_out(user_id_="u1")
    assert rec(log) == [
        ("rec", "log_page", "Home", {"Path": "/"}, "u1", None),
        ("rec", "log_event", "Pricing Viewed", {}, None, "a1"),
        ("rec", "log_page", "Pricing Viewed", {}, None, "a1"),
        ("rec", "log_event", "Order Completed", {"Order ID": "o-1"}, "u1", None),
        ("rec", "revenue", 12.5, {"Order ID": "o-1"}, "u1", None),
        ("rec", "set_group", "Company", "acme", "u1", None),
        ("rec", "set_group", "Team", "t-9", "u1", None),
        ("rec", "log_event", "Team Joined", {"Role": "admin"}, "u1", None),
        ("rec", "log_event", "Logged Out", {}, "u1", None),
        ("rec", "unidentify", "u1", None),
    ]


def test_pinned_and_system_properties_are_in_every_payload(
    types_: ModuleType, log: list
) -> None:
    t = make(
        types_, log, env="dev", system_properties={"App Version": "2.0.0", "Build": 7}
    )
    t.everything_happened(
        name="n", payment_method="card", quantity=3, total=9.5, gift=False, user_id_="u"
    )
    (_, _, event, props, *_ids) = log[0]
    assert event == "Everything Happened"
    assert props == {
        "Name": "n",
        "Payment Method": "card",
        "Quantity": 3,
        "Total": 9.5,
        "Gift": False,
        "Channel": "web",
        "Source": "checkout",
        "Version": 3,
        "Flags": {"beta": True, "list": [1, 2]},
        "App Version": "2.0.0",
        "Build": 7,
    }


def test_each_destination_gets_its_own_copy(actions: ModuleType) -> None:
    seen: list[dict[str, Any]] = []

    class Mutating:
        def log_event(self, name: str, props: dict[str, Any], **ids: Any) -> None:
            props["Injected"] = True

    class Watching:
        def log_event(self, name: str, props: dict[str, Any], **ids: Any) -> None:
            seen.append(props)

    t = actions.Tracker(
        env="dev", destinations={"rec": Mutating(), "other": Watching()}
    )
    t.order_completed(order_id="o", amount=1, user_id_="u")
    assert seen == [{"Order ID": "o"}]


def test_destination_without_a_method_is_skipped(actions: ModuleType) -> None:
    got: list[str] = []

    class OnlyLogs:
        def log_event(self, name: str, props: dict[str, Any], **ids: Any) -> None:
            got.append(name)

    t = actions.Tracker(
        env="dev", destinations={"rec": OnlyLogs(), "other": OnlyLogs()}
    )
    t.signed_up(email="e", anonymous_id_="a", user_id_="u")
    assert got == ["Signed Up", "Signed Up"]


def test_make_is_called_with_env(actions: ModuleType, log: list) -> None:
    actions.Tracker(env="staging", destinations={n: Recorder(n, log) for n in BOTH})
    assert log == [("rec", "make", "staging"), ("other", "make", "staging")]


# -- identity ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ids", "sent"),
    [
        ({"anonymous_id_": "a1"}, (None, "a1")),
        ({"user_id_": "u1"}, ("u1", None)),
        ({"anonymous_id_": "a1", "user_id_": "u1"}, ("u1", "a1")),
    ],
    ids=["anonymous", "identified", "both"],
)
def test_server_identity_matrix(
    actions: ModuleType, log: list, ids: dict, sent: tuple
) -> None:
    t = make(actions, log, env="dev")
    t.button_clicked(**ids)
    assert rec(log) == [("rec", "log_event", "Button Clicked", {}, *sent)]


@pytest.mark.parametrize("ids", [{}, {"anonymous_id_": "", "user_id_": None}])
def test_neither_id_raises_in_strict(actions: ModuleType, log: list, ids: dict) -> None:
    t = make(actions, log, env="dev")
    with pytest.raises(actions.TrackingPlanViolation) as exc:
        t.button_clicked(**ids)
    assert ("anonymous_id_ or user_id_", "identity") in kinds(exc)
    assert log == []


@pytest.mark.parametrize("env", ["prod", "staging"])
def test_neither_id_is_reported_and_sent_nowhere(
    actions: ModuleType, log: list, env: str
) -> None:
    reported: list[Any] = []
    t = make(actions, log, env=env, strict=False, on_violation=reported.append)
    t.button_clicked()
    assert [(v.path, v.kind) for v in reported] == [
        ("anonymous_id_ or user_id_", "identity")
    ]
    assert log == []


@pytest.mark.parametrize("missing", ["anonymous_id_", "user_id_"])
@pytest.mark.parametrize("value", [None, ""])
def test_identify_needs_both_ids(
    actions: ModuleType, log: list, missing: str, value: Any
) -> None:
    ids = {"anonymous_id_": "a1", "user_id_": "u1", missing: value}
    t = make(actions, log, env="dev")
    with pytest.raises(actions.TrackingPlanViolation) as exc:
        t.logged_in(**ids)
    assert kinds(exc) == [(missing, "identity")]
    assert log == []
    del ids[missing]
    with pytest.raises(TypeError, match=missing):  # Python itself refuses the call
        t.logged_in(**ids)


def test_identify_in_prod_without_anonymous_id_still_logs(
    actions: ModuleType, log: list
) -> None:
    reported: list[Any] = []
    t = make(actions, log, env="prod", on_violation=reported.append)
    t.logged_in(anonymous_id_=None, user_id_="u1")
    assert [(v.path, v.kind) for v in reported] == [("anonymous_id_", "identity")]
    assert rec(log) == [
        ("rec", "identify", "u1", None),
        ("rec", "log_event", "Logged In", {}, "u1", None),
    ]


def test_identify_in_prod_without_user_id_skips_identify(
    actions: ModuleType, log: list
) -> None:
    t = make(actions, log, env="prod", on_violation=lambda v: None)
    t.logged_in(anonymous_id_="a1", user_id_="")
    assert rec(log) == [("rec", "log_event", "Logged In", {}, None, "a1")]


def test_legacy_plan_takes_user_id_only(log: list) -> None:
    legacy = load_golden("legacy")
    t = make(legacy, log, env="dev")
    t.signed_up(user_id_="u1")
    t.page_opened(path="/", user_id_="u1")
    assert log == [
        ("rec", "identify", "u1", None),
        ("rec", "log_event", "Signed Up", {}, "u1", None),
        ("rec", "log_event", "Page Opened", {"Path": "/"}, "u1", None),
    ]
    with pytest.raises(TypeError):
        t.page_opened(path="/", anonymous_id_="a1", user_id_="u1")
    with pytest.raises(legacy.TrackingPlanViolation) as exc:
        t.page_opened(path="/", user_id_="")
    assert kinds(exc) == [("user_id_", "identity")]


def test_forced_feature_gives_the_current_api(log: list) -> None:
    forced = load_golden("legacy_forced")
    t = make(forced, log, env="dev")
    t.signed_up(anonymous_id_="a1", user_id_="u1")
    t.page_opened(path="/", anonymous_id_="a1")
    assert log == [
        ("rec", "identify", "u1", "a1"),
        ("rec", "log_event", "Signed Up", {}, "u1", "a1"),
        ("rec", "log_event", "Page Opened", {"Path": "/"}, None, "a1"),
    ]


# -- violations ---------------------------------------------------------------------------


BAD_CALL = {
    "name": 5,
    "coupon": "ab",
    "payment_method": "cash",
    "quantity": 0,
    "rating": True,
    "total": float("nan"),
    "ratio": 2,
    "gift": 1,
    "always": False,
    "tags": "not-a-list",
    "sizes": ["S", "XL"],
    "matrix": [[1, -1], "x"],
    "products": [{"Price": -1, "Options": {"Color": "green"}, "Extra": 1}, 3],
    "address": {"Street": "Main", "Zip": "1234"},
    "empty_object": {"surprise": 1},
    "user_id_": "u",
}
BAD_CALL_VIOLATIONS = [
    ("Name", "type"),
    ("Coupon", "regex"),
    ("Payment Method", "enum"),
    ("Quantity", "min"),
    ("Rating", "type"),
    ("Total", "type"),
    ("Ratio", "max"),
    ("Gift", "type"),
    ("Always", "enum"),
    ("Tags", "type"),
    ("Sizes[1]", "enum"),
    ("Matrix[0][1]", "min"),
    ("Matrix[1]", "type"),
    ("Products[0].SKU", "required"),
    ("Products[0].Price", "min"),
    ("Products[0].Options.Color", "enum"),
    ("Products[0].Extra", "unknown"),
    ("Products[1]", "type"),
    ("Address.Zip", "regex"),
    ("Empty Object.surprise", "unknown"),
]


def test_strict_lists_every_violation_and_sends_nothing(
    types_: ModuleType, log: list
) -> None:
    t = make(types_, log, env="dev", system_properties=SYSTEM)
    with pytest.raises(types_.TrackingPlanViolation) as exc:
        t.everything_happened(**BAD_CALL)
    assert kinds(exc) == BAD_CALL_VIOLATIONS
    assert all(v.event == "Everything Happened" for v in exc.value.violations)
    assert log == []


def test_violation_names_what_was_expected_and_what_came(
    types_: ModuleType, log: list
) -> None:
    t = make(types_, log, env="dev", system_properties=SYSTEM)
    with pytest.raises(types_.TrackingPlanViolation) as exc:
        t.everything_happened(
            name="n",
            payment_method="cash",
            quantity=101,
            total=1,
            gift=True,
            user_id_="u",
        )
    first, second = exc.value.violations
    assert first == types_.Violation(
        "Everything Happened",
        "Payment Method",
        "enum",
        "one of 'card', 'paypal', 'gift card'",
        "'cash'",
    )
    assert second.message == "Everything Happened: Quantity must be <= 100, got 101"
    assert "Quantity must be <= 100" in str(exc.value)


def test_non_strict_reports_each_violation_and_sends(
    types_: ModuleType, log: list
) -> None:
    reported: list[Any] = []
    t = make(
        types_,
        log,
        env="staging",
        strict=False,
        system_properties=SYSTEM,
        on_violation=reported.append,
    )
    t.everything_happened(**BAD_CALL)
    assert [(v.path, v.kind) for v in reported] == BAD_CALL_VIOLATIONS
    assert len(log) == 1


def test_non_strict_default_reporter_logs_a_warning(
    types_: ModuleType, log: list, caplog: pytest.LogCaptureFixture
) -> None:
    t = make(types_, log, env="dev", strict=False, system_properties=SYSTEM)
    with caplog.at_level(logging.WARNING, logger="trackplan"):
        t.everything_happened(
            name="n",
            payment_method="cash",
            quantity=1,
            total=1,
            gift=True,
            user_id_="u",
        )
    assert [r.levelname for r in caplog.records] == ["WARNING"]
    assert "Payment Method must be one of" in caplog.records[0].getMessage()


def test_prod_default_reporter_logs_an_error(
    types_: ModuleType, log: list, caplog: pytest.LogCaptureFixture
) -> None:
    t = make(types_, log, env="prod", system_properties=SYSTEM)
    with caplog.at_level(logging.WARNING, logger="trackplan"):
        t.everything_happened(
            name="n",
            payment_method="cash",
            quantity=1,
            total=1,
            gift=True,
            user_id_="u",
        )
    assert [r.levelname for r in caplog.records] == ["ERROR"]
    assert len(log) == 1


def test_required_arguments_given_as_none(types_: ModuleType, log: list) -> None:
    t = make(types_, log, env="dev", system_properties=SYSTEM)
    with pytest.raises(types_.TrackingPlanViolation) as exc:
        t.required_things(
            metadata=None, products=None, address=None, attributes=None, user_id_="u"
        )
    assert kinds(exc) == [
        ("Metadata", "required"),
        ("Products", "required"),
        ("Address", "required"),
        ("Attributes", "required"),
    ]


FREE = {"any key": 1, "nested": {"x": [1, None]}, "": "empty key too"}


def test_an_object_without_properties_takes_any_keys(
    types_: ModuleType, log: list
) -> None:
    t = make(types_, log, env="dev", system_properties=SYSTEM)
    t.everything_happened(
        name="n",
        payment_method="card",
        quantity=1,
        total=1,
        gift=True,
        attributes=FREE,
        settings={"Theme": "dark", "Extra": {"k": "v"}},
        payloads=[FREE, {}],
        empty_object={},
        user_id_="u",
    )
    [(_, _, _, props, _, _)] = rec(log)
    assert props["Attributes"] == FREE
    assert props["Settings"] == {"Theme": "dark", "Extra": {"k": "v"}}
    assert props["Payloads"] == [FREE, {}]
    assert props["Empty Object"] == {}


@pytest.mark.parametrize(
    ("args", "found"),
    [
        ({"empty_object": {"surprise": 1}}, ("Empty Object.surprise", "unknown")),
        ({"settings": {"Theme": "t", "Colour": 1}}, ("Settings.Colour", "unknown")),
        ({"attributes": ["a", "list"]}, ("Attributes", "type")),
        ({"attributes": "text"}, ("Attributes", "type")),
        ({"attributes": {1: "not a string key"}}, ("Attributes", "type")),
        ({"settings": {"Theme": "t", "Extra": 5}}, ("Settings.Extra", "type")),
        ({"payloads": [{}, "x"]}, ("Payloads[1]", "type")),
    ],
)
def test_object_violations(
    types_: ModuleType, log: list, args: dict[str, Any], found: tuple[str, str]
) -> None:
    t = make(types_, log, env="dev", system_properties=SYSTEM)
    base = {"name": "n", "payment_method": "card", "quantity": 1, "total": 1}
    with pytest.raises(types_.TrackingPlanViolation) as exc:
        t.everything_happened(**base, gift=True, **args, user_id_="u")
    assert kinds(exc) == [found]
    assert log == []


def test_a_free_form_object_needs_string_keys(types_: ModuleType, log: list) -> None:
    t = make(types_, log, env="dev", system_properties=SYSTEM)
    with pytest.raises(types_.TrackingPlanViolation) as exc:
        t.required_things(
            metadata=1,
            products=[],
            address={"Street": "s", "Zip": "12345"},
            attributes={("a", "tuple"): 1},
            user_id_="u",
        )
    [violation] = exc.value.violations
    assert violation.message == (
        "Required Things: Attributes must be an object with string keys, got a dict"
    )


def test_numbers(types_: ModuleType, log: list) -> None:
    t = make(types_, log, env="dev", system_properties=SYSTEM)
    base = {"name": "n", "payment_method": "card", "gift": True, "user_id_": "u"}
    t.everything_happened(**base, quantity=1, total=5)  # an int is a float
    t.everything_happened(
        **base, quantity=100, total=0.0, ratio=-1.5
    )  # bounds are inclusive
    for bad in (
        {"quantity": 2.0},
        {"quantity": True},
        {"total": True},
        {"total": float("inf")},
        {"total": "1"},
    ):
        args = {"quantity": 1, "total": 1, **bad}
        with pytest.raises(types_.TrackingPlanViolation):
            t.everything_happened(**base, **args)
    assert len(log) == 2


def test_system_properties_are_checked_at_construction(
    types_: ModuleType, log: list
) -> None:
    with pytest.raises(types_.TrackingPlanViolation) as exc:
        make(
            types_, log, env="dev", system_properties={"App Version": "one", "Nope": 1}
        )
    assert kinds(exc) == [
        ("system_properties.App Version", "regex"),
        ("system_properties.Nope", "unknown"),
    ]
    with pytest.raises(types_.TrackingPlanViolation) as exc:
        make(types_, log, env="dev", system_properties=None)
    assert kinds(exc) == [("system_properties", "required")]


@pytest.mark.parametrize("system", ["abc", 5, ["App Version"]])
def test_prod_reports_system_properties_that_are_not_an_object(
    types_: ModuleType, log: list, system: object
) -> None:
    reported: list[Any] = []
    t = make(
        types_, log, env="prod", system_properties=system, on_violation=reported.append
    )
    assert [(v.path, v.kind) for v in reported] == [("system_properties", "type")]
    t.everything_happened(
        name="n", payment_method="card", quantity=1, total=1.0, gift=True, user_id_="u"
    )
    assert [c[1] for c in rec(log)] == ["log_event"]


# -- prod and faults -----------------------------------------------------------------------


class Unprintable(Exception):
    """An exception whose message cannot be built: str() raises it again."""

    def __str__(self) -> str:
        raise self


class Hostile:
    """An object every attribute read of which fails."""

    def __getattr__(self, name: str) -> Any:
        raise RuntimeError(f"no {name}")


class BrokenMapping(dict):  # type: ignore[type-arg]
    def __iter__(self) -> Any:
        raise RuntimeError("cannot iterate")

    def keys(self) -> Any:
        raise RuntimeError("cannot list keys")


def test_one_call_reports_at_most_100_violations_and_counts_the_rest(
    types_: ModuleType, log: list, caplog: pytest.LogCaptureFixture
) -> None:
    reported: list[Any] = []
    t = make(
        types_, log, env="prod", system_properties=SYSTEM, on_violation=reported.append
    )
    with caplog.at_level(logging.ERROR, logger="trackplan"):
        t.everything_happened(
            name="n",
            payment_method="card",
            quantity=1,
            total=1.0,
            gift=True,
            tags=[None] * 1000,
            user_id_="u",
        )
    assert len(reported) == 100
    assert [v.path for v in reported[:2]] == ["Tags[0]", "Tags[1]"]
    assert "Everything Happened: 900 more violations not reported" in caplog.text
    assert [c[1] for c in rec(log)] == ["log_event"]
    # strict mode raises them all
    strict = make(types_, log, env="dev", system_properties=SYSTEM)
    with pytest.raises(types_.TrackingPlanViolation) as exc:
        strict.everything_happened(
            name="n",
            payment_method="card",
            quantity=1,
            total=1.0,
            gift=True,
            tags=[None] * 1000,
            user_id_="u",
        )
    assert len(exc.value.violations) == 1000


def test_prod_reports_a_huge_int_and_sends_the_event(
    types_: ModuleType, log: list
) -> None:
    reported: list[Any] = []
    t = make(
        types_,
        log,
        env="prod",
        system_properties=SYSTEM,
        on_violation=reported.append,
    )
    t.everything_happened(
        name="n",
        payment_method="card",
        quantity=10**5000,
        total=1.0,
        gift=True,
        user_id_="u",
    )
    assert [(v.path, v.kind, v.received) for v in reported] == [
        ("Quantity", "max", "a very large int")
    ]
    assert [c[1] for c in rec(log)] == ["log_event"]


def test_an_exception_that_cannot_be_shown_is_reported_and_stops_nothing(
    actions: ModuleType, log: list
) -> None:
    reported: list[Any] = []
    t = make(actions, log, BOTH, env="prod", on_violation=reported.append)

    def fail(*args: Any, **kwargs: Any) -> None:
        raise Unprintable

    t._tp_log_event = (("rec", fail), *t._tp_log_event[1:])
    t.button_clicked(user_id_="u")
    assert [(v.path, v.kind, v.received) for v in reported] == [
        ("rec", "destination", "Unprintable (its message cannot be shown)")
    ]
    assert [c[:2] for c in log] == [("other", "log_event")]


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"destinations": None}, [("destinations", "type")]),
        (
            {"destinations": {"rec": Hostile(), "other": Hostile()}},
            [("rec", "destination"), ("other", "destination")],
        ),
        (
            {"destinations": {}, "system_properties": BrokenMapping()},
            [("", "internal")],
        ),
    ],
    ids=["destinations-none", "unreadable-objects", "unreadable-system-properties"],
)
def test_prod_construction_reports_what_it_cannot_read(
    types_: ModuleType, options: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    reported: list[Any] = []
    options = {"system_properties": SYSTEM, **options}
    t = types_.Tracker(env="prod", on_violation=reported.append, **options)
    assert [(v.path, v.kind) for v in reported][: len(expected)] == expected
    t.everything_happened(
        name="n", payment_method="card", quantity=1, total=1.0, gift=True, user_id_="u"
    )


def test_prod_never_raises_and_a_failing_destination_does_not_stop_the_others(
    actions: ModuleType, log: list
) -> None:
    reported: list[Any] = []
    destinations = {
        "rec": Recorder("rec", log, fail=True),
        "other": Recorder("other", log),
    }
    t = actions.Tracker(
        env="prod", destinations=destinations, on_violation=reported.append
    )
    log.clear()
    t.signed_up(email="e", anonymous_id_="a", user_id_="u")
    assert [c[:2] for c in log] == [
        ("rec", "identify"),
        ("other", "identify"),
        ("rec", "set_user_properties"),
        ("other", "set_user_properties"),
        ("rec", "log_event"),
        ("other", "log_event"),
    ]
    assert [(v.path, v.kind) for v in reported] == [("rec", "destination")] * 3
    assert reported[0].received == "RuntimeError: rec is down"


def test_a_destination_error_is_reported_short(actions: ModuleType, log: list) -> None:
    class Leaky:
        def log_event(self, name: str, props: dict[str, Any], **ids: Any) -> None:
            raise RuntimeError("payload too large: " + repr(props) * 100)

    reported: list[Any] = []
    t = actions.Tracker(
        env="prod",
        destinations={"rec": Leaky(), "other": Recorder("other", log)},
        on_violation=reported.append,
    )
    t.order_completed(order_id="secret-order", amount=1, user_id_="u")
    (violation,) = reported
    assert violation.received.startswith("RuntimeError: payload too large")
    assert len(violation.received) == 200


def test_a_failing_destination_raises_outside_prod(
    actions: ModuleType, log: list
) -> None:
    t = actions.Tracker(
        env="dev",
        destinations={
            "rec": Recorder("rec", log, fail=True),
            "other": Recorder("other", log),
        },
    )
    with pytest.raises(RuntimeError, match="rec is down"):
        t.button_clicked(user_id_="u")


@pytest.mark.parametrize(
    ("call", "violations", "sent"),
    [
        # a missing argument: reported like a missing value, and the event is sent
        (
            lambda t: t.order_completed(amount=1, user_id_="u"),
            [("Order ID", "required")],
            {"Order ID": None},
        ),
        # an unknown argument: reported and left out
        (
            lambda t: t.order_completed(order_id="o", amount=1, user_id_="u", extra=1),
            [("extra", "unknown")],
            {"Order ID": "o"},
        ),
        # positional arguments: reported and left out; then no id, so nothing is sent
        (
            lambda t: t.order_completed("positional"),
            [
                ("", "unknown"),
                ("anonymous_id_ or user_id_", "identity"),
                ("Order ID", "required"),
                ("amount", "required"),
            ],
            None,
        ),
        (
            lambda t: t.order_completed(order_id=object(), amount="x", user_id_=3),
            [
                ("user_id_", "identity"),
                ("anonymous_id_ or user_id_", "identity"),
                ("Order ID", "type"),
                ("amount", "type"),
            ],
            None,
        ),
    ],
    ids=["missing", "unknown", "positional", "wrong-types"],
)
def test_prod_mends_a_call_python_refuses(
    actions: ModuleType, log: list, call: Any, violations: list, sent: Any
) -> None:
    reported: list[Any] = []
    t = make(actions, log, BOTH, env="prod", on_violation=reported.append)
    call(t)
    assert [(v.event, v.path, v.kind) for v in reported] == [
        ("Order Completed", path, kind) for path, kind in violations
    ]
    logged = [c[3] for c in rec(log) if c[1] == "log_event"]
    assert logged == ([] if sent is None else [sent])


def test_prod_identify_without_the_anonymous_id_is_reported_and_sent(
    actions: ModuleType, log: list
) -> None:
    reported: list[Any] = []
    t = make(actions, log, env="prod", on_violation=reported.append)
    t.logged_in(user_id_="u1")
    assert [(v.event, v.path, v.kind) for v in reported] == [
        ("Logged In", "anonymous_id_", "identity")
    ]
    assert [c[1:] for c in rec(log)] == [
        ("identify", "u1", None),
        ("log_event", "Logged In", {}, "u1", None),
    ]


@pytest.mark.parametrize("env", ["dev", "staging"])
def test_outside_prod_python_refuses_a_bad_call(
    actions: ModuleType, log: list, env: str
) -> None:
    t = make(actions, log, env=env, strict=False)
    with pytest.raises(TypeError):
        t.order_completed(amount=1, user_id_="u")
    assert log == []


def test_prod_survives_a_raising_on_violation(actions: ModuleType, log: list) -> None:
    def explode(v: Any) -> None:
        raise ValueError("handler bug")

    t = make(actions, log, env="prod", on_violation=explode)
    t.button_clicked()
    assert log == []


def test_prod_reports_a_destination_failing_in_make(actions: ModuleType) -> None:
    class BadMake:
        def make(self, env: str) -> None:
            raise OSError("no config")

    reported: list[Any] = []
    actions.Tracker(
        env="prod",
        destinations={"rec": BadMake(), "other": BadMake()},
        on_violation=reported.append,
    )
    assert [(v.path, v.kind) for v in reported] == [
        ("rec", "destination"),
        ("other", "destination"),
    ]


def test_missing_and_unknown_destinations(actions: ModuleType, log: list) -> None:
    with pytest.raises(actions.TrackingPlanViolation) as exc:
        actions.Tracker(
            env="dev", destinations={"rec": Recorder("rec", log), "typo": object()}
        )
    assert kinds(exc) == [("other", "destination"), ("typo", "destination")]
    reported: list[Any] = []
    t = actions.Tracker(
        env="prod",
        destinations={"rec": Recorder("rec", log)},
        on_violation=reported.append,
    )
    log.clear()
    t.button_clicked(user_id_="u")
    assert len(reported) == 1 and log == [
        ("rec", "log_event", "Button Clicked", {}, "u", None)
    ]


def test_env_must_be_known(actions: ModuleType) -> None:
    with pytest.raises(ValueError, match="env must be one of"):
        actions.Tracker(env="production", destinations={})


def test_noop_calls_no_destination_but_still_validates(
    actions: ModuleType, log: list
) -> None:
    t = make(actions, log, env="dev", noop=True)
    t.button_clicked(user_id_="u")
    assert log == []
    with pytest.raises(actions.TrackingPlanViolation):
        t.button_clicked()


def test_noop_does_not_call_make_either(actions: ModuleType, log: list) -> None:
    destinations = {name: Recorder(name, log) for name in BOTH}
    actions.Tracker(env="dev", destinations=destinations, noop=True)
    assert log == []
    actions.Tracker(env="dev", destinations=destinations)
    assert [c[:2] for c in log] == [("rec", "make"), ("other", "make")]


def test_noop_is_ignored_in_prod_with_a_warning(
    actions: ModuleType, log: list, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="trackplan"):
        t = make(actions, log, env="prod", noop=True)
    assert "noop=True is ignored in prod" in caplog.text
    t.button_clicked(user_id_="u")
    assert len(log) == 2


def test_adjusted_names(log: list) -> None:
    names = load_golden("names")
    t = make(names, log, ("dest with spaces & symbols!",), env="dev")
    t.import_(class_="c", id_="i", type_="a", user_id_="u")
    t._3d_secure_passed(_1st_place=True, from_=1, user_id_="u")
    t.print_(self_="s", isinstance_="x", user_id_="u")
    t.café_visité(café_crème="c", user_name_full="n", user_id_="u")
    t.order_id_confirmed(order_id="o", httpstatus=200, user_id_="u")
    t.make(tracker={"x": 1}, user_id_="u")
    assert [c[2:4] for c in log] == [
        ("Import", {"class": "c", "id": "i", "type": "a"}),
        ("3D Secure Passed", {"1st Place": True, "from": 1}),
        ("print", {"self": "s", "isinstance": "x"}),
        ("Café Visité", {"Café Crème": "c", "user.name (full)": "n"}),
        ("order-ID/confirmed!", {"orderId": "o", "HTTPStatus": 200}),
        ("Make", {"Tracker": {"x": 1}}),
    ]


def test_hostile_text_is_sent_exactly(log: list) -> None:
    hostile = load_golden("hostile")
    t = make(hostile, log, env="dev")
    t.quote_event(quote="q", mode="\x00nul", pattern="\"'\\", user_id_="u")
    t.back_slash_event(mode='"""', user_id_="u")
    assert [c[2:4] for c in log] == [
        (
            'Quote " Event',
            {
                "Quote": "q",
                'Pinned """': '""" */ \\ \n',
                "Mode": "\x00nul",
                "Pattern": "\"'\\",
            },
        ),
        ("Back\\slash */ Event", {"Mode": '"""'}),
    ]
    with pytest.raises(hostile.TrackingPlanViolation):
        t.back_slash_event(mode="a\\nb", user_id_="u")
