"""Issue 22: work skipped when it cannot change the answer, and modules a plain check does not load."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import articlekit
import articlekit.writer
from conftest import DATA

SAMPLE_PATH = DATA / "finland-prisons-ai.md"

MESSY = SAMPLE_PATH.read_text(encoding="utf-8").replace('title: "', "title:   '", 1).replace('"\n', "'\n", 1)


def _refuse(*_args: object) -> None:
    raise AssertionError("the load-back check ran")


def test_format_of_a_canonical_file_skips_the_load_back_check(monkeypatch: pytest.MonkeyPatch) -> None:
    text = SAMPLE_PATH.read_text(encoding="utf-8")
    assert articlekit.format(text) == text  # the publisher's own file is canonical
    monkeypatch.setattr(articlekit.writer, "_verify", _refuse)
    assert articlekit.format(text) == text
    assert articlekit.format(text.encode("utf-8")) == text
    with_bom = "\ufeff" + text
    assert articlekit.format(with_bom) == with_bom


def test_format_of_a_changed_file_still_checks_that_it_loads_back(monkeypatch: pytest.MonkeyPatch) -> None:
    assert SAMPLE_PATH.read_text(encoding="utf-8") != MESSY
    formatted = articlekit.format(MESSY)
    assert formatted != MESSY
    assert articlekit.loads(formatted).meta == articlekit.loads(MESSY).meta
    monkeypatch.setattr(articlekit.writer, "_verify", _refuse)
    with pytest.raises(AssertionError, match="load-back"):
        articlekit.format(MESSY)


def _loaded_by(script: str, cwd: Path) -> set[str]:
    env = dict(os.environ)
    env.pop("ARTICLEKIT_PURE_PYTHON", None)
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=cwd, env=env
    )
    return set(out.stdout.split())


def _any(loaded: set[str], name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in loaded)


def test_check_loads_no_configuration_fixes_or_server_machinery(tmp_path: Path) -> None:
    """``articlekit.check`` without a configuration imports neither the configuration
    (TOML, gitignore globs), the fixes, the language server nor the report formats."""
    script = (
        "import sys, articlekit\n"
        f"text = open({str(SAMPLE_PATH)!r}, encoding='utf-8').read()\n"
        "assert articlekit.check(text) == []\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    loaded = _loaded_by(script, tmp_path)
    assert "articlekit.api" in loaded  # the check did run
    for unwanted in (
        "articlekit.config",
        "articlekit.fixes",
        "articlekit.lsp",
        "articlekit.cli",
        "articlekit.writer",
        "pathspec",
        "tomllib",
        "tomli",
        "xml",
        "pygls",
    ):
        assert not _any(loaded, unwanted), unwanted


_CLI = (
    "import os, sys\n"
    "os._exit = lambda status: sys.exit(status)  # let the script print what was imported\n"
    "sys.argv = ['articlekit', 'check', '-q', 'one.md']\n"
    "from articlekit.cli import main\n"
    "try:\n"
    "    main()\n"
    "except SystemExit:\n"
    "    pass\n"
    "print(' '.join(sorted(sys.modules)))\n"
)


def test_cli_check_of_one_file_loads_no_fixes_server_or_writer(tmp_path: Path) -> None:
    (tmp_path / "one.md").write_text(SAMPLE_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    loaded = _loaded_by(_CLI, tmp_path)
    assert "articlekit.api" in loaded
    for unwanted in ("articlekit.fixes", "articlekit.lsp", "articlekit.writer", "pygls", "hypothesis"):
        assert not _any(loaded, unwanted), unwanted


def test_cli_check_without_a_configuration_file_loads_no_toml_globs_or_xml(tmp_path: Path) -> None:
    (tmp_path / "one.md").write_text(SAMPLE_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    loaded = _loaded_by(_CLI, tmp_path)
    assert "articlekit.api" in loaded
    for unwanted in ("tomllib", "tomli", "pathspec", "xml", "articlekit.cli.fixing"):
        assert not _any(loaded, unwanted), unwanted
