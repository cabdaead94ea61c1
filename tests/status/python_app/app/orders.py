"""Plain import of the Tracker class, an instance at module level."""

from app.tracking import Tracker

tracker = Tracker(env="dev", destinations={})


def complete(order_id: str) -> None:
    tracker.order_completed(order_id=order_id, user_id_="u1")


class Basket:
    """Not a Tracker: a method with an event's name on it must not count."""

    def order_completed(self, order_id: str) -> None:
        pass


def not_a_tracker() -> None:
    Basket().order_completed("o1")
