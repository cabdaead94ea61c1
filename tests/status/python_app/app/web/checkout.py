"""A relative import under another name, and a tracker behind a property."""

from ..tracking import Tracker as T


class Checkout:
    @property
    def tracking(self) -> T:
        return T(env="dev", destinations={})

    def start(self) -> None:
        self.tracking.checkout_started(user_id_="u1")
