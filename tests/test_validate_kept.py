"""`validate_kept` (loads' validation) gives what `validate_model` then `share_fields_sets` give.

It finds the unknown keys in the walk that shares the models' sets (a key a
model does not know is in its ``__pydantic_extra__``) and walks the data only
when some model has one.  The model, the issues and the sharing must be those
of validating, walking the data and sharing apart: on the corpus, on generated
documents, on mappings with unknown keys at every depth, and for models whose
extra keys do not tell the unknown keys (those walk the data).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from pydantic import AliasChoices, BaseModel, ConfigDict, Field

from articlekit import Article, Image
from articlekit._fieldsets import sharing_of as _sharing_of
from articlekit.fastyaml import load_yaml_fast
from articlekit.limits import DEFAULT_LIMITS
from articlekit.models import KINDS, FrontMatterModel
from articlekit.models.kinds import detect_kind
from articlekit.positions import Locations
from articlekit.splitter import split_front_matter
from articlekit.strategies import documents, invalid_documents
from articlekit.validate import share_fields_sets, validate_kept, validate_model
from conftest import corpus_files, models_in

_KINDS = [info.model for info in KINDS]
_SECURED = "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="


def _same(data: Any, kind: type[BaseModel], locations: Locations | None = None) -> None:
    locations = locations if locations is not None else Locations()
    model, issues = validate_model(data, kind, locations)
    kept, kept_issues = validate_kept(data, kind, locations)
    assert [(str(i), i.path) for i in kept_issues] == [(str(i), i.path) for i in issues]
    assert kept_issues == issues
    assert kept == model
    if model is not None:
        assert kept is not None
        share_fields_sets(model)
        for one, other in zip(models_in(kept), models_in(model), strict=True):
            assert type(one) is type(other)
            assert one.model_fields_set == other.model_fields_set
            sharing = _sharing_of(type(one))
            if sharing is not None:  # frozen: one set per shape, while the shapes kept are not too many
                shapes = sharing.by_size.get(len(one.model_fields_set), [])
                kept_shared = any(one.model_fields_set is shape for shape in shapes)
                assert kept_shared == any(other.model_fields_set is shape for shape in shapes)
                if kept_shared:
                    assert one.model_fields_set is other.model_fields_set


def _same_for_text(text: str | bytes) -> None:
    split = split_front_matter(text, DEFAULT_LIMITS)
    if split.front_matter is None:
        return
    loaded = load_yaml_fast(split.front_matter, first_line=2, limits=DEFAULT_LIMITS)
    if not isinstance(loaded.data, dict):
        return
    kind = detect_kind(loaded.data)
    if kind is not None:
        _same(loaded.data, kind, loaded.locations)


def test_the_corpus() -> None:
    files = corpus_files()
    if not files:
        pytest.skip("the shared corpus is absent")
    for path in files:
        _same_for_text(path.read_bytes())


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(invalid_documents())
def test_broken_documents(broken: Any) -> None:
    _same_for_text(broken.text if hasattr(broken, "text") else broken)


@settings(max_examples=100, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(documents())
def test_valid_documents(text: Any) -> None:
    _same_for_text(text.text if hasattr(text, "text") else text)


def _article(**more: Any) -> dict[str, Any]:
    image = {"url": "/a.png", "width": 1, "height": 2}
    return {
        "title": "A",
        "publishedDateTime": "2020-08-11T13:41:00Z",
        "webUrl": "https://example.com/a",
        "provider": {"name": "P", "images": [dict(image)]},
        "images": [dict(image), dict(image)],
        "related": [{"title": "R", "webUrl": "https://example.com/r", "provider": {"name": "Q"}}],
        "secured": _SECURED,
        **more,
    }


def _unknown_at(path: tuple[Any, ...]) -> dict[str, Any]:
    """The sample article with an unknown key in the mapping at ``path``."""
    data = _article()
    target: Any = data
    for part in path:
        target = target[part]
    target["unknownKey"] = 1
    return data


@pytest.mark.parametrize(
    "path",
    [(), ("provider",), ("provider", "images", 0), ("images", 1), ("related", 0), ("related", 0, "provider")],
)
def test_an_unknown_key_at_every_depth(path: tuple[Any, ...]) -> None:
    data = _unknown_at(path)
    _same(data, Article)
    assert [i.code for i in validate_kept(data, Article, Locations())[1]] == ["AK305"]


def test_no_unknown_key_and_forbidden_keys() -> None:
    _same(_article(), Article)
    assert validate_kept(_article(), Article, Locations())[1] == []
    forbidden = _article(related=[{"title": "R", "webUrl": "https://e.com/r", "related": [], "secured": "x"}])
    _same(forbidden, Article)  # not reported as unknown: a rule reports them


@pytest.mark.parametrize("kind", _KINDS, ids=lambda k: k.__name__)
def test_every_kind_finds_unknown_keys_in_itsmodels_in(kind: type[BaseModel]) -> None:
    sharing = _sharing_of(kind)
    assert sharing is not None
    assert sharing.exact


class _ReadElsewhere(FrontMatterModel):
    """Fields read from other keys than those they are written to: extra keys are not the unknown ones."""

    title: str = Field(validation_alias=AliasChoices("title", "name"), serialization_alias="title")
    label: str = Field(default="", validation_alias="labelText", serialization_alias="label")
    image: Image | None = None


class _Ignoring(FrontMatterModel):
    """Extra keys dropped: nothing in the model tells them."""

    model_config = ConfigDict(extra="ignore")
    title: str


class _Either(FrontMatterModel):
    picture: Image | Article | None = None


@pytest.mark.parametrize(
    ("kind", "data", "unknown"),
    [
        (_ReadElsewhere, {"name": "a", "labelText": "b", "image": {"url": "/a", "width": 1, "height": 1}}, 2),
        (_ReadElsewhere, {"title": "a", "label": "b"}, 0),
        (_Ignoring, {"title": "a", "other": 1}, 1),
        (_Either, {"picture": {"url": "/a", "width": 1, "height": 1, "x": 1}}, 1),
        (_Either, {"picture": {"url": "/a", "width": 1, "height": 1}}, 0),
    ],
)
def test_models_whose_extras_do_not_tell_walk_the_data(
    kind: type[BaseModel], data: dict[str, Any], unknown: int
) -> None:
    sharing = _sharing_of(kind)
    assert sharing is not None
    assert not sharing.exact
    _same(data, kind)
    assert len(validate_kept(data, kind, Locations())[1]) == unknown
