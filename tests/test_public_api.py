"""``import articlekit`` is cheap, and each public name is the object its module defines.

The names are bound on first use (PEP 562, ``articlekit.__getattr__``), from a
table of where each one lives; these tests keep that table true to ``__all__``
and to the modules.
"""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import articlekit


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
