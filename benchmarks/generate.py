"""Generation time for synthetic plans of 100, 1,000 and 5,000 events.

    python benchmarks/generate.py

Reports the best of several runs per size, the time per event, and the ratio of each
size's time to the 100-event time measured in the same process (linear growth keeps
the per-event time flat).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import plan

from trackplan import pipeline


def best_of(runs: int, path: Path) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        result = pipeline.generate(path)
        best = min(best, time.perf_counter() - start)
        assert result.ok and result.files
    return best


def main() -> None:
    sizes = (100, 1000, 5000)
    times = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp) / f"plan{size}.yaml"
            path.write_text(plan(size))
            times[size] = best_of(5 if size < 5000 else 3, path)
    base = times[sizes[0]]
    print(f"{'events':>7} {'seconds':>9} {'ms/event':>9} {'x 100-event time':>17}")
    for size in sizes:
        t = times[size]
        print(f"{size:>7} {t:>9.3f} {t / size * 1000:>9.3f} {t / base:>17.1f}")


if __name__ == "__main__":
    main()
