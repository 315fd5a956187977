"""The writer's fast paths give exactly what the slow ones give.

* `_canonical.document_lines` (plans made once per kind) writes the lines of
  `Renderer.document` (every decision made value by value);
* `may_have_comments` never says "no comment" for a text that has one;
* `format` (which skips locating comments when the text is already its own
  comment-free canonical rendering) gives what locating them and rendering
  value by value gives.
"""

from __future__ import annotations

import os
from datetime import timezone
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import articlekit
import articlekit.strategies as aks
from articlekit import fastyaml
from articlekit.models import FrontMatterModel
from articlekit.models.kinds import KINDS
from articlekit.writer import _assemble, format
from articlekit.writer._canonical import document_lines
from articlekit.writer._comments import Comments, _scan, find_comments, may_have_comments
from articlekit.writer._data import model_data
from articlekit.writer._render import Renderer
from articlekit.writer._scalars import UnrepresentableError
from articlekit.writer.order import register_key_order
from conftest import corpus_files

EXAMPLES = int(os.environ.get("ARTICLEKIT_WRITER_EXAMPLES", "60"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


class _AnyKind(FrontMatterModel):
    """Every key an unknown key: the layout derived from no fields (quoting by key, not by path)."""


def _slow_lines(data: dict[str, Any], model: type[BaseModel] | None) -> list[str]:
    """`Renderer.document` value by value (an empty `Comments` keeps it off the fast path)."""
    return Renderer(comments=Comments()).document(data, model)


def _both(data: dict[str, Any], model: type[BaseModel] | None) -> tuple[Any, Any]:
    results: list[Any] = []
    for render in (document_lines, _slow_lines):
        try:
            results.append(render(data, model))
        except UnrepresentableError as exc:
            results.append(("UnrepresentableError", str(exc)))
    return results[0], results[1]


def _reference_format(text: str) -> str:
    """`format` the long way: comments located whenever there is a ``#``, the slow renderer."""
    doc = articlekit.loads(text)
    source = doc.source
    assert source is not None
    comments = Comments()
    if "#" in source.front_matter:
        comments = find_comments(source.front_matter, source.locations.nodes)
    newline = "\r\n" if source.newline == "\r\n" else "\n"
    lines = Renderer(comments=comments).document(model_data(doc.meta, source.data), type(doc.meta))
    front_matter = "".join(line + newline for line in lines)
    return _assemble(source.bom, ("---", newline, "---", newline), front_matter, doc.body, newline)


@SETTINGS
@given(aks.documents())
def test_fast_lines_equal_renderer_lines_on_documents(text: str) -> None:
    doc = articlekit.loads(text)
    assert doc.source is not None
    data = model_data(doc.meta, doc.source.data)
    fast, slow = _both(data, type(doc.meta))
    assert fast == slow


# -- arbitrary data under every kind: wrong types, empty and nested collections, odd keys -----------
_KEYS = st.sampled_from(
    [
        "title", "name", "url", "webUrl", "images", "provider", "related", "topics", "affiliation",
        "secured", "excerpt", "type", "heat", "width", "x", "a b", "yes", "- k", "#k", "",
    ]
)  # fmt: skip
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.sampled_from(["yes", "10:00", "1e3", "#x", "a #b", "é", "x\ny", '"q"', "0o7", "~"]),
    st.datetimes(timezones=st.just(timezone.utc)),
    st.dates(),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_KEYS, inner, max_size=4)),
    max_leaves=12,
)
_MODELS = st.sampled_from([None, _AnyKind, *(info.model for info in KINDS)])


@SETTINGS
@given(st.dictionaries(_KEYS, _VALUES, min_size=1, max_size=8), _MODELS)
def test_fast_lines_equal_renderer_lines_on_any_data(data: dict[str, Any], model: Any) -> None:
    fast, slow = _both(data, model)
    assert fast == slow


def test_fast_lines_agree_on_what_cannot_be_written() -> None:
    for data in ({"x": {1: "a"}}, {"x": [{"k": {1, 2}}]}, {"x": object()}):
        fast, slow = _both(data, _AnyKind)
        assert fast == slow
        assert fast[0] == "UnrepresentableError"


