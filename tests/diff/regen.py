"""Regenerate the expected reports of `trackplan diff` and `trackplan status`.

    python tests/diff/regen.py

Writes tests/diff/cases/*/expected.json and tests/status/*/expected.json. Read every
changed file before committing it: an expected report is what a person agreed the
classification or the call sites should be.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.diff.support import CASES, render_case
from tests.status.support import TREES, render_tree


def main() -> None:
    for case in sorted(p for p in CASES.iterdir() if p.is_dir()):
        (case / "expected.json").write_text(render_case(case), encoding="utf-8")
        print(f"regenerated {case.relative_to(CASES.parent.parent.parent)}")
    for tree in TREES:
        text = render_tree(tree)
        if text is None:
            print(f"skipped {tree.name}: its target or Node.js is not available")
            continue
        (tree / "expected.json").write_text(text, encoding="utf-8")
        print(f"regenerated {tree.name}/expected.json")


if __name__ == "__main__":
    main()
