"""`articlekit check --fix`, `--unsafe-fixes`, `--diff` and `--show-fixes`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articlekit.cli import run
from conftest import DATA

SAMPLE = (DATA / "finland-prisons-ai.md").read_text(encoding="utf-8")
RELATED_ITEM_END = "        isCached: true\n\nsecured"


def _folder(tmp_path: Path) -> dict[str, str]:
    """A folder of broken copies of the sample; the original text of each."""
    files = {
        "safe.md": SAMPLE.replace("quality: 66", 'quality: "66"').replace(
            "published: true", "published: yes"
        ),
        "unsafe.md": SAMPLE.replace(
            RELATED_ITEM_END, '        isCached: true\n    secured: "abc"\n\nsecured'
        ),
        "unfixable.md": SAMPLE.replace('title: "At prisons', 'titel: "At prisons', 1),
        "clean.md": SAMPLE,
    }
    for name, text in files.items():
        (tmp_path / name).write_bytes(text.encode("utf-8"))
    return files


def _codes(out: str) -> list[tuple[str, str]]:
    return sorted((Path(row["path"]).name, row["code"]) for row in json.loads(out))


def test_fix_then_check_reports_only_what_cannot_be_fixed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _folder(tmp_path)
    assert run(["check", str(tmp_path), "--fix", "--format", "json"]) == 1
    out, err = capsys.readouterr()
    assert "fixed 2 issues in 1 file" in err
    assert "1 more issue fixable with --unsafe-fixes" in err
    assert (tmp_path / "safe.md").read_text(encoding="utf-8") == SAMPLE
    remaining = _codes(out)
    assert ("unsafe.md", "AK602") in remaining
    assert ("unfixable.md", "AK301") in remaining
    assert all(name != "safe.md" for name, _ in remaining)
    assert run(["check", str(tmp_path), "--format", "json"]) == 1
    assert _codes(capsys.readouterr().out) == remaining


def test_unsafe_fixes_apply_the_unsafe_ones_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _folder(tmp_path)
    assert run(["check", str(tmp_path), "--unsafe-fixes", "--format", "json"]) == 1
    assert (tmp_path / "unsafe.md").read_text(encoding="utf-8") == SAMPLE
    assert {name for name, _ in _codes(capsys.readouterr().out)} == {"unfixable.md"}
    (tmp_path / "unfixable.md").unlink()
    assert run(["check", str(tmp_path), "--fix", "-q"]) == 0


def test_diff_writes_nothing_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = _folder(tmp_path)
    before = {name: (tmp_path / name).read_bytes() for name in files}
    assert run(["check", str(tmp_path), "--diff"]) == 1
    out, err = capsys.readouterr()
    assert {name: (tmp_path / name).read_bytes() for name in files} == before
    safe = str(tmp_path / "safe.md")
    assert f"--- a/{safe}\n+++ b/{safe}\n" in out
    assert '-quality: "66"\n+quality: 66\n' in out
    assert "-published: yes\n+published: true\n" in out
    assert "unsafe.md" not in out
    assert "would fix 2 issues in 1 file" in err
    assert run(["check", str(tmp_path), "--diff", "--unsafe-fixes"]) == 1
    assert '-    secured: "abc"\n' in capsys.readouterr().out
    assert {name: (tmp_path / name).read_bytes() for name in files} == before
    assert run(["check", str(tmp_path / "clean.md"), "--diff"]) == 0
    assert capsys.readouterr().out == ""


def test_show_fixes_lists_each_fix_per_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _folder(tmp_path)
    (tmp_path / "fails.md").write_text(SAMPLE.replace("quality: 66", 'quality: "-1"'), encoding="utf-8")
    assert run(["check", str(tmp_path), "--fix", "--show-fixes", "-q"]) == 1
    err = capsys.readouterr().err
    safe = str(tmp_path / "safe.md")
    assert f"{safe}:10:10: fixed AK302 write 66 without quotes" in err
    assert f"{safe}:12:12: fixed AK211 write true for yes" in err
    assert (
        f"{tmp_path / 'fails.md'}:10:10: not fixed AK302 write -1 without quotes: it adds an AK303 issue"
        in err
    )
    assert "fixed 2 issues" not in err  # -q: no summary


def test_fix_works_with_parallel_jobs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = SAMPLE.replace("quality: 66", 'quality: "66"')
    for n in range(70):  # more than runner.MIN_PARALLEL_FILES: worker processes take part
        (tmp_path / f"f{n:02}.md").write_text(broken if n % 2 else SAMPLE, encoding="utf-8")
    assert run(["check", str(tmp_path), "--fix", "-j", "3"]) == 0
    assert "fixed 35 issues in 35 files" in capsys.readouterr().err
    assert all(p.read_text(encoding="utf-8") == SAMPLE for p in tmp_path.iterdir())


def test_fix_honours_select_and_ignore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _folder(tmp_path)
    assert run(["check", str(tmp_path / "safe.md"), "--fix", "--ignore", "AK302"]) == 0
    text = (tmp_path / "safe.md").read_text(encoding="utf-8")
    assert 'quality: "66"' in text
    assert "published: true" in text
    assert run(["check", str(tmp_path / "safe.md"), "--fix", "--select", "AK3"]) == 0
    assert (tmp_path / "safe.md").read_text(encoding="utf-8") == SAMPLE


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _folder(tmp_path)
    assert run(["check", str(tmp_path), "--show-fixes"]) == 2
    assert "--show-fixes needs --fix" in capsys.readouterr().err
    assert run(["check", "-", "--fix"]) == 2
    assert "--fix cannot write standard input" in capsys.readouterr().err


def test_diff_of_standard_input(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    broken = SAMPLE.replace("quality: 66", 'quality: "66"')
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(broken.encode("utf-8"))))
    assert run(["check", "-", "--diff", "--stdin-filename", "post.md"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("--- a/post.md\n+++ b/post.md\n")


def test_a_file_that_cannot_be_written_is_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from articlekit.cli import atomic

    def refuse(path: str, data: bytes) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic, "write_atomic", refuse)
    files = _folder(tmp_path)
    assert run(["check", str(tmp_path / "safe.md"), "--fix"]) == 2
    assert f"cannot write {tmp_path / 'safe.md'}: Permission denied" in capsys.readouterr().err
    assert (tmp_path / "safe.md").read_text(encoding="utf-8") == files["safe.md"]
