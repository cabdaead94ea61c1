"""Every test case renders exactly its golden files (regenerate: python tests/regen.py)."""

from __future__ import annotations

import pytest

from tests.support import cases


@pytest.mark.parametrize("name", cases.names())
def test_case_matches_golden(name: str) -> None:
    assert cases.render(name) == cases.expected(name), (
        f"tests/cases/{name} is stale: run `python tests/regen.py {name}` and read the diff"
    )
