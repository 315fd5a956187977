"""The built documentation site shows Markdown, not reStructuredText, and no doctest plumbing.

Docstrings are Markdown (``mkdocstrings`` reads them with ``docstring_style: google``);
reST left in them (roles, ``::`` literal markers, directives) shows up raw on the API
pages.  One ``mkdocs build --strict`` per test session, into a temporary folder.
"""

from __future__ import annotations

import html.parser
import importlib.util
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field

import pytest

from conftest import ROOT

_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|data|attr|mod|exc|obj|const):`?")
_DIRECTIVE = re.compile(r"(?m)^\s*\.\. (?:[\w-]+::|_|\|)")
_BLOCKS = {"p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6"}
_SKIPPED = {"script", "style", "svg"}


@dataclass
class _Page:
    text: str = ""  # every visible character, code included
    prose: list[str] = field(default_factory=list)  # each paragraph-like element, outside code
    outside_code: str = ""  # visible text outside <pre> and <code>


class _TextOf(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = _Page()
        self._skip = 0
        self._code = 0
        self._blocks: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip += 1
        elif tag in ("pre", "code"):
            self._code += 1
        elif tag in _BLOCKS:
            self._blocks.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in ("pre", "code"):
            self._code = max(0, self._code - 1)
        elif tag in _BLOCKS and self._blocks:
            self.page.prose.append("".join(self._blocks.pop()).strip())

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.page.text += data
        for block in self._blocks:
            block.append(data)
        if not self._code:
            self.page.outside_code += data


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, _Page]:
    for module in ("mkdocs", "mkdocstrings", "material"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed: pip install -e '.[dev]' to build the docs site")
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    pages: dict[str, _Page] = {}
    for path in sorted(out.rglob("*.html")):
        if path.name == "404.html":
            continue
        parser = _TextOf()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[str(path.relative_to(out))] = parser.page
    return pages


def test_the_site_has_the_api_page(site: dict[str, _Page]) -> None:
    api = site["api/index.html"].text
    assert "articlekit.check" in api or "check(" in api
    assert ">>>" in api  # the doctest examples are rendered


def test_no_sphinx_roles(site: dict[str, _Page]) -> None:
    found = {name: _ROLE.findall(page.text) for name, page in site.items()}
    assert {name: roles for name, roles in found.items() if roles} == {}


def test_no_paragraph_ends_in_a_literal_block_marker(site: dict[str, _Page]) -> None:
    found = {name: [p[-60:] for p in page.prose if p.endswith("::")] for name, page in site.items()}
    assert {name: paragraphs for name, paragraphs in found.items() if paragraphs} == {}


def test_no_visible_code_fence_markers(site: dict[str, _Page]) -> None:
    found = {name: page.text.count("```") for name, page in site.items()}
    assert {name: count for name, count in found.items() if count} == {}


def test_no_visible_doctest_directives(site: dict[str, _Page]) -> None:
    found = {name: page.text.count("doctest:") for name, page in site.items()}
    assert {name: count for name, count in found.items() if count} == {}


def test_no_raw_rest_directives(site: dict[str, _Page]) -> None:
    found = {name: _DIRECTIVE.findall(page.text) for name, page in site.items()}
    assert {name: directives for name, directives in found.items() if directives} == {}


def test_doctest_examples_are_code_blocks(site: dict[str, _Page]) -> None:
    """A ``>>>`` prompt outside a code block means a doctest rendered as a block quote or prose."""
    found = {name: page.outside_code.count(">>>") for name, page in site.items()}
    assert {name: count for name, count in found.items() if count} == {}
