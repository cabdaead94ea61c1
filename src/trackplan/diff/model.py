"""A change between two plans, and what it breaks."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum


class Impact(str, Enum):
    """The class of a change, most severe first."""

    BREAKING_CODE = (
        "breaking-code"  # callers of the generated API stop compiling or validating
    )
    BREAKING_DATA = "breaking-data"  # consumers of the events see a different shape
    SAFE = "safe"


@dataclass(frozen=True)
class Change:
    """One difference between the old and the new plan.

    `code` and `data` say independently whether the change breaks callers of the
    generated code and consumers of the data; `impact` is the more severe of the two.
    `sources` lists the sources whose generated code the change reaches (empty for a
    plan-level change that reaches no generated code).
    """

    kind: str  # a stable code, e.g. "property-required"
    subject: str  # what changed, e.g. "event 'Order Completed' property 'Total'"
    detail: str  # how, e.g. "optional -> required"
    code: bool
    data: bool
    sources: tuple[str, ...] = field(default=())

    @property
    def impact(self) -> Impact:
        if self.code:
            return Impact.BREAKING_CODE
        if self.data:
            return Impact.BREAKING_DATA
        return Impact.SAFE

    def within(self, source: str) -> Change:
        return replace(self, sources=(source,))

    def breaks(self, what: str) -> bool:
        """Whether this change breaks `what`: breaking, breaking-code, breaking-data."""
        if what == "breaking":
            return self.code or self.data
        if what == Impact.BREAKING_CODE.value:
            return self.code
        if what == Impact.BREAKING_DATA.value:
            return self.data
        raise ValueError(f"unknown --fail-on value {what!r}")

    def as_json(self) -> dict[str, object]:
        return {
            "impact": self.impact.value,
            "breaks_code": self.code,
            "breaks_data": self.data,
            "kind": self.kind,
            "subject": self.subject,
            "detail": self.detail,
            "sources": list(self.sources),
        }


FAIL_ON = ("breaking", Impact.BREAKING_CODE.value, Impact.BREAKING_DATA.value)


@dataclass(frozen=True)
class Report:
    """Every change from `old` to `new`, in a stable order."""

    old: str
    new: str
    changes: tuple[Change, ...]

    def breaking(self, what: str = "breaking") -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.breaks(what))

    def as_json(self) -> dict[str, object]:
        counts = {impact.value: 0 for impact in Impact}
        for c in self.changes:
            counts[c.impact.value] += 1
        return {
            "old": self.old,
            "new": self.new,
            "summary": counts,
            "changes": [c.as_json() for c in self.changes],
        }
