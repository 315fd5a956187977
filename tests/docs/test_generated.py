"""The documentation: generated pages and schema files are fresh, and cover every key and code."""

from __future__ import annotations

import doctest
import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import articlekit
from articlekit import docgen
from articlekit.issues import CODES
from articlekit.schema import exported_kinds, json_schema
from conftest import DOCS, ROOT


def _keys(data: Any) -> set[str]:
    if isinstance(data, dict):
        return set(data) | {k for v in data.values() for k in _keys(v)}
    if isinstance(data, list):
        return {k for v in data for k in _keys(v)}
    return set()


def _all_docs_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(DOCS.rglob("*.md")))


def test_generated_files_are_fresh() -> None:
    stale = [str(p.relative_to(ROOT)) for p in docgen.stale_files(ROOT)]
    assert stale == [], "stale generated files: run `python -m articlekit.docgen`"


def test_check_mode_reports_a_stale_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "src" / "articlekit").mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    assert docgen.main(["--check", "--root", str(tmp_path)]) == 1
    assert "docs/format.md" in capsys.readouterr().out
    assert docgen.main(["--root", str(tmp_path)]) == 0
    assert docgen.main(["--check", "--root", str(tmp_path)]) == 0
    (tmp_path / "docs" / "schemas" / "podcast.schema.json").write_text("{}", encoding="utf-8")
    assert docgen.main(["--check", "--root", str(tmp_path)]) == 1
    assert docgen.main(["--root", str(tmp_path)]) == 0
    assert not (tmp_path / "docs" / "schemas" / "podcast.schema.json").exists()


def test_docgen_refuses_a_folder_that_is_not_the_repository(tmp_path: Path) -> None:
    assert docgen.main(["--check", "--root", str(tmp_path)]) == 2


def test_every_key_of_the_sample_is_in_the_format_reference(sample_text: str) -> None:
    data, _ = articlekit.parse(sample_text)
    reference = (DOCS / "format.md").read_text(encoding="utf-8")
    missing = sorted(k for k in _keys(data) if f"`{k}`" not in reference)
    assert missing == []


def test_format_reference_gives_type_requiredness_description_and_example() -> None:
    reference = (DOCS / "format.md").read_text(encoding="utf-8")
    for kind in exported_kinds():
        schema = json_schema(kind)
        for name, obj in [(kind.__name__, schema), *schema.get("$defs", {}).items()]:
            required = set(obj.get("required", []))
            for key, prop in obj["properties"].items():
                anchor = f"{{#{name.lower()}-{key.lower()}}}"
                start = reference.index(anchor)
                section = reference[start : reference.find("\n### ", start + 1)]
                need = "required." if key in required else "optional."
                assert need in section.split("\n\n")[1], (name, key)
                assert prop["description"] in section, (name, key)
                assert "```yaml\n" + f"{key}:" in section, (name, key)


def test_every_issue_code_is_documented() -> None:
    docgen.generated_files()  # imports every module, so that every code is registered
    text = _all_docs_text()
    assert sorted(code for code in CODES if code not in text) == []


def test_mkdocs_nav_has_every_page() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    pages = [next(iter(entry.values())) for entry in config["nav"]]
    for page in (
        "index.md",
        "quickstart.md",
        "format.md",
        "rules.md",
        "schema.md",
        "cli.md",
        "secured.md",
        "strategies.md",
        "scaling.md",
        "api.md",
    ):
        assert page in pages
    on_disk = {str(p.relative_to(DOCS)) for p in DOCS.glob("*.md")}
    assert on_disk <= set(pages), "a page under docs/ is missing from the nav"


def test_contributing_documents_the_generator() -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "python -m articlekit.docgen" in text


def test_ci_builds_the_docs_strictly_before_the_tests() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    build = script.index("mkdocs build --strict")
    assert build < script.rindex('bash -c "$test_cmd"')


