"""``articlekit format``: in-place, atomic, data-preserving rewrites; ``--check`` and ``--diff``.

The mechanics are tested with stand-in formatters (so they run before and after
``articlekit.format`` exists); the last tests use the real formatter and skip
while it is absent.
"""

from __future__ import annotations

import io
import os
import re
import stat
import sys
from pathlib import Path

import pytest

import articlekit
from articlekit.cli import run
from conftest import DATA, EXAMPLES

HELLO = (EXAMPLES / "hello-article.md").read_text(encoding="utf-8")


def _strip_trailing_spaces(text: str) -> str:
    """A formatter that keeps the data: it removes trailing blanks."""
    return re.sub(r"[ \t]+(?=\r?\n|$)", "", text)


def _changes_data(text: str) -> str:
    """A broken formatter: it changes a value."""
    return text.replace("heat: 17", "heat: 18")


def _messy(text: str = HELLO) -> str:
    return text.replace("heat: 17\n", "heat: 17   \n").replace("type: article\n", "type: article\t\n")


@pytest.fixture
def fake_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(articlekit, "format", _strip_trailing_spaces, raising=False)


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    path = tmp_path / "post.md"
    path.write_bytes(_messy().encode("utf-8"))
    path.chmod(0o640)
    (tmp_path / "clean.md").write_text(HELLO, encoding="utf-8")
    return path


