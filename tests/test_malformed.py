"""Malformed plans: every one gives file:line:col diagnostics and exit 1, never a traceback.

Hand-written plans live in tests/malformed/ (the first line names the codes each must
produce, `# expect: TP004`, or the only errors it may produce, `# expect only: TP042`);
more are made here by mutating the valid test-case plans.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support import cases
from trackplan import pipeline
from trackplan.cli import main

MALFORMED = Path(__file__).resolve().parent / "malformed"
LINE = re.compile(r"^plan\.yaml:\d+:\d+: (error|warning) (TP\d{3}): .+$")


def diagnose(text: str) -> list[str]:
    """The codes of the errors `text` gives, checking the printed form of each."""
    loaded = pipeline.load_text(text, "plan.yaml")
    rendered = [d.render() for d in loaded.diagnostics]
    assert all(LINE.match(r) for r in rendered), rendered
    codes = [d.code for d in loaded.diagnostics if d.severity.value == "error"]
    assert "TP999" not in codes, (
        rendered
    )  # an internal error is a bug, not a diagnostic
    return codes


@pytest.mark.parametrize("path", sorted(MALFORMED.glob("*.yaml")), ids=lambda p: p.stem)
def test_hand_written(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = re.match(r"# expect( only)?: (.+)", text)
    assert expected, "the first line must say which codes are expected"
    codes = diagnose(text)
    wanted = [code.strip() for code in expected.group(2).split(",")]
    if expected.group(1):  # `# expect only:` these errors, each once, and no other
        assert sorted(codes) == sorted(wanted), (wanted, codes)
    for code in wanted:
        assert code in codes, (code, codes)


def test_hand_written_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in sorted(MALFORMED.glob("*.yaml")):
        plan = tmp_path / "plan.yaml"
        plan.write_bytes(path.read_bytes())
        with pytest.raises(SystemExit) as exit_:
            main(["validate", "--plan", str(plan)], standalone_mode=False)
        assert exit_.value.code == 1, path.name
        err = capsys.readouterr().err
        assert "Traceback" not in err
        assert err.splitlines()[0].startswith(f"{plan}:"), (path.name, err)


# -- mutations of valid plans ----------------------------------------------------------


def _seeds() -> list[dict]:
    out = []
    for name in cases.names():
        if name.startswith("errors_"):
            continue
        out.append(yaml.safe_load((cases.CASES / name / "trackplan.yaml").read_text()))
    return out


def _dump(data: object) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def _mappings(node: object, path: tuple = ()) -> list[tuple]:
    found = []
    if isinstance(node, dict):
        found.append(path)
        for k, v in node.items():
            found += _mappings(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += _mappings(v, (*path, i))
    return found


def _at(data: dict, path: tuple) -> dict:
    for key in path:
        data = data[key]
    return data


def _mutations() -> list[tuple[str, str, str]]:
    """(id, plan text, expected code): each mutation breaks one rule on purpose."""
    rng = random.Random(20261129)
    out = []
    for seed_index, seed in enumerate(_seeds()):
        mappings = [p for p in _mappings(seed) if p and p[0] not in ("events",)]
        for n in range(6):  # unknown keys where the format allows none
            data = _copy(seed)
            path = rng.choice([p for p in mappings if _fixed_keys(p)])
            _at(data, path)[f"surprise{n}"] = 1
            out.append((f"s{seed_index}-unknown-{n}", _dump(data), "TP003"))
        for n, name in enumerate(sorted(seed.get("properties", {}))[:4]):
            data = _copy(seed)
            data["properties"][name]["type"] = rng.choice(
                ["str", "integer", "number", "dict"]
            )
            out.append((f"s{seed_index}-type-{n}", _dump(data), "TP010"))
        for n, event in enumerate(sorted(seed["events"])[:3]):
            data = _copy(seed)
            data["events"][event] = dict(data["events"][event] or {})
            props = dict(data["events"][event].get("properties") or {})
            props[f"Undefined {n}"] = "required"
            data["events"][event]["properties"] = props
            out.append((f"s{seed_index}-undefined-{n}", _dump(data), "TP011"))
        for key, code in (("version", "TP005"), ("workspace", "TP005")):
            data = _copy(seed)
            del data[key]
            out.append((f"s{seed_index}-missing-{key}", _dump(data), code))
        text = _dump(seed)
        for n in range(3):  # cut the file inside a flow collection: a syntax error
            lines = text.splitlines()
            cut = rng.randrange(1, len(lines))
            broken = "\n".join(lines[:cut]) + "\nbroken: {unclosed: [1, 2\n"
            out.append((f"s{seed_index}-syntax-{n}", broken, "TP001"))
        data = _copy(seed)
        first = sorted(data["sources"])[0]
        data["sources"][first]["destinations"] = ["nowhere"]
        out.append((f"s{seed_index}-destination", _dump(data), "TP013"))
    return out


def _fixed_keys(path: tuple) -> bool:
    """Mappings whose keys are format keywords, not free names."""
    if path[0] in ("properties", "user_properties", "system_properties"):
        return len(path) == 2 or (len(path) >= 2 and path[-1] == "items")
    if path[0] in ("destinations", "sources"):
        return len(path) == 2
    return path[0] == "workspace"


def _copy(data: dict) -> dict:
    import copy

    return copy.deepcopy(data)


MUTATIONS = _mutations()


def test_there_are_at_least_a_hundred_malformed_plans() -> None:
    assert len(MUTATIONS) + len(list(MALFORMED.glob("*.yaml"))) >= 200


@pytest.mark.parametrize(
    ("text", "code"), [m[1:] for m in MUTATIONS], ids=[m[0] for m in MUTATIONS]
)
def test_mutation(text: str, code: str) -> None:
    assert code in diagnose(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                *"ab: -[]{},'\"\n\t#&*!|>%@`\\0.1\x00é",
                "version: 1\n",
                "events:\n",
                "properties:\n",
                "  type: ",
                "sources:\n",
                "  E: {properties: {",
                "enum: [",
            ]
        ),
        max_size=120,
    ).map("".join)
)
def test_arbitrary_text_never_crashes(text: str) -> None:
    diagnose(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_valid_plans_with_a_line_changed_never_crash(data: st.DataObject) -> None:
    name = data.draw(
        st.sampled_from([n for n in cases.names() if not n.startswith("errors_")])
    )
    lines = (cases.CASES / name / "trackplan.yaml").read_text().splitlines()
    index = data.draw(st.integers(0, len(lines) - 1))
    lines[index] = data.draw(st.text(max_size=40))
    diagnose("\n".join(lines))
