"""`validate_issues` (check's validation, as typed dicts) reports exactly what `validate_model` reports.

`articlekit.validate.validate_issues` validates the front matter with a
validator made from the kind's schema, every model in it a typed dict, so that
``check`` makes no model objects.  Every issue must be the same as validating
the models: on the real corpus, on generated valid and broken documents, on the
fuzzer's inputs and on mappings made to break each kind in odd ways.  Kinds
whose schema could tell a dict from a model keep the models.
"""

from __future__ import annotations

import random
from typing import Annotated, Any

import pytest
from hypothesis import HealthCheck, given, settings
from pydantic import AfterValidator, BaseModel, ConfigDict, field_validator, model_validator

import articlekit
from articlekit import Article, Image
from articlekit._fuzzcases import case
from articlekit.fastyaml import load_yaml_fast
from articlekit.limits import DEFAULT_LIMITS
from articlekit.models import KINDS, FrontMatterModel
from articlekit.models.kinds import detect_kind
from articlekit.positions import Locations
from articlekit.splitter import split_front_matter
from articlekit.strategies import documents, invalid_documents
from articlekit.validate import _DICT_AFTER, _dict_issues, _dict_validator, validate_issues, validate_model
from conftest import corpus_files

_KINDS = [info.model for info in KINDS]
_SECURED = "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="


def _same(data: Any, kind: type[BaseModel], locations: Locations | None = None) -> None:
    """The typed-dict validator of ``kind`` reports what validating the models reports."""
    locations = locations if locations is not None else Locations()
    validator = _dict_validator(kind)
    assert validator is not None, kind
    expected = validate_model(data, kind, locations)[1]
    found = _dict_issues(validator, data, kind, locations)
    assert [(str(i), i.path) for i in found] == [(str(i), i.path) for i in expected]
    assert found == expected


def _same_for_text(text: str | bytes) -> bool:
    """`_same` on a file's front matter, when it has one that is a mapping of a known kind."""
    split = split_front_matter(text, DEFAULT_LIMITS)
    if split.front_matter is None:
        return False
    loaded = load_yaml_fast(split.front_matter, first_line=2, limits=DEFAULT_LIMITS)
    if not isinstance(loaded.data, dict):
        return False
    kind = detect_kind(loaded.data)
    if kind is None:
        return False
    _same(loaded.data, kind, loaded.locations)
    return True


@pytest.mark.parametrize("kind", _KINDS, ids=lambda k: k.__name__)
def test_every_kind_validates_as_dicts(kind: type[BaseModel]) -> None:
    """...that forbid the unknown keys: the data is walked for them only when validation fails."""
    validator = _dict_validator(kind)
    assert validator is not None
    assert validator.forbids


def test_the_corpus() -> None:
    files = corpus_files()
    if not files:
        pytest.skip("the shared corpus is absent")
    assert all(_same_for_text(path.read_bytes()) for path in files)


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(invalid_documents())
def test_broken_documents(broken: Any) -> None:
    _same_for_text(broken.text if hasattr(broken, "text") else broken)


