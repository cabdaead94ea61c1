"""A tracker passed as a typed parameter; a method alias that text search misses."""

from typing import Optional

from app.tracking import Tracker


def view(t: Tracker) -> None:
    t.product_viewed(user_id_="u1")


def show_page(tracker: "Tracker") -> None:
    emit = tracker.page_shown
    emit(user_id_="u1")


def share(maybe: "Optional[Tracker]") -> None:
    if maybe is not None:
        maybe.item_shared(anonymous_id_="a1")
