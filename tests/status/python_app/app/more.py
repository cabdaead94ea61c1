"""A star import, a class-level annotation, a subclass, cast and getattr."""

from typing import cast

from app.orders import tracker as shared
from app.tracking import *  # noqa: F403


class Holder:
    tracker: "Tracker"  # noqa: F405

    def view(self) -> None:
        self.tracker.product_viewed(user_id_="u1")


class AppTracker(Tracker):  # noqa: F405
    def apply(self) -> None:
        self.coupon_applied(user_id_="u1")


def share(value: object) -> None:
    cast("Tracker", value).item_shared(user_id_="u1")


def search() -> None:
    getattr(shared, "search_performed")(user_id_="u1")
