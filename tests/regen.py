"""Regenerate every golden file under tests/cases: `python tests/regen.py [CASE...]`.

Read the diff before committing it: a golden file is what a person agreed the output
should be.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support import cases


def main(argv: list[str]) -> None:
    for name in argv or cases.names():
        root = cases.CASES / name / "expected"
        shutil.rmtree(root, ignore_errors=True)
        for relative, text in cases.render(name).items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        print(f"regenerated {name}")


if __name__ == "__main__":
    main(sys.argv[1:])
