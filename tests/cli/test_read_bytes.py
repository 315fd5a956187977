"""`cli.atomic.read_bytes`: the read that `format` and `check --add-suppressions` share."""

from __future__ import annotations

from pathlib import Path

import pytest

from articlekit.cli import run
from articlekit.cli.atomic import read_bytes


def test_read_bytes_gives_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"---\r\ntitle: x\r\n---\r\n")
    problems: list[tuple[str, str]] = []
    assert read_bytes(str(path), problems) == b"---\r\ntitle: x\r\n---\r\n"
    assert problems == []


def test_read_bytes_reports_what_it_cannot_read(tmp_path: Path) -> None:
    problems: list[tuple[str, str]] = []
    missing = str(tmp_path / "missing.md")
    assert read_bytes(missing, problems) is None
    assert read_bytes(str(tmp_path), problems) is None  # a folder
    assert [p for p, _ in problems] == [missing, str(tmp_path)]
    assert problems[0][1] == "No such file or directory"


def test_format_reads_through_read_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import articlekit.cli.atomic as atomic

    path = tmp_path / "a.md"
    path.write_text("---\ntitle: x\n---\n", encoding="utf-8")

    def gone(name: str, problems: list[tuple[str, str]]) -> bytes | None:
        problems.append((name, "gone"))
        return None

    monkeypatch.setattr(atomic, "read_bytes", gone)
    assert run(["format", str(path)]) == 2
    assert f"cannot read {path}: gone" in capsys.readouterr().err
