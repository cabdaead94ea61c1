"""The generated module imported under another name; the tracker held on self."""

import app.tracking as tr


class Accounts:
    def __init__(self) -> None:
        self.tracker = tr.Tracker(env="dev", destinations={})

    def sign_up(self, user: str) -> None:
        self.tracker.signed_up(user_id_=user)
