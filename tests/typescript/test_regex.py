"""The regex subset: what trackplan accepts means the same in Python and JavaScript."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.typescript import support
from trackplan import pipeline, regex

PORTABLE = [
    r"^[A-Z0-9]{4,12}$",
    r"^[^@\s]+@[^@\s]+$",
    r"^[0-9]+\.[0-9]+\.[0-9]+$",
    r"\w+",
    r"\W+",
    r"\d{2,}",
    r"\D*",
    r"\s",
    r"\S+",
    r"[\w\s-]+",
    r"[\d.]+",
    r"[^\d]+",
    r".*",
    r"a.c",
    r"(ab|cd)+?",
    r"(?:x|y)*z",
    r"(?=\w)[^\n]+",
    r"(?!a)\w",
    r"^(a$|b$)",
    r"\@\#\-\ \'",
    r"\U0001F600+",
    r"[\u00e9-\u00ff]+",
    r"[\x41-\x5a]",
    r"\t\n\r\f\v\a",
    r"[a\-z]",
    r"[-a]",
    r"[a-]",
    "é+",
    r"[\b]",
    r"a{3}",
    r"a{2,}",
]

REFUSED = {
    r"a\Z": "\\Z",
    r"\Aa": "\\A",
    r"(?P<x>a)": "named group",
    r"(?P=x)": "named backreference",
    r"(?i)a": "inline flag",
    r"(?#c)a": "comment",
    r"a++": "possessive",
    r"a*+": "possessive",
    r"(?>a)": "atomic",
    r"(?<=a)b": "lookbehind",
    r"(?<!a)b": "lookbehind",
    r"\bword\b": "\\b",
    r"(a)\1": "backreference",
    r"a{,3}": "quantifier",
    r"a{": "quantifier",
    r"a}": "'}'",
    r"a]": "']'",
    r"[]a]": "']'",
    r"[[a]": "'['",
    r"[a--b]": "'--'",
    r"[\W]": "\\W",
    r"[\S]": "\\S",
    r"[a-\d]": "range",
    r"a$b?": "'$'",
    r"(a$)*": "'$'",
    r"(?=a$)": "'$'",
    r"\N{DIGIT ONE}": "\\N",
    r"\ud83d\ude00": "surrogate",
    r"^*a": "quantifier on an assertion",
}

SAMPLES = [
    "",
    "a",
    "ab",
    "abc",
    "AB12",
    "ABCD1234",
    "1.2.3",
    "1.2.3\n",
    "a@b",
    "a b@c",
    "a\u00a0@b",
    "x\u2028y",
    "a\rc",
    "a\nc",
    "\u0660\u0661",  # Arabic-Indic digits
    "\u00b2",  # superscript two: \w in Python, not \d
    "\u2167",  # Roman numeral: a letter number
    "é",
    "ÿé",
    "注意",
    "\U0001f600\U0001f600",
    "_-",
    " \t\x1c\x85\u3000",
    "\ufeff",
    "x",
    "xyz",
    "cdab",
    "aaa",
    "aaaa",
    "@# -'",
    "\t\n\r\f\v\a",
    "-",
    "z",
    "\b",
    "b",
    "AZ",
    "[",
]


def test_portable_patterns_are_accepted() -> None:
    for pattern in PORTABLE:
        assert regex.portability_problem(pattern) is None, pattern


@pytest.mark.parametrize(("pattern", "word"), sorted(REFUSED.items()))
def test_patterns_that_differ_are_refused_with_a_reason(
    pattern: str, word: str
) -> None:
    problem = regex.portability_problem(pattern)
    assert problem is not None
    assert word in problem


@pytest.mark.skipif(not support.have_tools(), reason="needs node")
def test_javascript_matches_what_python_matches(tmp_path: Path) -> None:
    cases = [[regex.javascript(p), s] for p in PORTABLE for s in SAMPLES]
    expected = [re.fullmatch(p, s) is not None for p in PORTABLE for s in SAMPLES]
    data = tmp_path / "cases.json"
    data.write_text(json.dumps(cases), encoding="utf-8")
    script = (
        "const cases = JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'));"
        "process.stdout.write(JSON.stringify(cases.map(([p, s]) => new RegExp(p, 'u').test(s))));"
    )
    result = subprocess.run(
        ["node", "-e", script, str(data)], capture_output=True, text=True, check=True
    )
    actual = json.loads(result.stdout)
    differ = [
        (PORTABLE[n // len(SAMPLES)], SAMPLES[n % len(SAMPLES)], expected[n])
        for n in range(len(cases))
        if actual[n] != expected[n]
    ]
    assert differ == []
    assert sum(expected) > 40  # the samples do match things


def test_validate_reports_a_pattern_that_differs(tmp_path: Path) -> None:
    plan = tmp_path / "trackplan.yaml"
    plan.write_text(
        "version: 1\n"
        "workspace: {name: R}\n"
        "destinations: {rec: {kind: custom}}\n"
        "sources:\n"
        "  web: {platform: client, language: typescript, output: t.ts, destinations: [rec]}\n"
        "properties:\n"
        '  Code: {type: string, regex: "^[a-z]+\\\\Z"}\n'
        "events:\n"
        "  Coded: {properties: {Code: required}}\n",
        encoding="utf-8",
    )
    loaded = pipeline.load(plan)
    assert [d.code for d in loaded.diagnostics] == ["TP022"]
    assert "\\Z" in loaded.diagnostics[0].message