def test_fast_lines_follow_a_layout_registered_later() -> None:
    class Toy(FrontMatterModel):
        name: str

    data = {"name": "n", "b": "x", "a": "y"}
    before = document_lines(data, Toy)
    register_key_order(Toy, ["a", "name", "b"], quoted=["b"])
    after = document_lines(data, Toy)
    assert after == _slow_lines(data, Toy) == ["a: y", "name: n", 'b: "x"']
    assert before != after


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_fast_lines_equal_renderer_lines_on_the_corpus(path: Any) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        doc = articlekit.loads(text)
    except articlekit.ArticleKitError:
        doc = articlekit.loads(text, kind=_AnyKind)
    assert doc.source is not None
    data = model_data(doc.meta, doc.source.data)
    fast, slow = _both(data, type(doc.meta))
    assert fast == slow
    if not isinstance(doc.meta, _AnyKind):
        assert format(text) == _reference_format(text)


# -- comments ------------------------------------------------------------------------------------------
_FRAGMENTS = st.sampled_from(
    [
        "k: ", "- ", "  ", "\n", "\t", "#", " #", "# c", '"', "'", '"#a"', "'#b'", "[", "]", "{", "}", ",",
        ":", "?", "|", ">", "|-", "a", "C#", "x#y", "&#39;", "1", "\r\n", "\u2028", "\x85", "!t ", "&a ",
    ]
)  # fmt: skip


def _scans(text: str) -> bool:
    try:
        for loader in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            list(yaml.scan(text, Loader=loader))
    except yaml.YAMLError:
        return False
    return True


@settings(max_examples=EXAMPLES * 20, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.lists(_FRAGMENTS, min_size=1, max_size=14).map("".join))
def test_may_have_comments_never_misses_one(text: str) -> None:
    assume(_scans(text))
    if not may_have_comments(text):
        assert _scan(text)[2] == []


_HASHTAGGED = st.sampled_from(["#PowerApps #Timers", "C# and F#", "page#part", "#1", "a #b", "x # y"])


@SETTINGS
@given(aks.documents(), st.data())
def test_format_equals_the_long_way_with_hashes_and_comments(text: str, data: st.DataObject) -> None:
    lines = text.split("\n")
    if "---" in lines[1:] and data.draw(st.booleans()):
        end = lines.index("---", 1)
        # a comment line, or a "#" inside a quoted value, somewhere in the front matter
        at = data.draw(st.integers(1, end))
        if data.draw(st.booleans()):
            lines.insert(at, "# " + data.draw(_HASHTAGGED))
        else:
            lines.insert(at, f"zzHash{at}: " + '"' + data.draw(_HASHTAGGED) + '"')
    changed = "\n".join(lines)
    try:
        expected = _reference_format(changed)
    except articlekit.ArticleKitError:
        with pytest.raises(articlekit.ArticleKitError):
            format(changed)
        return
    assert format(changed) == expected


def test_hashtags_in_quoted_values_do_not_locate_comments(monkeypatch: pytest.MonkeyPatch) -> None:
    """Locating comments needs every position (the full YAML parser); a ``#`` inside a value needs none."""

    def no_positions(*args: object) -> None:
        raise AssertionError("positions were computed")

    monkeypatch.setattr(fastyaml, "_positions", no_positions)
    text = (
        '---\ntaxonomy: organization\n_id: amazon.com\nname: "#Amazon #Cloud C#"\ndomain: amazon.com\n---\n'
    )
    assert format(text) == text  # its own rendering without comments: it has none to locate
    monkeypatch.undo()
    swapped = text.replace("domain: amazon.com\n", "").replace("taxonomy:", "domain: amazon.com\ntaxonomy:")
    assert swapped != text
    assert format(swapped) == text


def test_hashtags_with_a_real_comment_keep_it() -> None:
    text = '---\nexcerpt: "#PowerApps"  # why\nname: C#\n---\n'
    assert may_have_comments(text.split("---\n")[1])
    assert "# why" in format(text, kind=_AnyKind)


def test_comment_after_a_closing_quote_counts() -> None:
    assert may_have_comments('k: "v"#c\n')
    assert may_have_comments("k: [a,#c\n  b]\n")
    assert not may_have_comments("k: C#\nj: x#y\n")


def test_plans_keep_a_bounded_number_of_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    from articlekit.writer import _canonical

    monkeypatch.setattr(_canonical, "_MAX_KEY_PLANS", _canonical._kept[0] + 5)
    data = {f"key{i}": {f"sub{j}": j for j in range(3)} for i in range(20)}
    assert document_lines(data, _AnyKind) == _slow_lines(data, _AnyKind)
    assert _canonical._kept[0] <= _canonical._MAX_KEY_PLANS
