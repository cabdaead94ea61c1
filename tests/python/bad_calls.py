"""Calls a type checker must reject: each line carries the error code mypy reports.

Methods with overloads (ordinary server events) report every bad argument as
`call-overload`; the others report the precise code. A `str` passed for a list is not
here: `str` is a `Sequence[str]`, so only the run-time check catches it.

Checked by tests/python/test_typing.py with `mypy --strict --warn-unused-ignores`, so a
line that stops being an error fails the test as surely as a new error does; and by
pyright, which must report an error on every marked line too.
"""

from __future__ import annotations

from tracking_actions import Tracker as Actions
from tracking_legacy import Tracker as Legacy
from tracking_legacy_forced import Tracker as Forced
from tracking_names import Tracker as Names
from tracking_types import Tracker as Types


def wrong_types(t: Types) -> None:
    t.everything_happened(name=1, payment_method="card", quantity=1, total=1.0, gift=True, user_id_="u")  # type: ignore[call-overload]
    t.everything_happened(name="n", payment_method="card", quantity=1.5, total=1.0, gift=True, user_id_="u")  # type: ignore[call-overload]
    t.everything_happened(name="n", payment_method="card", quantity=1, total="1", gift=True, user_id_="u")  # type: ignore[call-overload]
    t.everything_happened(name="n", payment_method="card", quantity=1, total=1.0, gift="yes", user_id_="u")  # type: ignore[call-overload]
    t.everything_happened(name="n", payment_method="card", quantity=1, total=1.0, gift=True, products=[{"Price": 1.0}], user_id_="u")  # type: ignore[call-overload]
    t.everything_happened(name="n", payment_method="card", quantity=1, total=1.0, gift=True, address={"Street": "s", "Zip": "1", "Extra": 1}, user_id_="u")  # type: ignore[call-overload]
    t.everything_happened(name="n", payment_method="card", quantity=1, total=1.0, gift=True, user_id_=7)  # type: ignore[call-overload]
    t.everything_happened(name="n", payment_method="card", quantity=1, total=1.0, gift=True, empty_object={"surprise": 1}, user_id_="u")  # type: ignore[call-overload]
    t.everything_happened(name="n", payment_method="card", quantity=1, total=1.0, gift=True, attributes=["a"], user_id_="u")  # type: ignore[call-overload]
    t.everything_happened(name="n", payment_method="card", quantity=1, total=1.0, gift=True, attributes={1: "x"}, user_id_="u")  # type: ignore[call-overload]
    t.everything_happened(name="n", payment_method="card", quantity=1, total=1.0, gift=True, settings={"Theme": "t", "Extra": 1}, user_id_="u")  # type: ignore[call-overload]


def enum_typos(t: Types) -> None:
    t.everything_happened(name="n", payment_method="cash", quantity=1, total=1.0, gift=True, user_id_="u")  # type: ignore[call-overload]
    t.everything_happened(name="n", payment_method="card", quantity=1, total=1.0, gift=True, rating=6, user_id_="u")  # type: ignore[call-overload]
    t.everything_happened(name="n", payment_method="card", quantity=1, total=1.0, gift=True, sizes=["XL"], user_id_="u")  # type: ignore[call-overload]
    t.everything_happened(name="n", payment_method="card", quantity=1, total=1.0, gift=True, always=False, user_id_="u")  # type: ignore[call-overload]


def missing_and_unknown_arguments(t: Types, a: Actions) -> None:
    t.everything_happened(payment_method="card", quantity=1, total=1.0, gift=True, user_id_="u")  # type: ignore[call-overload]
    t.everything_happened(name="n", payment_method="card", quantity=1, total=1.0, gift=True, surprise=1, user_id_="u")  # type: ignore[call-overload]
    t.everything_happened(name="n", payment_method="card", quantity=1, total=1.0, gift=True, channel="web", user_id_="u")  # type: ignore[call-overload]
    a.order_completed(order_id="o", user_id_="u")  # type: ignore[call-overload]
    a.team_joined(company_group_id_="c", user_id_="u")  # type: ignore[call-overload]
    a.button_clicked("positional")  # type: ignore[call-overload]


def server_identity(a: Actions, f: Forced) -> None:
    a.button_clicked()  # type: ignore[call-overload]
    a.button_clicked(anonymous_id_=None)  # type: ignore[call-overload]
    a.button_clicked(anonymous_id_=None, user_id_=None)  # type: ignore[call-overload]
    f.page_opened(path="/")  # type: ignore[call-overload]


def identify_needs_both_ids(a: Actions, f: Forced, user: str | None) -> None:
    a.logged_in(user_id_="u")  # type: ignore[call-arg]
    a.logged_in(anonymous_id_="a")  # type: ignore[call-arg]
    a.logged_in(anonymous_id_="a", user_id_=None)  # type: ignore[arg-type]
    a.logged_in(anonymous_id_="a", user_id_=user)  # type: ignore[arg-type]
    f.signed_up(user_id_="u")  # type: ignore[call-arg]


def legacy_takes_user_id_only(t: Legacy) -> None:
    t.page_opened(path="/")  # type: ignore[call-arg]
    t.page_opened(path="/", anonymous_id_="a", user_id_="u")  # type: ignore[call-arg]
    t.signed_up(anonymous_id_="a")  # type: ignore[call-arg]


def tracker_options() -> None:
    Actions(env="production", destinations={})  # type: ignore[arg-type]
    Actions(destinations={})  # type: ignore[call-arg]
    Types(env="dev", destinations={})  # type: ignore[call-arg]
    Types(env="dev", destinations={}, system_properties={"App Version": 1})  # type: ignore[typeddict-item]


def adjusted_names(n: Names) -> None:
    n.import_(class_="c", id_="i", type_="c", user_id_="u")  # type: ignore[call-overload]
    n.print_(self_="s", isinstance_=1, user_id_="u")  # type: ignore[call-overload]


def good_calls(t: Types, a: Actions, legacy: Legacy, f: Forced, n: Names, counts: dict[str, int]) -> None:
    """Calls that must type-check, so the file also proves the API is usable."""
    t.everything_happened(name="n", payment_method="gift card", quantity=1, total=2, gift=True,
                          products=[{"SKU": "s"}, {"SKU": "t", "Price": 1.0, "Options": {}}],
                          tags=("a", "b"), matrix=[[1], []], metadata={"any": object()},
                          empty_object={}, attributes={"any": object(), "n": 1}, payloads=[counts, {}],
                          settings={"Theme": "t", "Extra": counts}, anonymous_id_="a")
    t.required_things(metadata=1, products=[], address={"Street": "s", "Zip": "1"}, attributes=counts, user_id_="u")
    a.button_clicked(anonymous_id_="a", user_id_="u")
    a.logged_in(anonymous_id_="a", user_id_="u")
    a.order_completed(order_id="o", amount=3, user_id_="u")
    legacy.signed_up(user_id_="u")
    f.signed_up(anonymous_id_="a", user_id_="u")
    n._3d_secure_passed(_1st_place=True, user_id_="u")
