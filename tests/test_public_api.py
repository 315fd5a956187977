"""``import articlekit`` is cheap, and each public name is the object its module defines.

The names are bound on first use (PEP 562, ``articlekit.__getattr__``), from a
table of where each one lives; these tests keep that table true to ``__all__``
and to the modules.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import articlekit
from conftest import ROOT


def test_every_public_name_is_its_modules_object() -> None:
    assert set(articlekit._SOURCE) == set(articlekit.__all__)
    for name in articlekit.__all__:
        module = importlib.import_module(f"articlekit.{articlekit._SOURCE[name]}")
        assert getattr(articlekit, name) is getattr(module, name), name
    assert set(articlekit.__all__) <= set(dir(articlekit))


def test_submodules_stay_reachable_as_attributes() -> None:
    assert articlekit.fastyaml is importlib.import_module("articlekit.fastyaml")
    assert articlekit.rules is importlib.import_module("articlekit.rules")


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'no_such_name'"):
        articlekit.no_such_name  # type: ignore[attr-defined]  # noqa: B018


def test_import_alone_loads_neither_pydantic_nor_yaml() -> None:
    script = "import sys, articlekit; print('pydantic' in sys.modules, 'yaml' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_dir_advertises_no_private_module_or_helper() -> None:
    importlib.import_module("articlekit._dataindex")  # a private submodule, bound once imported
    names = dir(articlekit)
    private = [n for n in names if n.startswith("_") and not (n.startswith("__") and n.endswith("__"))]
    assert private == []
    assert set(articlekit.__all__) <= set(names)
    assert {"rules", "fastyaml", "__version__"} <= set(names)
    assert articlekit._dataindex is importlib.import_module("articlekit._dataindex")  # still reachable


def test_code_info_and_the_kinds_base_model_are_exported() -> None:
    from articlekit.issues import CodeInfo
    from articlekit.models import FrontMatterModel

    assert articlekit.CodeInfo is CodeInfo
    assert isinstance(articlekit.CODES["AK305"], articlekit.CodeInfo)
    assert articlekit.FrontMatterModel is FrontMatterModel
    assert all(issubclass(kind.model, articlekit.FrontMatterModel) for kind in articlekit.KINDS)


_TYPED_SNIPPET = """\
import articlekit

doc = articlekit.load("post.md", kind=articlekit.Article)
reveal_type(doc.meta.title)
reveal_type(articlekit.loads("", kind=articlekit.Video).meta)
reveal_type(doc.edit(title="New").meta)
reveal_type(doc.replace(body="").meta)
reveal_type(articlekit.load("post.md").meta)
articlekit.dumps(doc)
doc.meta.titel
"""


def test_mypy_knows_the_model_of_a_document_loaded_with_a_kind(tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    snippet = tmp_path / "snippet.py"
    snippet.write_text(_TYPED_SNIPPET, encoding="utf-8")
    config = ROOT / "pyproject.toml"  # strict, with the pydantic plugin
    command = [sys.executable, "-m", "mypy", "--config-file", str(config), "--cache-dir", str(tmp_path / "c")]
    out = subprocess.run([*command, snippet.name], capture_output=True, text=True, cwd=tmp_path).stdout
    # older mypy versions write builtins.str for str
    found = [line.split(": ", 1)[1].replace('"builtins.', '"') for line in out.splitlines()[:-1]]
    assert found == [
        'note: Revealed type is "str"',
        'note: Revealed type is "articlekit.models.video.Video"',
        'note: Revealed type is "articlekit.models.article.Article"',
        'note: Revealed type is "articlekit.models.article.Article"',
        'note: Revealed type is "pydantic.main.BaseModel"',
        'error: "Article" has no attribute "titel"; maybe "title"?  [attr-defined]',
    ], out
