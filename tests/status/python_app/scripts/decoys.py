"""Calls that only look like calls: none of them may count.

tracker.refund_issued(user_id_="u1")
"""

from app.tracking import Tracker

tracker = Tracker(env="dev", destinations={})

# tracker.refund_issued(user_id_="u1")
# tracker.wishlist_cleared(user_id_="u1")
EXAMPLE = 'tracker.refund_issued(user_id_="u1")'
TEMPLATE = f"{EXAMPLE} and tracker.wishlist_cleared()"


def documented() -> None:
    """Call tracker.wishlist_cleared(user_id_=...) when the list is cleared."""
    print("tracker.wishlist_cleared(user_id_='u1')")
