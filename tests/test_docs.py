"""The documentation: generated pages and schema files are fresh, and cover every key and code."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import articlekit
from articlekit import docgen
from articlekit.issues import CODES
from articlekit.schema import exported_kinds, json_schema

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


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
        "    ```pycon\n    >>> indented\n```"
    )
    assert fence("no examples") == "no examples"


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