@settings(max_examples=100, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(documents())
def test_valid_documents(text: Any) -> None:
    _same_for_text(text.text if hasattr(text, "text") else text)


def test_the_fuzzers_inputs() -> None:
    for index in range(600):
        data, _ = case(11, index)
        _same_for_text(data)


_ODD: list[Any] = [
    {},
    {1: "x", "title": "a"},
    {None: 1, "title": "a"},
    {"title": 5, "provider": [1], "images": "x"},
    {"title": "a", "images": [{"url": "/a", "width": 1, "height": 2, 3: 4}, None, 7, {}]},
    {"title": "a", "provider": {"name": "x", "images": [None, 1, {}], "authors": [{}, 2]}},
    {"title": "a", "publishedDateTime": "2020-01-01", "secured": "AAAA;BBBB"},
    {"title": "a", "publishedDateTime": "2020-01-01T00:00:00", "secured": 5},
    {"title": "", "related": [{"title": "x", "related": [1], "secured": "x", "publishedDateTime": 3}]},
    {"title": "a", "heat": 2**40, "quality": -1, "published": "yes", "topics": [1, None]},
    {"title": "a", "type": "course", "category": "news", "web_url": "https://a.b", "webUrl": 3},
    {"title": "a", "actions": [{"url": 1, "type": "x"}], "ratings": {"average": "x"}, "price": 3},
    {"title": "a", "twitter": {"url": 1}, "linkedIn": [], "affiliation": {"name": None}},
    {"title": "a", "length": 3, "levels": "x", "items": [1], "otherNames": [[]]},
]


@pytest.mark.parametrize("kind", _KINDS, ids=lambda k: k.__name__)
@pytest.mark.parametrize("data", _ODD)
def test_odd_mappings(data: dict[Any, Any], kind: type[BaseModel]) -> None:
    _same(data, kind)


def test_random_mappings() -> None:
    """Values of every type under every key of every kind, one key spelt wrong now and then."""
    rng = random.Random(5)
    values: list[Any] = [
        None,
        True,
        0,
        -3,
        2.5,
        "",
        "x",
        "2020-08-11T13:41:00Z",
        [],
        [1],
        {},
        {"a": 1},
        _SECURED,
    ]
    for _ in range(300):
        kind = rng.choice(_KINDS)
        keys = [str(f.alias or n) for n, f in kind.model_fields.items()]
        data = {key: rng.choice(values) for key in keys if rng.random() < 0.7}
        if rng.random() < 0.3:
            data[rng.choice(keys) + "X"] = 1
        _same(data, kind)


class _AfterModel(FrontMatterModel):
    title: str

    @model_validator(mode="after")
    def _check(self) -> _AfterModel:
        return self


class _Either(FrontMatterModel):
    picture: Image | Article | None = None


class _Checked(FrontMatterModel):
    picture: Annotated[Image, AfterValidator(lambda image: image)] | None = None


class _FieldInfo(FrontMatterModel):
    title: str = ""

    @field_validator("title")
    @classmethod
    def _title(cls, value: str, info: Any) -> str:
        return value


class _Plain(FrontMatterModel):
    model_config = ConfigDict(strict=False)
    title: str
    count: int = 0
    pictures: list[Image] | None = None
    by_name: dict[str, Image] | None = None


class _Strict(FrontMatterModel):
    """Unknown keys are errors here, and the model holds itself."""

    model_config = ConfigDict(extra="forbid")
    title: str
    children: list[_Strict] | None = None
    parent: _Strict | None = None


def test_forbidden_extras_and_a_model_that_holds_itself() -> None:
    for data in (
        {"title": "a", "x": 1},
        {
            "title": "a",
            "children": [{"title": 1, "y": 2}, {"children": [{}]}],
            "parent": {"parent": {"z": 0}},
        },
        {"title": "a", "children": [{"title": "b"}], "parent": {"title": "c"}},
    ):
        _same(data, _Strict)


@pytest.mark.parametrize("kind", [_AfterModel, _Either, _Checked, _FieldInfo])
def test_what_could_tell_a_model_from_a_dict_keeps_the_models(kind: type[BaseModel]) -> None:
    """A model validator, a union of models, a validator of a model, one that sees the other fields."""
    assert _dict_validator(kind) is None
    data = {"title": 1, "picture": {"url": 1}}
    assert validate_issues(data, kind, Locations()) == validate_model(data, kind, Locations())[1]


def test_a_kind_that_is_not_strict_stays_lax() -> None:
    """Each model's own configuration applies to its typed dict (here: "3" is an integer)."""
    for data in (
        {"title": "a", "count": "3"},
        {"title": 1, "count": "x", "pictures": [{"url": "/a", "width": "2", "height": 0}]},
        {"title": "a", "by_name": {"a": {"url": "/a"}}, "byName": {"a": 1}},
    ):
        _same(data, _Plain)


def test_the_first_files_of_a_kind_are_validated_as_models() -> None:
    """One file (an editor, ``check one.md``) does not pay for making the dict validator."""

    class _Fresh(FrontMatterModel):
        title: str

    from articlekit import validate

    for count in range(1, _DICT_AFTER + 3):
        assert (
            validate_issues({"title": 1}, _Fresh, Locations())
            == validate_model({"title": 1}, _Fresh, Locations())[1]
        )
        assert (_Fresh in validate._DICT_VALIDATORS) == (count >= _DICT_AFTER)


def test_check_reports_the_same_after_the_dict_validators_are_made() -> None:
    text = "---\ntitle: 3\npublishedDateTime: 2020-08-11\nsecured: x\nwebUrl: https://a.b\nheat: yes\n---\n"
    first = articlekit.check(text)
    for _ in range(_DICT_AFTER + 1):
        assert articlekit.check(text) == first