def _load_griffe_extension() -> Any:
    spec = importlib.util.spec_from_file_location("doctest_blocks", DOCS / "_griffe" / "doctest_blocks.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_doctest_blocks_become_code_fences() -> None:
    fence = _load_griffe_extension().fence_doctests
    text = 'Intro.\n\n>>> x["a"]\n1\n\nAfter.\n\n```python\n>>> kept\n```\n    >>> indented\n'
    assert fence(text) == (
        'Intro.\n\n```pycon\n>>> x["a"]\n1\n```\n\nAfter.\n\n```python\n>>> kept\n```\n'
        "    ```pycon\n    >>> indented\n    ```"
    )
    assert fence("no examples") == "no examples"
    assert fence(fence(text)) == fence(text)  # griffe may see an object twice: fenced once


def test_doctest_directives_are_not_rendered() -> None:
    fence = _load_griffe_extension().fence_doctests
    text = ">>> run(['x'])  # doctest: +SKIP\n0\n\n```pycon\n>>> f()  # doctest: +ELLIPSIS\n...\n```"
    assert fence(text) == "```pycon\n>>> run(['x'])\n0\n```\n\n```pycon\n>>> f()\n...\n```"
    assert fence("a: 1  # doctest: a comment in YAML") == "a: 1  # doctest: a comment in YAML"


# -- examples in the pages run and show what they really print --------------------------------

_PYCON = re.compile(r"^```pycon\n(.*?)^```", re.S | re.M)
_PYTHON = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
_PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


def _pages_with_pycon() -> list[Path]:
    return [page for page in _PAGES if _PYCON.search(page.read_text(encoding="utf-8"))]


def test_the_quickstart_examples_are_checked() -> None:
    assert {"quickstart.md", "secured.md"} <= {page.name for page in _pages_with_pycon()}


@pytest.mark.parametrize("page", _pages_with_pycon(), ids=lambda page: page.name)
def test_pycon_examples_print_what_the_page_shows(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ``pycon`` block of a page, in order, is a doctest run from the repository root."""
    if page.name == "secured.md":
        pytest.importorskip("cryptography")
    monkeypatch.chdir(ROOT)
    blocks = _PYCON.findall(page.read_text(encoding="utf-8"))
    test = doctest.DocTestParser().get_doctest("\n".join(blocks), {}, page.name, str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report: list[str] = []
    runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)
    assert runner.tries >= 3


def _readme_python_blocks() -> list[str]:
    return _PYTHON.findall((ROOT / "README.md").read_text(encoding="utf-8"))


def test_readme_has_a_python_example() -> None:
    assert _readme_python_blocks()


@pytest.mark.parametrize("index", range(len(_readme_python_blocks())))
def test_readme_python_example_runs_under_w_error(index: int) -> None:
    """A reader's copy-paste from the repository root: no error, no warning, no unclosed file."""
    block = _readme_python_blocks()[index]
    result = subprocess.run(
        [sys.executable, "-W", "error", "-X", "dev", "-c", block],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # a ResourceWarning in a finaliser is only printed, never raised
    assert result.stdout.strip()


def _cli_section(name: str) -> str:
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    start = page.index(f"\n## {name}\n")
    end = page.find("\n## ", start + 1)
    return page[start : end if end != -1 else len(page)]


@pytest.mark.parametrize("command", ["check", "format", "schema", "convert", "codes"])
def test_cli_synopsis_lists_every_option(command: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "articlekit", command, "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    options = set(re.findall(r"^\s+(?:-\w[^,\n]*, )?(--[a-z][\w-]*)", result.stdout, re.M)) - {"--help"}
    synopsis = re.search(r"```text\n(articlekit .*?)```", _cli_section(command), re.S)
    assert synopsis is not None
    assert sorted(o for o in options if o not in synopsis.group(1)) == []


def test_cli_page_links_to_the_canonical_style_section() -> None:
    links = re.findall(r"\(format\.md#([\w-]+)\)", (DOCS / "cli.md").read_text(encoding="utf-8"))
    assert "canonical-style" in links
    anchors = set(re.findall(r"\{#([\w-]+)\}", (DOCS / "format.md").read_text(encoding="utf-8")))
    assert set(links) <= anchors


def test_rule_docs_cite_no_figures_from_private_data() -> None:
    """Users cannot check counts taken from the publisher's history: state the invariant instead."""
    rules = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert re.findall(r"\(\d[\d,]* of \d[\d,]*[^)]*\)", rules) == []


@pytest.mark.parametrize("kind", exported_kinds(), ids=lambda kind: kind.__name__)
def test_schema_descriptions_are_plain_text(kind: type[Any]) -> None:
    """Docstrings are Markdown for the API pages; what flows into the schema keeps only prose."""
    text = str(json_schema(kind))
    for markup in ("```", "][articlekit", ":class:", ":func:", "Passing:"):
        assert markup not in text, markup


def test_scaling_page_includes_existing_snippets() -> None:
    page = (DOCS / "scaling.md").read_text(encoding="utf-8")
    example = (DOCS / "examples" / "scaling.py").read_text(encoding="utf-8")
    names = re.findall(r'--8<-- "examples/scaling\.py:(\w+)"', page)
    assert {"worker", "partition", "processes", "dask", "spark"} <= set(names)
    for name in names:
        assert f"# --8<-- [start:{name}]" in example
        assert f"# --8<-- [end:{name}]" in example


def test_yaml_examples_hold_the_schema_examples() -> None:
    from articlekit.schema import json_data

    reference = (DOCS / "format.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", reference, re.S)
    loaded = [yaml.safe_load(block) for block in blocks]
    schema = json_schema(articlekit.Article)
    for key in ("publishedDateTime", "related", "provider", "secured", "quality"):
        expected = {key: schema["properties"][key]["examples"][0]}
        assert expected in [json_data(data) for data in loaded], key


_REST_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|data|attr|mod|exc|obj|const|pep):`")


def test_docstrings_are_markdown_not_rest() -> None:
    """The API pages read docstrings as Markdown: no Sphinx roles, no ``Text::`` literal blocks."""
    found = []
    for path in sorted((ROOT / "src" / "articlekit").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _REST_ROLE.search(line) or re.search(r"\S::\s*$|^\s*::\s*$", line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == [], "write Markdown: `name` or [`name`][articlekit.name], and `Text:` + a fence"
