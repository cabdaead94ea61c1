"""The factory imported under another name, in another module."""

import functools

import app.tracking
from app.factory import make as build
from app.factory import make_inferred


def empty() -> None:
    build().cart_emptied(user_id_="u1")


def coupon() -> None:
    app.tracking.Tracker(env="dev", destinations={}).coupon_applied(user_id_="u1")


def search() -> None:
    send = functools.partial(make_inferred().search_performed, user_id_="u1")
    send()


def stale() -> None:
    # The plan no longer has this event; the call is reported, not counted.
    make_inferred().gift_card_redeemed(user_id_="u1")
