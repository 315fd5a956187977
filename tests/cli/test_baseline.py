"""``check --write-baseline FILE`` and ``check --baseline FILE`` (``articlekit.cli.baseline``)."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from articlekit.cli import run
from articlekit.cli.baseline import VERSION, Baseline, Entry, render_baseline, value_hash
from articlekit.cli.common import UsageError
from articlekit.issues import Issue
from conftest import EXAMPLES

HELLO = (EXAMPLES / "hello-article.md").read_text(encoding="utf-8")


@pytest.fixture
def legacy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A legacy folder (the current folder is its parent) with errors and warnings."""
    monkeypatch.chdir(tmp_path)
    folder = Path("content")
    folder.mkdir()
    (folder / "a.md").write_text(HELLO.replace("heat: 17", 'heat: "hot"\nwebURL: x'), encoding="utf-8")
    (folder / "b.md").write_text(HELLO.replace("quality: 42", "quality: 42\nfoo: 1"), encoding="utf-8")
    (folder / "c.md").write_text(HELLO, encoding="utf-8")
    return folder


def _check(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = run(["check", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_write_baseline_records_every_issue(legacy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, before, _ = _check(capsys, str(legacy), "--format", "json")
    assert status == 1
    issues = json.loads(before)
    assert len(issues) == 3
    status, out, err = _check(capsys, str(legacy), "--write-baseline", "baseline.json")
    assert (status, out) == (0, "")  # everything is recorded: nothing new
    assert "recorded 3 issues in the baseline baseline.json" in err
    text = Path("baseline.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["version"] == VERSION
    entries = data["entries"]
    assert sorted((e["path"], e["code"], e["key_path"]) for e in entries) == sorted(
        (i["path"], i["code"], i["key_path"]) for i in issues
    )
    assert entries == sorted(entries, key=lambda e: (e["path"], e["code"], json.dumps(e["key_path"])))
    # readable in a diff: one entry per line, no line number in it
    entry_lines = [line for line in text.splitlines() if '"code"' in line]
    assert len(entry_lines) == len(entries)
    assert all("line" not in e and "column" not in e and "message" not in e for e in entries)
    # stable: writing it again gives the same bytes
    _check(capsys, str(legacy), "--write-baseline", "baseline.json")
    assert Path("baseline.json").read_text(encoding="utf-8") == text


def test_baseline_reports_only_new_issues(legacy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _check(capsys, str(legacy), "--write-baseline", "baseline.json")
    status, out, err = _check(capsys, str(legacy), "--baseline", "baseline.json")
    assert (status, out) == (0, "")
    assert "3 issues left out: recorded in the baseline baseline.json" in err
    assert "no longer occur" not in err

    _edit(legacy / "c.md", "quality: 42", "quality: -1")  # a new error in a clean file
    status, out, err = _check(capsys, str(legacy), "--baseline", "baseline.json")
    assert status == 1
    assert out == _check(capsys, str(legacy / "c.md"))[1]
    assert out.startswith(f"{legacy / 'c.md'}:")


def test_baseline_survives_inserted_lines(legacy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _check(capsys, str(legacy), "--write-baseline", "baseline.json")
    _, before, _ = _check(capsys, str(legacy / "a.md"))
    _edit(legacy / "a.md", "category: news\n", "category: news\n# a new comment\n\nexcerpt2: x\n")
    _, after, _ = _check(capsys, str(legacy / "a.md"), "--ignore", "AK305")
    assert before.split(":")[1] != after.split(":")[1]  # the issues moved down
    status, out, err = _check(capsys, str(legacy), "--baseline", "baseline.json")
    assert status == 0  # AK302 and the old AK305 still match, though on other lines
    (line,) = out.splitlines()
    assert line == f"{legacy / 'a.md'}:5:1: warning AK305 unknown key 'excerpt2'; it is kept as is"
    assert "3 issues left out" in err


def test_renamed_key_is_a_new_issue(legacy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _check(capsys, str(legacy), "--write-baseline", "baseline.json")
    _edit(legacy / "a.md", "webURL: x", "webURI: x")
    status, out, err = _check(capsys, str(legacy), "--baseline", "baseline.json")
    assert status == 0  # a warning only
    (line,) = out.splitlines()
    assert "AK305 unknown key 'webURI'" in line
    assert "2 issues left out" in err
    assert "1 baseline entry no longer occurs: rewrite it with --write-baseline baseline.json" in err


def test_fixed_issues_are_counted_as_gone(legacy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _check(capsys, str(legacy), "--write-baseline", "baseline.json")
    (legacy / "a.md").write_text(HELLO, encoding="utf-8")
    status, out, err = _check(capsys, str(legacy), "--baseline", "baseline.json")
    assert (status, out) == (0, "")
    assert "2 baseline entries no longer occur" in err
    status, _, err = _check(capsys, str(legacy), "--baseline", "baseline.json", "-q")
    assert err == ""


def test_changed_value_is_a_new_issue(legacy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _check(capsys, str(legacy), "--write-baseline", "baseline.json")
    _edit(legacy / "a.md", 'heat: "hot"', 'heat: "cold"')
    status, out, err = _check(capsys, str(legacy), "--baseline", "baseline.json")
    assert status == 1
    assert "AK302" in out
    assert "1 baseline entry no longer occurs" in err


def test_baseline_works_from_another_folder(legacy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Paths in the baseline are relative to its own folder, not to where articlekit runs."""
    _check(capsys, str(legacy), "--write-baseline", "baseline.json")
    root = Path.cwd()
    paths = {e["path"] for e in json.loads(Path("baseline.json").read_text(encoding="utf-8"))["entries"]}
    assert paths == {"content/a.md", "content/b.md"}
    status, out, _ = _check(capsys, str(root / legacy), "--baseline", str(root / "baseline.json"))
    assert (status, out) == (0, "")
    os.chdir(legacy)  # monkeypatch.chdir in the fixture restores the folder
    status, out, _ = _check(capsys, ".", "--baseline", "../baseline.json")
    assert (status, out) == (0, "")


def test_each_entry_matches_one_issue() -> None:
    issue = Issue("AK853", "warning", "topics[1] repeats topics[0]", ("topics", 1), 5, 3)
    lines = {("a.md", 5): "topics: [a, a]"}
    entry = Entry("a.md", "AK853", ("topics", 1), value_hash("topics: [a, a]"))
    known = Baseline(Counter([entry]), root=str(Path.cwd()))
    new, matched, gone = known.split([("a.md", issue), ("a.md", issue)], lines)
    assert (new, matched, gone) == ([("a.md", issue)], 1, 0)
    known = Baseline(Counter([entry, entry, entry]), root=str(Path.cwd()))
    assert known.split([("a.md", issue)], lines) == ([], 1, 2)


def test_render_is_sorted_and_round_trips(tmp_path: Path) -> None:
    entries = [
        Entry("b.md", "AK305", ("x",), "0" * 16),
        Entry("a.md", "AK401", ("images", 0, "width"), "1" * 16),
        Entry("a.md", "AK305", ("images", 0, "é"), "2" * 16),
    ]
    text = render_baseline(entries)
    hashes = ["2" * 16, "1" * 16, "0" * 16]
    assert text.splitlines() == [
        "{",
        '  "version": 1,',
        '  "tool": "articlekit",',
        '  "entries": [',
        f'    {{"path": "a.md", "code": "AK305", "key_path": ["images", 0, "é"], '
        f'"value_hash": "{hashes[0]}"}},',
        f'    {{"path": "a.md", "code": "AK401", "key_path": ["images", 0, "width"], '
        f'"value_hash": "{hashes[1]}"}},',
        f'    {{"path": "b.md", "code": "AK305", "key_path": ["x"], "value_hash": "{hashes[2]}"}}',
        "  ]",
        "}",
    ]
    target = tmp_path / "b.json"
    target.write_text(text, encoding="utf-8")
    assert sorted(Baseline.load(str(target)).entries.elements(), key=Entry.sort_key) == sorted(
        entries, key=Entry.sort_key
    )
    assert json.loads(render_baseline([])) == {"version": VERSION, "tool": "articlekit", "entries": []}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not JSON: Expecting property name enclosed in double quotes at line 1, column 2"),
        ("[]", "it is not a JSON object"),
        ('{"version": 2, "entries": []}', "'version' is 2, expected 1"),
        ('{"version": 1}', "'entries' is missing or not a list"),
        ('{"version": 1, "entries": [1]}', "entry 1 is not an object"),
        (
            '{"version": 1, "entries": [{"path": "a.md", "code": "AK305", "key_path": "x", '
            '"value_hash": "0"}]}',
            "entry 1 needs 'key_path' (a list)",
        ),
        (
            '{"version": 1, "entries": [{"path": "a.md", "code": "AK305", "key_path": [1.5], '
            '"value_hash": "0"}]}',
            "entry 1: 'key_path' holds only keys (text) and list indexes (integers)",
        ),
        (
            '{"version": 1, "entries": [{"path": "a.md", "code": "AK305", "key_path": [], '
            '"value_hash": "0", "line": 3}]}',
            "entry 1 has an unknown field 'line'",
        ),
    ],
)
def test_malformed_baseline_is_a_usage_error(
    legacy: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    Path("bad.json").write_text(content, encoding="utf-8")
    status, out, err = _check(capsys, str(legacy), "--baseline", "bad.json")
    assert (status, out) == (2, "")
    assert f"articlekit: error: --baseline: bad.json is not a valid baseline file: {message}" in err
    assert "checked" not in err  # stopped before checking anything
    with pytest.raises(UsageError, match="not a valid baseline file"):
        Baseline.load("bad.json")


def test_missing_baseline_and_both_options(legacy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _check(capsys, str(legacy), "--baseline", "nope.json")
    assert status == 2
    assert "--baseline: cannot read nope.json" in err
    status, _, err = _check(capsys, str(legacy), "--baseline", "a.json", "--write-baseline", "b.json")
    assert status == 2
    assert "not allowed with argument" in err
    status, _, err = _check(capsys, str(legacy), "--write-baseline", "no/such/dir/b.json")
    assert status == 2
    assert "--write-baseline: cannot write no/such/dir/b.json" in err
