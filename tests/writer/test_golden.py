"""Golden files of the writer: ``tests/golden/writer/``.

* ``format/<name>.in.md`` -> ``format/<name>.out.md``: `articlekit.format`.
* ``edit/<name>.in.md`` + ``edit/<name>.edit.json`` -> ``edit/<name>.out.md``:
  `articlekit.dumps` after the edits of the JSON file (``set``, ``delete``
  and ``append`` operations on key paths of the front matter's data; with
  ``"crlf": true`` the input and the expected output are turned into CRLF).

Set ``ARTICLEKIT_UPDATE_GOLDEN=1`` to (re)write the ``.out.md`` files, then review the diff
(the loader: `tests/goldens.py`).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

import articlekit
from articlekit import Article
from articlekit.writer import dumps, format
from articlekit.writer._data import model_data
from goldens import GOLDEN, assert_text, read_json, read_text

WRITER = GOLDEN / "writer"
RULE_CODES = frozenset(c for c in articlekit.CODES if not c.startswith(("AK1", "AK2", "AK3")))


@pytest.mark.parametrize("source", sorted((WRITER / "format").glob("*.in.md")), ids=lambda p: p.name)
def test_format_golden(source: Path) -> None:
    text = read_text(source)
    out = format(text, kind=Article, ignore=RULE_CODES)
    assert_text(source.with_name(source.name.replace(".in.md", ".out.md")), out)
    assert format(out, kind=Article, ignore=RULE_CODES) == out


def _container(data: Any, path: list[Any]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


@pytest.mark.parametrize("source", sorted((WRITER / "edit").glob("*.in.md")), ids=lambda p: p.name)
def test_edit_golden(source: Path) -> None:
    spec = read_json(source.with_name(source.name.replace(".in.md", ".edit.json")))
    crlf = bool(spec.get("crlf"))

    def transform(text: str) -> str:
        return text.replace("\n", "\r\n") if crlf else text

    text = transform(read_text(source))
    doc = articlekit.loads(text, kind=Article, ignore=RULE_CODES)
    assert dumps(doc) == text
    assert doc.source is not None
    data = copy.deepcopy(model_data(doc.meta, doc.source.data))
    for path, value in spec.get("set", []):
        _container(data, path)[path[-1]] = value
    for path in spec.get("delete", []):
        del _container(data, path)[path[-1]]
    for path, value in spec.get("append", []):
        _container(data, path)[path[-1]].append(value)
    meta = Article.model_validate(data, by_alias=True)
    out = dumps(doc.replace(meta=meta))
    assert_text(source.with_name(source.name.replace(".in.md", ".out.md")), out, transform)
    again = articlekit.loads(out, kind=Article, ignore=RULE_CODES)
    assert again.meta == meta
    assert dumps(again) == out
