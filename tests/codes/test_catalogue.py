"""The catalogue of built-in issue codes (`articlekit/codes/*.md`) and how issues are made from it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import articlekit
from articlekit import codes as catalogue
from articlekit.docgen import code_examples, render_rules_markdown
from articlekit.issues import CODES

SRC = Path(articlekit.__file__).parent


def test_every_built_in_code_is_in_the_catalogue_and_only_there() -> None:
    entries = catalogue.entries()
    assert len({e.code for e in entries}) == len(entries)
    assert {e.code for e in entries} == {c for c in CODES if c.startswith("AK")}
    for entry in entries:
        info = CODES[entry.code]
        assert (info.name, info.severity, info.fixable, info.summary, info.doc) == (
            entry.name,
            entry.severity,
            entry.fixable,
            entry.summary,
            entry.doc,
        )
        passing, failing = code_examples(info)
        assert passing, f"{entry.code} needs a passing example"
        assert failing, f"{entry.code} needs a failing example"


def test_each_file_holds_its_area_and_titles_it() -> None:
    titles = catalogue.areas()
    assert sorted(titles) == [f"AK{d}" for d in range(10)]
    for entry in catalogue.entries():
        assert f"## {entry.code[:3]}xx · {titles[entry.code[:3]]}" in render_rules_markdown()
        text = (SRC / "codes" / f"{entry.code[:3]}xx.md").read_text(encoding="utf-8")
        assert f"\n## {entry.code} {entry.name}\n" in text


def test_the_codes_are_known_without_importing_the_modules_that_emit_them() -> None:
    script = (
        "import sys\n"
        "from articlekit.issues import CODES\n"
        "emitters = ['articlekit.' + m for m in ('splitter', 'yamlsafe', 'validate', 'suppressions', 'rules',"
        " 'models', 'api')]\n"
        "assert not [m for m in emitters if m in sys.modules], [m for m in emitters if m in sys.modules]\n"
        "print(len(CODES), CODES['AK202'].severity, CODES['AK704'].fixable, CODES['AK003'].name)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [
        str(len([c for c in CODES if c.startswith("AK")])),
        "error",
        "safe",
        "rule-crashed",
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("# AK1xx · T\n\n## AK101 x\n\nseverity: fatal\n\nS.\n", "severity"),
        ("# AK1xx · T\n\n## AK101 x\n\nS.\n", "severity"),
        ("# AK1xx · T\n\n## AK101 Bad Name\n\nseverity: error\n\nS.\n", "not a code heading"),
        ("# AK1xx · T\n\n## AK101 x\n\nseverity: error\n\nS.\n\n```\nopen\n", "not closed"),
        ("# AK1xx · T\n\n## AK101 x\n\nseverity: error\n", "no summary"),
    ],
)
def test_a_malformed_catalogue_file_is_refused(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        catalogue._parse("AK1xx.md", text)


def test_headings_inside_fenced_blocks_are_not_codes() -> None:
    text = "# AK1xx · T\n\n## AK101 x\n\nseverity: warning, fixable: safe\n\nS.\n\n```\n## AK102 y\n```\n"
    (entry,) = catalogue._parse("AK1xx.md", text)
    assert (entry.code, entry.severity, entry.fixable, entry.summary) == ("AK101", "warning", "safe", "S.")
    assert entry.doc == "```\n## AK102 y\n```"


def test_parsing_a_file_leaves_the_catalogues_area_titles_alone() -> None:
    """A file parsed on its own (as the tests above do) must not retitle the built-in areas.

    It did: the docs tests then rendered "AK1xx · T" whenever they ran after these.
    """
    before = catalogue.areas()
    catalogue._parse("AK1xx.md", "# AK1xx · T\n\n## AK101 x\n\nseverity: error\n\nS.\n")
    assert catalogue.areas() == before
    titles: dict[str, str] = {}
    catalogue._parse("AK1xx.md", "# AK1xx · T\n\n## AK101 x\n\nseverity: error\n\nS.\n", titles)
    assert titles == {"AK1": "T"}


def test_issues_are_made_by_their_code_info_only() -> None:
    """No module builds an `Issue` by hand with a severity of its own (`yamlsafe` used a literal "error")."""
    made_by_hand = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "issues.py" and path.parent == SRC:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"(?<![\w.])Issue\(", line) and not line.lstrip().startswith(("#", ">>>", "class ")):
                made_by_hand.append(f"{path.relative_to(SRC)}:{number}: {line.strip()}")
    assert made_by_hand == [], "use CodeInfo.issue(...) or Context.issue(...)"


@pytest.mark.parametrize(
    "front_matter",
    [
        'title: "a"\ntitle: "b"\n',  # AK202
        "title: !!python/object/apply:os.system [x]\n",  # AK203
        "- a\n",  # AK204
        "1: x\n",  # AK205
        "a: *nothing\n",  # AK206
        "a: !!int x\n",  # AK208
        "a: &x 1\nb: &x 2\n",  # AK210
        'title: "a\n',  # AK201
    ],
)
def test_the_yaml_layer_uses_the_registered_severities(front_matter: str) -> None:
    issues = articlekit.check("---\n" + front_matter + "---\n")
    assert [i for i in issues if i.code.startswith("AK2")], issues
    for issue in issues:
        assert issue.severity == CODES[issue.code].severity, issue
