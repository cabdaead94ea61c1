"""Drive the generated backend tracker with a destination that prints what it receives.

    python examples/shop/backend/demo.py
"""

from __future__ import annotations

import json
from typing import Any

from tracking import Tracker, TrackingPlanViolation


class Printer:
    """A custom destination: any object with the protocol's methods will do."""

    def __init__(self, name: str) -> None:
        self.name = name

    def identify(self, *, user_id: str, anonymous_id: str | None) -> None:
        print(f"{self.name}.identify user={user_id} anonymous={anonymous_id}")

    def set_user_properties(
        self, props: dict[str, Any], *, user_id: str | None, anonymous_id: str | None
    ) -> None:
        print(f"{self.name}.set_user_properties {json.dumps(props)} user={user_id}")

    def log_event(
        self, name: str, props: dict[str, Any], *, user_id: str | None, anonymous_id: str | None
    ) -> None:
        print(f"{self.name}.log_event {name!r} {json.dumps(props)} user={user_id} "
              f"anonymous={anonymous_id}")

    def revenue(
        self, amount: float, props: dict[str, Any], *, user_id: str | None, anonymous_id: str | None
    ) -> None:
        print(f"{self.name}.revenue {amount} user={user_id}")


tracker = Tracker(
    env="dev",
    destinations={name: Printer(name) for name in ("segment", "mixpanel", "warehouse")},
    system_properties={"App Version": "1.4.0"},
)

# An anonymous visitor adds a product: the server passes the visitor's anonymous id.
tracker.product_added(
    product_id="sku-1", cart_id="cart-9", quantity=1, price=49.0, anonymous_id_="anon-42"
)
# They sign up: the Identify event takes both ids and links them at every destination.
tracker.signed_up(
    signup_method="email", email="ada@example.com", anonymous_id_="anon-42", user_id_="user-7"
)
# From now on the user id is enough.
tracker.order_completed(
    order_id="o-1001", total=49.0, currency="EUR", payment_method="card",
    products=[{"Product ID": "sku-1", "Quantity": 1, "Price": 49.0}],
    amount=49.0, user_id_="user-7",
)
# In dev, a call that breaks the plan raises with every problem at once.
try:
    tracker.order_completed(
        order_id="o-1002", total=-1, currency="euro", payment_method="cash",
        products=[], amount=0, user_id_="user-7",
    )
except TrackingPlanViolation as error:
    for violation in error.violations:
        print("violation:", violation.message)
