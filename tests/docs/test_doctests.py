"""The ``>>>`` examples in articlekit's docstrings run and print what they show.

They are rendered on the API pages (docs/_griffe/doctest_blocks.py), so a wrong
example is wrong documentation.  They run from the repository root, where
``examples/hello-article.md`` is.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import articlekit
from conftest import ROOT

_NOT_IMPORTED = {"articlekit.__main__"}  # importing it runs the command line


def _module_names() -> list[str]:
    names = ["articlekit"]
    for info in pkgutil.walk_packages(articlekit.__path__, "articlekit."):
        if info.name not in _NOT_IMPORTED and not info.name.rsplit(".", 1)[-1].startswith("_speedups"):
            names.append(info.name)
    return sorted(names)


def _run(name: str) -> tuple[int, int, str]:
    module = importlib.import_module(name)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report: list[str] = []
    for test in doctest.DocTestFinder(exclude_empty=True).find(module, name):
        runner.run(test, out=report.append)
    return runner.tries, runner.failures, "".join(report)


@pytest.mark.parametrize("name", _module_names())
def test_docstring_examples_pass(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    _, failures, report = _run(name)
    assert failures == 0, report


def test_the_documented_modules_have_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    for name in ("articlekit", "articlekit.models.article", "articlekit.secured", "articlekit.limits"):
        tries, _, _ = _run(name)
        assert tries > 0, name
