"""The unknown-keys check's shortcut never hides a warning.

:func:`articlekit.validate._unknown_keys` first asks :func:`_all_known`
whether every key of every mapping is known to its model (set checks, no
paths, no issues) and walks the data key by key only when one may not be.
Here the shortcut is held to the walk on generated data made of the models'
own keys, misplaced keys, unknown and forbidden keys, and values of every
shape, for every kind; and on the real corpus.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import articlekit
from articlekit import validate
from articlekit.models.kinds import detect_kind
from articlekit.splitter import split_front_matter
from articlekit.yamlsafe import Locations, load_yaml
from conftest import DATA, corpus_files

_KINDS: list[type[BaseModel]] = [
    articlekit.Article,
    articlekit.Video,
    articlekit.Course,
    articlekit.Collection,
    articlekit.Download,
    articlekit.Profile,
    articlekit.Forum,
    articlekit.Organization,
]


def _every_key() -> list[str]:
    keys: set[str] = {"related", "secured", "unknownKey", "webURL"}
    seen: set[type[BaseModel]] = set()
    todo = list(_KINDS)
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        known, subs = validate._keys_of(model)
        keys |= known
        todo.extend(sub for sub, _ in subs.values())
    return sorted(keys)


_KEYS = st.sampled_from(_every_key())
_leaf = st.one_of(st.none(), st.integers(), st.text(max_size=3), st.booleans())
_data = st.recursive(
    _leaf,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.one_of(_KEYS, _KEYS, st.integers(0, 2)), inner, max_size=5),
    ),
    max_leaves=25,
)


def _walked(data: Any, model: type[BaseModel]) -> list[str]:
    out: list[articlekit.Issue] = []
    validate._unknown_keys_walk(data, model, (), Locations(), out)
    return [f"{i.code} {i.message} {i.path}" for i in out]


def _checked(data: Any, model: type[BaseModel]) -> list[str]:
    out: list[articlekit.Issue] = []
    validate._unknown_keys(data, model, (), Locations(), out)
    return [f"{i.code} {i.message} {i.path}" for i in out]


# 300 in the default run (~2.5 s); a long run: ARTICLEKIT_VALIDATE_EXAMPLES=5000
_EXAMPLES = int(os.environ.get("ARTICLEKIT_VALIDATE_EXAMPLES", "300"))


@settings(max_examples=_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_KINDS), st.dictionaries(_KEYS, _data, max_size=8))
def test_all_known_never_hides_a_warning(kind: type[BaseModel], data: dict[str, Any]) -> None:
    walked = _walked(data, kind)
    if validate._all_known(data, validate._plan_of(kind)):
        assert walked == []
    assert _checked(data, kind) == walked


def test_all_known_on_the_corpus() -> None:
    paths = corpus_files() or sorted(DATA.glob("*.md"))
    for path in paths:
        split = split_front_matter(path.read_text(encoding="utf-8"))
        assert split.front_matter is not None
        data = load_yaml(split.front_matter).data
        assert isinstance(data, dict)
        kind = detect_kind(data)
        if kind is None:
            continue
        assert validate._all_known(data, validate._plan_of(kind)) is (_walked(data, kind) == [])


def test_all_known_sees_an_unknown_key_at_every_depth() -> None:
    image = {"url": "/a-1x1.png", "width": 1, "height": 1}
    data = {
        "title": "x",
        "provider": {"name": "P", "images": [dict(image)]},
        "related": [{"title": "r", "webUrl": "https://e.com", "images": [dict(image)]}],
    }
    plan = validate._plan_of(articlekit.Article)
    assert validate._all_known(data, plan)
    data["provider"]["images"][0]["widht"] = 1  # type: ignore[index]
    assert not validate._all_known(data, plan)
    del data["provider"]["images"][0]["widht"]  # type: ignore[attr-defined]
    data["related"][0]["images"][0]["alt"] = "a"  # type: ignore[index]
    assert not validate._all_known(data, plan)
    assert _checked(data, articlekit.Article) == [
        "AK305 unknown key 'alt' in related[0].images[0]; it is kept as is ('related', 0, 'images', 0, 'alt')"
    ]
