"""`check --add-suppressions`: a comment for every error, one line per comment, and `check` passes after.

And `format` keeps every suppression comment where it is.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

import articlekit
from articlekit.cli import run
from articlekit.cli.suppress import add_suppressions
from articlekit.config import clear_discovery_cache
from conftest import DATA

URLS = 'webUrl: "https://example.com/a"\npublishedDateTime: 2024-05-01T10:00:00Z\nsecured: "{s}"\n'
GOOD = (DATA / "finland-prisons-ai.md").read_text(encoding="utf-8")

BROKEN = {
    # several codes on one line (the root mapping's): one trailing comment names them all
    "missing.md": '---\ncategory: news\ntitle: "Hi"\nlegacyId: 7\n---\nThe body # stays\n',
    # a wrong type, and a suppression already on the line (for another code) that the new code joins
    "merge.md": '---\ncategory: news  # articlekit: ignore[AK702]\ntitle: "Hi"\nheat: hot\n---\n',
    # inside a multi-line quoted value no comment can trail: one goes above the key
    "quoted.md": '---\ncategory: news\ntitle: "Hi"\nheat: "a long\n  text"\n---\n',
    # a block scalar's '|' line: above it too
    "block.md": "---\ncategory: news\ntitle: Hi\nheat: |\n  17\n  # not a comment\n---\nBody\n",
    # a suppression on a line of its own above the line: the new code joins it
    "above.md": '---\n# articlekit: ignore[AK702]\ncategory: news\ntitle: "Hi"\n---\n',
    # issues on the fences and in the body: ignore-file at the top of the front matter
    "fences.md": '----\ncategory: news\ntitle: "Hi"\n----\nbody \x01 text\n',
    # an ignore-file comment already there: the file-level codes join it
    "filewide.md": '---\ncategory: news\n# articlekit: ignore-file[AK104]\ntitle: "Hi"\n----\nbody\x01\n',
    # CRLF newlines and a BOM are kept
    "crlf.md": '\ufeff---\r\ncategory: news\r\ntitle: "Hi"\r\nfoo: 1\r\n---\r\nBody\r\n',
    # a page of no known kind (one AK901) and an empty front matter (AK901 on the fence)
    "doc.md": "---\ntitle: Installing\n---\n# Installing\n",
    "empty.md": "---\n---\nJust a body\n",
    # a file with nothing to suppress is not touched
    "good.md": GOOD,
}


def write_tree(root: Path, files: dict[str, str]) -> dict[str, bytes]:
    out = {}
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        out[name] = data
    return out


def changed_lines(old: bytes, new: bytes) -> tuple[int, int]:
    """(lines removed, lines added) between two versions of a file, line endings included."""
    a = old.decode("utf-8").splitlines(keepends=True)
    b = new.decode("utf-8").splitlines(keepends=True)
    removed = added = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag in ("replace", "delete"):
            removed += i2 - i1
        if tag in ("replace", "insert"):
            added += j2 - j1
    return removed, added


def test_add_suppressions_then_check_passes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    before = write_tree(tmp_path, BROKEN)
    assert run(["check", ".", "-W", "-q"]) == 1
    capsys.readouterr()

    assert run(["check", ".", "-W", "--add-suppressions"]) == 0
    out, err = capsys.readouterr()
    reported: dict[str, list[tuple[int, str]]] = {}
    for row in out.splitlines():
        name, line, what = row.split(":", 2)
        reported.setdefault(name, []).append((int(line), what))
    assert f"added {sum(map(len, reported.values()))} suppression comments to 10 files" in err

    for name, old in before.items():
        new = (tmp_path / name).read_bytes()
        new_lines = new.decode("utf-8").splitlines()
        comments = reported.get(name, [])
        # own lines added (new comments on a line of their own) change no line; every other comment
        # changes exactly one line; nothing else differs
        own = [n for n, what in comments if " added # " in what and new_lines[n - 1].lstrip().startswith("#")]
        assert changed_lines(old, new) == (len(comments) - len(own), len(comments)), name
        assert new.startswith(b"\xef\xbb\xbf") == old.startswith(b"\xef\xbb\xbf")
        assert new.count(b"\r\n") - old.count(b"\r\n") == (len(own) if b"\r\n" in old else 0)
        old_split, new_split = articlekit.parse(old)[1], articlekit.parse(new)[1]
        assert new_split == old_split  # the body
    assert "good.md" not in reported
    crlf = (tmp_path / "crlf.md").read_bytes()
    assert crlf.count(b"\n") == crlf.count(b"\r\n")

    # what each file got
    text = {name: (tmp_path / name).read_text(encoding="utf-8") for name in BROKEN}
    assert "category: news  # articlekit: ignore[AK301, AK702]\n" in text["missing.md"]
    assert "legacyId: 7  # articlekit: ignore[AK305]\n" in text["missing.md"]
    assert "category: news  # articlekit: ignore[AK702, AK301]\n" in text["merge.md"]
    assert "heat: hot  # articlekit: ignore[AK302]\n" in text["merge.md"]
    assert '# articlekit: ignore[AK302]\nheat: "a long\n  text"\n' in text["quoted.md"]
    assert "# articlekit: ignore[AK302]\nheat: |\n  17\n  # not a comment\n" in text["block.md"]
    assert "# articlekit: ignore[AK702, AK301]\ncategory: news\n" in text["above.md"]
    assert text["fences.md"].startswith("----\n# articlekit: ignore-file[AK104, AK109]\ncategory: news  #")
    assert "# articlekit: ignore-file[AK104, AK109]\n" in text["filewide.md"]
    assert text["doc.md"] == "---\ntitle: Installing  # articlekit: ignore[AK901]\n---\n# Installing\n"
    assert text["empty.md"] == "---\n# articlekit: ignore-file[AK901]\n---\nJust a body\n"

    # check passes now, from the command line and from the API, and nothing is stale
    clear_discovery_cache()
    assert run(["check", ".", "-W", "--format", "json", "-q"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    for name in BROKEN:
        assert articlekit.check_file(tmp_path / name) == []


def test_warnings_are_left_alone_without_warnings_as_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.md"
    path.write_text('---\ncategory: news\ntitle: "Hi"\nlegacyId: 7\n---\n', encoding="utf-8")
    assert run(["check", str(path), "--add-suppressions"]) == 0
    assert path.read_text(encoding="utf-8") == (
        '---\ncategory: news  # articlekit: ignore[AK301, AK702]\ntitle: "Hi"\nlegacyId: 7\n---\n'
    )
    assert capsys.readouterr().out == f"{path}:2: added # articlekit: ignore[AK301, AK702]\n"
    assert run(["check", str(path), "-q"]) == 0  # the AK305 warning is still reported
    assert "AK305" in capsys.readouterr().out


def test_select_and_configuration_decide_what_is_suppressed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "articlekit.toml").write_text('ignore = ["AK702"]\n', encoding="utf-8")
    path = tmp_path / "a.md"
    path.write_text('---\ncategory: news\ntitle: "Hi"\nheat: hot\n---\n', encoding="utf-8")
    assert run(["check", str(path), "--add-suppressions", "--select", "AK3"]) == 0
    assert path.read_text(encoding="utf-8") == (
        '---\ncategory: news  # articlekit: ignore[AK301]\ntitle: "Hi"\n'
        "heat: hot  # articlekit: ignore[AK302]\n---\n"
    )
    capsys.readouterr()
    assert run(["check", str(path)]) == 0


def test_what_cannot_be_suppressed_is_left_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {
        "yaml.md": b"---\ncategory: news\ntitle: [unclosed\n---\n",
        "latin.md": '---\ncategory: news\ntitle: "caf\xe9"\n---\n'.encode("latin-1"),
        "nofence.md": b"title: x\n",
        "stale.md": b'---\ncategory: news\ntitle: "Hi"  # articlekit: ignore[AK305]\n---\n',
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    assert run(["check", str(tmp_path), "-W", "--add-suppressions"]) == 1
    out, err = capsys.readouterr()
    assert "YAML cannot read the front matter" in out
    assert "not UTF-8" in out
    assert "no front matter" in out
    assert "AK002 cannot be suppressed by a comment" in out
    assert "added 1 suppression comment to 1 file; 7 issues could not be suppressed" in err
    for name, data in files.items():
        if name != "stale.md":
            assert (tmp_path / name).read_bytes() == data
    assert changed_lines(files["stale.md"], (tmp_path / "stale.md").read_bytes()) == (1, 1)
    assert run(["check", str(tmp_path), "-W", "-q"]) == 1  # those are still reported
    assert len(capsys.readouterr().out.splitlines()) == 7  # latin.md has four, the others one each


def test_add_suppressions_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ncategory: news\n---\n", encoding="utf-8")
    assert run(["check", "-", "--add-suppressions"]) == 2
    assert run(["check", str(path), "--add-suppressions", "--fix"]) == 2
    assert "--add-suppressions works on files alone" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "---\ncategory: news\n---\n"


ROOT = "category: news  # articlekit: ignore[AK301, AK702]\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plain value that goes on to the next line: a comment after its first line would end
        # the value, so the comment goes above the key
        (
            "---\ncategory: news\nheat: a\n  b\ntitle: x\n---\n",
            f"---\n{ROOT}# articlekit: ignore[AK302]\nheat: a\n  b\ntitle: x\n---\n",
        ),
        # a flow list over two lines: a comment may trail its first line
        (
            "---\ncategory: news\ntopics: [a,\n  b]\nheat: hot\ntitle: x\n---\n",
            f"---\n{ROOT}topics: [a,\n  b]\nheat: hot  # articlekit: ignore[AK302]\ntitle: x\n---\n",
        ),
        # a list item whose quoted value goes on: above the item, at its indentation
        (
            '---\ncategory: news\ntitle: x\nimages:\n  - url: "/a-1x1\n      .png"\n'
            "    width: 1\n    height: 1\n---\n",
            f'---\n{ROOT}title: x\nimages:\n  # articlekit: ignore[AK402]\n  - url: "/a-1x1\n      .png"\n'
            "    width: 1\n    height: 1\n---\n",
        ),
        # single-quoted over two lines, and trailing whitespace on the line a comment trails
        (
            "---\ncategory: news   \ntitle: x\nheat: 'a\n  b'\n---\n",
            f"---\n{ROOT}title: x\n# articlekit: ignore[AK302]\nheat: 'a\n  b'\n---\n",
        ),
    ],
)
def test_placements(text: str, expected: str) -> None:
    issues = articlekit.check(text)
    result = add_suppressions(text, issues, lambda new: [i for i in articlekit.check(new) if i.is_error])
    assert result.text == expected
    assert result.left == []
    assert articlekit.parse(result.text) == articlekit.parse(text)
    assert articlekit.check(result.text) == []
    own = sum(1 for a in result.added if expected.splitlines()[a.line - 1].lstrip().startswith("#"))
    assert changed_lines(text.encode(), expected.encode()) == (len(result.added) - own, len(result.added))


SECURED = GOOD.split("secured: ", 1)[1].split("\n", 1)[0]
SUPPRESSED = (
    "---\n"
    "# articlekit: ignore-file[AK305]\n"
    "category: news\n"
    "title:   'Hi'\n"
    "webUrl: https://example.com/a\n"
    "publishedDateTime: 2024-05-01T10:00:00Z\n"
    f"secured: {SECURED}\n"
    "legacyId: 7\n"
    "images:\n"
    '- url: "/img/a-10x10.png"\n'
    "  # articlekit: ignore[AK401]\n"
    "  width: 12\n"
    "  height: 10\n"
    "topics:\n"
    "- a\n"
    "- a  # articlekit: ignore[AK853]\n"
    "---\n"
    "Body\n"
)
"""An article with an AK305, AK401 and AK853 issue, each suppressed: file-wide, on its own line, trailing."""


def test_format_keeps_every_suppression_comment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    unsuppressed = SUPPRESSED.replace("# articlekit:", "# note:")
    assert sorted(i.code for i in articlekit.check(unsuppressed)) == ["AK305", "AK401", "AK853"]
    assert articlekit.check(SUPPRESSED) == []
    path = tmp_path / "a.md"
    path.write_text(SUPPRESSED, encoding="utf-8")
    assert run(["format", str(path)]) == 0
    assert f"reformatted {path}" in capsys.readouterr().err
    formatted = path.read_text(encoding="utf-8")
    assert formatted != SUPPRESSED
    assert formatted.startswith("---\n# articlekit: ignore-file[AK305]\ncategory: news\n")
    assert "    # articlekit: ignore[AK401]\n    width: 12\n" in formatted
    assert "  - a  # articlekit: ignore[AK853]\n" in formatted
    assert articlekit.check(formatted) == []  # every comment still suppresses its issue; none is stale
    assert run(["format", "--check", str(path)]) == 0


def test_format_refuses_to_move_an_issue_away_from_its_suppression(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # in flow style the issue is on the key's line; block style would put it on the item's line
    text = SUPPRESSED.replace(
        "topics:\n- a\n- a  # articlekit: ignore[AK853]\n",
        'topics: ["a", "a"]  # articlekit: ignore[AK853]\n',
    )
    assert articlekit.check(text) == []
    path = tmp_path / "a.md"
    path.write_text(text, encoding="utf-8")
    assert run(["format", str(path)]) == 1
    err = capsys.readouterr().err
    assert "moves issues away from the line of a suppression comment" in err
    assert "AK002 '# articlekit: ignore[AK853]' suppressed nothing" in err
    assert path.read_text(encoding="utf-8") == text