@pytest.mark.usefixtures("fake_format")
def test_format_rewrites_in_place_keeping_permissions(
    messy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = articlekit.parse(messy.read_bytes())
    assert run(["format", str(messy.parent)]) == 0
    assert messy.read_text(encoding="utf-8") == HELLO
    assert stat.S_IMODE(messy.stat().st_mode) == 0o640
    assert articlekit.parse(messy.read_bytes()) == before
    assert sorted(p.name for p in messy.parent.iterdir()) == ["clean.md", "post.md"]  # no temp file left
    err = capsys.readouterr().err
    assert f"reformatted {messy}" in err
    assert "1 file reformatted, 1 unchanged" in err
    assert run(["format", str(messy)]) == 0
    assert "0 files reformatted, 1 unchanged" in capsys.readouterr().err


@pytest.mark.usefixtures("fake_format")
def test_format_keeps_crlf_bytes(tmp_path: Path) -> None:
    path = tmp_path / "crlf.md"
    path.write_bytes(_messy().replace("\n", "\r\n").encode("utf-8"))
    assert run(["format", str(path), "-q"]) == 0
    assert path.read_bytes() == HELLO.replace("\n", "\r\n").encode("utf-8")


@pytest.mark.usefixtures("fake_format")
def test_format_follows_symlinks(tmp_path: Path, messy: Path) -> None:
    link = tmp_path / "link.md"
    try:
        link.symlink_to(messy)
    except OSError:
        pytest.skip("symbolic links are not available")
    assert run(["format", str(link), "-q"]) == 0
    assert link.is_symlink()
    assert messy.read_text(encoding="utf-8") == HELLO


@pytest.mark.usefixtures("fake_format")
def test_format_check_names_files_and_writes_nothing(messy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = messy.read_bytes()
    assert run(["format", "--check", str(messy.parent)]) == 1
    assert messy.read_bytes() == original
    err = capsys.readouterr().err
    assert f"would reformat {messy}" in err
    assert "clean.md" not in err
    assert run(["format", "--check", str(messy.parent / "clean.md")]) == 0


@pytest.mark.usefixtures("fake_format")
def test_format_diff(messy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = messy.read_bytes()
    assert run(["format", "--diff", str(messy)]) == 0
    assert messy.read_bytes() == original
    out = capsys.readouterr().out
    assert out.startswith(f"--- {messy}\t(original)\n+++ {messy}\t(formatted)\n@@ ")
    assert "\n-heat: 17   \n+heat: 17\n" in out
    assert run(["format", "--diff", "--check", str(messy)]) == 1


def test_format_refuses_to_change_data(
    messy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(articlekit, "format", _changes_data, raising=False)
    original = messy.read_bytes()
    assert run(["format", str(messy)]) == 1
    assert messy.read_bytes() == original
    assert "does not load back to the same data" in capsys.readouterr().err


def test_format_reports_files_it_cannot_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def strict(text: str) -> str:
        articlekit.parse(text)
        return text

    monkeypatch.setattr(articlekit, "format", strict, raising=False)
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: x\n", encoding="utf-8")
    latin = tmp_path / "latin.md"
    latin.write_bytes(HELLO.replace("articlekit reads", "caf\xe9 reads").encode("latin-1"))
    assert run(["format", str(bad), str(latin)]) == 1
    err = capsys.readouterr().err
    assert f"cannot format {bad}" in err
    assert f"{bad}:1:1: error AK103" in err
    assert f"cannot format {latin}: it is not valid UTF-8" in err
    assert run(["format", str(tmp_path / "missing.md"), str(bad)]) == 2


def test_format_stdin_to_stdout(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(articlekit, "format", _strip_trailing_spaces, raising=False)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(_messy().encode("utf-8"))))
    assert run(["format", "-", "-q"]) == 0
    assert capsys.readouterr().out == HELLO


_QUOTED_DATE = 'publishedDateTime: "2026-11-28T09:30:00Z"\n'
_PLAIN_DATE = "publishedDateTime: 2026-11-28T09:30:00Z\n"


def test_format_accepts_a_quoted_date_written_plain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A quoted timestamp and a plain one are the same `publishedDateTime` once validated."""
    assert _PLAIN_DATE in HELLO
    path = tmp_path / "quoted.md"
    path.write_text(HELLO.replace(_PLAIN_DATE, _QUOTED_DATE), encoding="utf-8")
    assert articlekit.check(path.read_bytes()) == []

    def unquote_dates(text: str) -> str:
        return text.replace(_QUOTED_DATE, _PLAIN_DATE)

    monkeypatch.setattr(articlekit, "format", unquote_dates, raising=False)
    assert run(["format", str(path)]) == 0
    assert "does not load back" not in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == HELLO


def test_real_format_of_a_quoted_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "quoted.md"
    path.write_text(HELLO.replace(_PLAIN_DATE, _QUOTED_DATE), encoding="utf-8")
    before = articlekit.loads(path.read_bytes()).meta
    assert run(["format", str(path)]) == 0
    assert "does not load back" not in capsys.readouterr().err
    after = articlekit.loads(path.read_bytes()).meta
    assert after == before
    assert isinstance(after, articlekit.Article)
    assert after.published_date_time.utcoffset() is not None


_HEAT = "heat: 17\n"


@pytest.mark.parametrize(
    ("target", "old", "new", "same"),
    [
        (_PLAIN_DATE, _QUOTED_DATE, _PLAIN_DATE, True),  # a field: both validate to the same datetime
        (_PLAIN_DATE, _PLAIN_DATE, "publishedDateTime: 2026-11-28T10:30:00+01:00\n", False),  # its offset
        (_HEAT, _HEAT, "heat: 18\n", False),
        (_HEAT, _HEAT, "heat: 17\nmoodRing: blue\n", False),  # a key added
        # unknown keys are kept as YAML data: their types matter
        (_HEAT, 'heat: 17\nmoodRing: "2020-01-01"\n', "heat: 17\nmoodRing: 2020-01-01\n", False),
        (_HEAT, 'heat: 17\nmoodRing: "yes"\n', "heat: 17\nmoodRing: true\n", False),
        (_HEAT, "heat: 17\nmoodRing: 1\n", "heat: 17\nmoodRing: true\n", False),
        (_HEAT, "heat: 17\nmoodRing: 1\n", "heat: 17\nmoodRing:   1\n", True),
    ],
)
def test_same_content_compares_meaning(target: str, old: str, new: str, same: bool) -> None:
    from articlekit.cli.format import same_content

    assert target in HELLO
    before, after = HELLO.replace(target, old), HELLO.replace(target, new)
    articlekit.loads(before)  # both load: only their meaning is compared
    articlekit.loads(after)
    assert same_content(before, after) is same
    assert same_content(before, after.replace("\n", "\r\n")) is same  # the newline style is no change
    assert same_content(before, after + "more body\n") is False
    assert same_content(before, "---\ntitle: x\n") is False  # does not load


@pytest.mark.parametrize("command", ["format", "convert"])
@pytest.mark.parametrize("contents", [{}, {"notes.txt": "not markdown"}])
def test_folder_with_no_file_is_a_usage_error(
    tmp_path: Path, command: str, contents: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    for name, text in contents.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert run([command, str(folder)]) == 2
    assert f"no files to {command} under {folder}" in capsys.readouterr().err
    (folder / "post.md").write_text(HELLO, encoding="utf-8")
    assert run([command, str(folder), "--check"] if command == "format" else [command, str(folder)]) == 0


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.usefixtures("fake_format")
def test_format_unwritable_folder_leaves_file(messy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    messy.parent.chmod(0o555)
    try:
        assert run(["format", str(messy)]) == 1
    finally:
        messy.parent.chmod(0o755)
    assert f"cannot write {messy}" in capsys.readouterr().err


# --------------------------------------------------------------------------- the real formatter


def _real_format() -> None:
    if not callable(getattr(articlekit, "format", None)):
        pytest.skip("articlekit.format is not available yet")


def test_real_format_keeps_the_canonical_sample(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _real_format()
    sample = tmp_path / "sample.md"
    sample.write_bytes((DATA / "finland-prisons-ai.md").read_bytes())
    assert run(["format", "--check", str(sample)]) == 0
    assert run(["format", str(sample)]) == 0
    assert sample.read_bytes() == (DATA / "finland-prisons-ai.md").read_bytes()


def test_real_format_is_idempotent_and_keeps_data(tmp_path: Path) -> None:
    _real_format()
    path = tmp_path / "post.md"
    path.write_text(_messy().replace("quality: 42", "quality:    42"), encoding="utf-8")
    before = articlekit.parse(path.read_bytes())
    assert run(["format", str(path), "-q"]) == 0
    assert articlekit.parse(path.read_bytes()) == before
    once = path.read_bytes()
    assert run(["format", "--check", str(path), "-q"]) == 0
    assert run(["format", str(path), "-q"]) == 0
    assert path.read_bytes() == once


def test_format_kind_is_passed_to_the_formatter(
    messy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[object] = []

    def formatter(text: str, *, kind: object = None) -> str:
        seen.append(kind)
        return _strip_trailing_spaces(text)

    monkeypatch.setattr(articlekit, "format", formatter, raising=False)
    assert run(["format", str(messy), "--kind", "Article", "-q"]) == 0
    assert seen == [articlekit.Article]
    assert run(["format", str(messy), "--kind", "nope"]) == 2
    assert "unknown kind 'nope'" in capsys.readouterr().err
