"""`articlekit check -j 2` reports exactly what `-j 1` does on a tree of nested configurations.

Each file's configuration is looked up once per folder (`Configs.for_files`);
the files are checked in worker processes with it.  Folders whose names share
a prefix, configurations at several depths and per-file ignores make a wrong
look-up show in the output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articlekit.cli import run
from articlekit.cli.runner import MIN_PARALLEL_FILES
from filetrees import tree

NEWS = '---\ncategory: news\ntitle: "Hi"\nlegacyId: 7\n---\nBody\n'
"""A news item with AK301 (x2), AK702 (errors) and AK305 (a warning)."""


pytestmark = pytest.mark.usefixtures("fresh_discovery")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    files = {
        "articlekit.toml": 'ignore = ["AK702"]\n[per-file-ignores]\n"a/keep-*.md" = ["AK305"]\n',
        "a/articlekit.toml": '[per-file-ignores]\n"keep-*.md" = ["AK301"]\n',
        "a/b/articlekit.toml": 'select = ["AK305"]\n',
        "ab/articlekit.toml": 'select = ["AK702"]\n',
    }
    for n in range(30):
        files[f"top-{n:02}.md"] = NEWS
        files[f"a/{'keep' if n % 2 else 'file'}-{n:02}.md"] = NEWS
        files[f"a/b/deep-{n:02}.md"] = NEWS
        files[f"ab/side-{n:02}.md"] = NEWS
        files[f"plain/p-{n:02}.md"] = NEWS
    assert len([name for name in files if name.endswith(".md")]) > 2 * MIN_PARALLEL_FILES
    return tree(tmp_path, files)


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, object]]]:
    status = run(["check", "--format", "json", "-q", *args])
    return status, json.loads(capsys.readouterr().out or "[]")


def _codes(rows: list[dict[str, object]], root: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for row in rows:
        out.setdefault(Path(str(row["path"])).relative_to(root).as_posix(), []).append(str(row["code"]))
    return {name: sorted(codes) for name, codes in out.items()}


@pytest.mark.parametrize("extra", [(), ("--ignore", "AK305"), ("--select", "AK3,AK7")])
def test_two_jobs_report_what_one_job_does(
    repo: Path, capsys: pytest.CaptureFixture[str], extra: tuple[str, ...]
) -> None:
    one = _check(capsys, str(repo), "-j", "1", *extra)
    two = _check(capsys, str(repo), "-j", "2", *extra)
    assert one == two  # the same status and the same issues, in the same order
    assert one[1] == sorted(one[1], key=lambda r: (str(r["path"]), r["line"], r["column"]))


def test_each_folder_has_its_own_configuration_with_two_jobs(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, rows = _check(capsys, str(repo), "-j", "2")
    assert status == 1
    found = _codes(rows, repo)
    assert found["top-00.md"] == ["AK301", "AK301", "AK305"]  # AK702 ignored at the top
    assert found["plain/p-29.md"] == ["AK301", "AK301", "AK305"]  # the top folder's configuration
    # a/ has its own configuration (its own per-file-ignores; the top's ignore no longer applies)
    assert found["a/file-00.md"] == ["AK301", "AK301", "AK305", "AK702"]
    assert found["a/keep-01.md"] == ["AK305", "AK702"]
    assert found["a/b/deep-07.md"] == ["AK305"]  # a/b: select AK305
    assert found["ab/side-13.md"] == ["AK702"]  # ab, not a: select AK702
    assert len(found) == 150
