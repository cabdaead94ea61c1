"""The cost of one generated tracking call against a hand-written call.

    python benchmarks/call_cost.py

Both send the same event to the same destination (one that keeps a reference and
nothing else). The hand-written call builds the payload dict and calls log_event
directly: what a careful team writes without trackplan. The generated call adds the
identity and property checks, the copy per destination and, in prod, the guard that
keeps any exception from the caller. Figures are ratios to the hand-written call,
timed in the same process.
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
import timeit
from pathlib import Path
from typing import Any

PLAN = """
version: 1
workspace: {name: Bench}
destinations:
  rec: {kind: custom}
sources:
  server: {platform: server, language: python, output: bench_tracking.py, destinations: [rec]}
properties:
  Order ID: {type: string}
  Total: {type: float, min: 0}
  Currency: {type: string, regex: "^[A-Z]{3}$"}
  Payment Method: {type: string, enum: [card, paypal, gift card]}
  Quantity: {type: int, min: 1, max: 100}
  Coupon: {type: string}
events:
  Order Completed:
    properties:
      Order ID: required
      Total: required
      Currency: required
      Payment Method: required
      Quantity: required
      Coupon: optional
"""


class Sink:
    last: Any = None

    def log_event(
        self,
        name: str,
        props: dict[str, Any],
        *,
        user_id: str | None,
        anonymous_id: str | None,
    ) -> None:
        self.last = props


def hand_written(
    sink: Sink,
    order_id: str,
    total: float,
    currency: str,
    method: str,
    quantity: int,
    user_id: str,
) -> None:
    sink.log_event(
        "Order Completed",
        {
            "Order ID": order_id,
            "Total": total,
            "Currency": currency,
            "Payment Method": method,
            "Quantity": quantity,
        },
        user_id=user_id,
        anonymous_id=None,
    )


def main() -> None:
    from trackplan import output, pipeline

    with tempfile.TemporaryDirectory() as tmp:
        plan = Path(tmp) / "trackplan.yaml"
        plan.write_text(PLAN)
        output.write(pipeline.generate(plan).files)
        spec = importlib.util.spec_from_file_location(
            "bench_tracking", Path(tmp) / "bench_tracking.py"
        )
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules["bench_tracking"] = module
        spec.loader.exec_module(module)

    sink = Sink()
    dev = module.Tracker(env="dev", destinations={"rec": sink})
    prod = module.Tracker(env="prod", destinations={"rec": sink})
    calls = {
        "hand-written": lambda: hand_written(sink, "o-1", 9.5, "EUR", "card", 2, "u-1"),
        "generated, dev": lambda: dev.order_completed(
            order_id="o-1",
            total=9.5,
            currency="EUR",
            payment_method="card",
            quantity=2,
            user_id_="u-1",
        ),
        "generated, prod": lambda: prod.order_completed(
            order_id="o-1",
            total=9.5,
            currency="EUR",
            payment_method="card",
            quantity=2,
            user_id_="u-1",
        ),
    }
    number = 50_000
    results = {
        name: min(timeit.repeat(fn, number=number, repeat=7)) / number
        for name, fn in calls.items()
    }
    base = results["hand-written"]
    print(f"{'call':<16} {'µs/call':>8} {'x hand-written':>15}")
    for name, seconds in results.items():
        print(f"{name:<16} {seconds * 1e6:>8.2f} {seconds / base:>15.1f}")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    main()
