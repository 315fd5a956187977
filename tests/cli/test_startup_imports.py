"""Issue 22 start-up: `articlekit check` imports what the run needs, and nothing else.

Each test runs the command line in a fresh interpreter and looks at `sys.modules`
at the end: a plain check of one file imports no TOML reader, gitignore globs,
XML, fixing or baseline code; each of those is imported when (and only when) its
option or file asks for it, and then does its work.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from articlekit.cli.reporters import REPORTERS, Reporter
from conftest import DATA

SAMPLE = (DATA / "finland-prisons-ai.md").read_text(encoding="utf-8")

_RUNNER = """\
import json, os, sys
os._exit = lambda status: sys.exit(status)
sys.argv = ["articlekit", *json.loads(sys.argv[1])]
from articlekit.cli import main
status = None
try:
    main()
except SystemExit as exc:
    status = exc.code
sys.stdout.flush()
built = []
if "pydantic" in sys.modules:
    from pydantic import BaseModel
    todo = list(BaseModel.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("articlekit.") and getattr(cls, "__pydantic_complete__", False):
            built.append(cls.__name__)
report = {"status": status, "modules": sorted(sys.modules), "built": sorted(set(built))}
sys.stderr.write("\\n@@" + json.dumps(report) + "\\n")
"""


def _run(argv: list[str], cwd: Path) -> tuple[int, str, set[str]]:
    """Run `articlekit ARGV` in a new interpreter: its exit status, standard output and modules."""
    status, out, loaded, _ = _run_built(argv, cwd)
    return status, out, loaded


def _run_built(argv: list[str], cwd: Path) -> tuple[int, str, set[str], set[str]]:
    """`_run`, and the names of articlekit's pydantic models whose validators were built."""
    env = dict(os.environ)
    env.pop("ARTICLEKIT_PURE_PYTHON", None)
    proc = subprocess.run(
        [sys.executable, "-c", _RUNNER, json.dumps(argv)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
    )
    assert "@@" in proc.stderr, proc.stderr
    result = json.loads(proc.stderr.rsplit("@@", 1)[1])
    return int(result["status"]), proc.stdout, set(result["modules"]), set(result["built"])


def _has(loaded: set[str], name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in loaded)


_BROKEN = SAMPLE.replace("quality: 66", "quality: -1", 1)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    assert _BROKEN != SAMPLE
    (tmp_path / "one.md").write_text(_BROKEN, encoding="utf-8")
    return tmp_path


def test_plain_check_imports_only_the_text_format_and_no_configuration_machinery(folder: Path) -> None:
    status, out, loaded = _run(["check", "-q", "one.md"], folder)
    assert status == 1  # the check ran and found the error
    assert "one.md:" in out
    for unwanted in (
        "tomllib",
        "tomli",
        "pathspec",
        "xml",
        "articlekit.cli.fixing",
        "articlekit.cli.baseline",
        "articlekit.cli.reporters.junit",
        "articlekit.cli.reporters.sarif",
        "articlekit.cli.reporters.gitlab",
        "articlekit.cli.reporters.json",
        "articlekit.cli.reporters.github",
        "articlekit.cli.reporters.statistics",
        "articlekit.fixes",
        "articlekit.writer",
        "hypothesis",
        # the other commands: only the command named is imported and its parser built
        "articlekit.cli.format",
        "articlekit.cli.convert",
        "articlekit.cli.schema",
        "articlekit.cli.codes",
        "articlekit.cli.config",
        "articlekit.cli.lsp",
        "articlekit.lsp",
        # suppression comments (none in the file), messages about mistakes in a configuration
        "articlekit.suppressions",
        "difflib",
    ):
        assert not _has(loaded, unwanted), unwanted
    assert "articlekit.cli.reporters.text" in loaded


def test_a_check_builds_the_validator_of_the_files_kind_alone(folder: Path) -> None:
    """The models are built on first use (``defer_build``): an article builds Article's validator
    (its parts' schemas inside it), no other kind's, and no configuration model without a file."""
    status, out, _, built = _run_built(["check", "-q", "one.md"], folder)
    assert status == 1
    assert "one.md:" in out
    assert built == {"Article"}


def test_a_configuration_file_builds_the_configuration_models(folder: Path) -> None:
    (folder / "articlekit.toml").write_text('ignore = ["AK3"]\n', encoding="utf-8")
    status, _, _, built = _run_built(["check", "-q", "one.md"], folder)
    assert status == 0
    assert {"Article", "Config"} <= built


def test_a_clean_file_on_the_fast_path_needs_no_full_yaml_loader(folder: Path) -> None:
    """PyYAML's event walk (`_yamlbuild`) is the slow path, also used to place issues: a clean
    file read by the fast path needs neither."""
    (folder / "one.md").write_text(SAMPLE, encoding="utf-8")
    status, out, loaded, _ = _run_built(["check", "-q", "one.md"], folder)
    assert (status, out) == (0, "")
    assert not _has(loaded, "articlekit._yamlbuild")
    assert not _has(loaded, "articlekit._yamlerrors")


def test_a_clean_file_on_the_fast_path_does_not_import_pyyaml(folder: Path) -> None:
    (folder / "one.md").write_text(SAMPLE, encoding="utf-8")
    status, _, loaded, _ = _run_built(["check", "-q", "one.md"], folder)
    assert status == 0
    assert not _has(loaded, "yaml")


def test_a_suppression_comment_is_still_applied(folder: Path) -> None:
    text = _BROKEN.replace("quality: -1", "quality: -1  # articlekit: ignore[AK303]", 1)
    assert text != _BROKEN
    (folder / "one.md").write_text(text, encoding="utf-8")
    status, out, loaded, _ = _run_built(["check", "-q", "one.md"], folder)
    assert (status, out) == (0, "")
    assert "articlekit.suppressions" in loaded


def test_a_configuration_file_is_still_found_and_read(folder: Path) -> None:
    (folder / "articlekit.toml").write_text('ignore = ["AK3"]\nexclude = ["drafts/**"]\n', encoding="utf-8")
    status, out, loaded = _run(["check", "-q", "one.md"], folder)
    assert (status, out) == (0, "")  # the configuration's ignore applied
    assert _has(loaded, "tomllib") or _has(loaded, "tomli")


def test_a_pyproject_without_an_articlekit_table_is_read_but_does_not_apply(folder: Path) -> None:
    (folder / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    status, out, _ = _run(["check", "-q", "one.md"], folder)
    assert status == 1
    assert "one.md:" in out


def test_globs_are_compiled_when_a_folder_is_searched(folder: Path) -> None:
    (folder / "drafts").mkdir()
    (folder / "drafts" / "two.md").write_text(_BROKEN, encoding="utf-8")
    (folder / "articlekit.toml").write_text('exclude = ["drafts/**"]\n', encoding="utf-8")
    status, out, loaded = _run(["check", "-q", "."], folder)
    assert status == 1
    assert "one.md:" in out
    assert "two.md" not in out
    assert "pathspec" in loaded


@pytest.mark.parametrize("name", ["junit", "sarif", "gitlab", "json", "github"])
def test_a_chosen_format_is_imported_and_renders(folder: Path, name: str) -> None:
    status, out, loaded = _run(["check", "-q", "--format", name, "one.md"], folder)
    assert status == 1
    assert "one.md" in out
    assert f"articlekit.cli.reporters.{name}" in loaded
    others = set(REPORTERS) - {name, "text"}
    assert not any(f"articlekit.cli.reporters.{other}" in loaded for other in others)
    if name == "junit":
        assert out.lstrip().startswith("<?xml")
        assert _has(loaded, "xml")


def test_fixing_and_baselines_are_imported_when_asked_for(folder: Path) -> None:
    _, _, loaded = _run(["check", "-q", "--diff", "one.md"], folder)
    assert "articlekit.cli.fixing" in loaded
    status, _, loaded = _run(["check", "-q", "--write-baseline", "base.json", "one.md"], folder)
    assert status == 0
    assert "articlekit.cli.baseline" in loaded
    assert json.loads((folder / "base.json").read_text(encoding="utf-8"))
    status, out, _ = _run(["check", "-q", "--baseline", "base.json", "one.md"], folder)
    assert (status, out) == (0, "")


def test_the_lazy_registry_knows_each_format_as_its_class_does() -> None:
    from articlekit.cli.reporters import _BUILTIN

    assert list(REPORTERS)[: len(_BUILTIN)] == list(_BUILTIN)
    for name in _BUILTIN:
        cls = REPORTERS[name]
        assert issubclass(cls, Reporter)
        assert cls is not Reporter
        assert REPORTERS.help(name) == cls.help, name
        assert REPORTERS.needs_lines(name) == cls.needs_lines, name
        assert REPORTERS[name] is cls  # imported once, then kept


def test_a_registered_format_answers_help_and_needs_lines_from_its_class(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Counts(Reporter):
        help = "counts"
        needs_lines = True

        def render(self, report: object) -> str:
            return ""

    monkeypatch.setitem(REPORTERS, "counts", Counts)
    assert REPORTERS["counts"] is Counts
    assert (REPORTERS.help("counts"), REPORTERS.needs_lines("counts")) == ("counts", True)
