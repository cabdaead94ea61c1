"""A synthetic plan of N events, shaped like a real one, for the benchmarks."""

from __future__ import annotations


def plan(events: int) -> str:
    lines = [
        "version: 1",
        "workspace: {name: Bench, created: 2024-01-01}",
        "destinations:",
        "  rec: {kind: custom}",
        "sources:",
        "  server: {platform: server, language: python, output: out.py, destinations: [rec]}",
        "properties:",
    ]
    for i in range(50):
        kind = i % 5
        if kind == 0:
            lines.append(f"  Name {i}: {{type: string}}")
        elif kind == 1:
            lines.append(f"  Count {i}: {{type: int, min: 0, max: 1000}}")
        elif kind == 2:
            lines.append(f"  Mode {i}: {{type: string, enum: [a, b, c, d]}}")
        elif kind == 3:
            lines.append(f"  Price {i}: {{type: float, min: 0}}")
        else:
            lines.append(
                f"  Items {i}: {{type: list, items: {{type: object, properties: "
                f"{{SKU: {{type: string, required: true}}, Qty: {{type: int, min: 1}}}}}}}}"
            )
    names = [line.split(":")[0].strip() for line in lines[7:]]
    lines.append("events:")
    for e in range(events):
        lines.append(f"  Event Number {e}:")
        lines.append(f"    description: Synthetic event {e}.")
        lines.append("    properties:")
        for k in range(5):
            name = names[(e * 7 + k * 3) % len(names)]
            lines.append(f"      {name}: {'required' if k % 2 == 0 else 'optional'}")
    return "\n".join(lines) + "\n"
