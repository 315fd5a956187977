"""`articlekit.loads`' fast paths give what the plain paths give.

* `validate_kept` (the model, its sets shared by `articlekit._fieldsets.share`, whose
  loop shares the items of a list of models without models inside in place) against
  ``Model.model_validate`` on `articlekit.strategies` documents of every kind: the
  same models, the same ``model_fields_set`` at every depth, each the one set of its
  shape, and the same issues as `validate_model`;
* the list loop's answer for a class whose extra keys do not tell the unknown keys;
* `articlekit.models.secured._quick`, which reads the padding from the length
  (`_shape_of`), against the full parse on every length and padding;
* `articlekit.models._base._parse_timestamp`'s first test (a YAML timestamp).
"""

from __future__ import annotations

import base64
import re
from datetime import date, datetime, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict, Field

import articlekit
from articlekit._fieldsets import sharing_of
from articlekit.fastyaml import load_yaml_fast
from articlekit.limits import DEFAULT_LIMITS
from articlekit.models import KINDS, FrontMatterModel
from articlekit.models import secured as secured_model
from articlekit.models._base import _parse_timestamp
from articlekit.models.kinds import detect_kind
from articlekit.models.secured import SECURED_PATTERN
from articlekit.positions import Locations
from articlekit.splitter import split_front_matter
from articlekit.strategies import documents
from articlekit.validate import validate_kept, validate_model
from conftest import models_in, secured_slow

_KINDS = [info.model for info in KINDS]


def _loaded(text: str) -> tuple[dict[str, Any], Locations, type[BaseModel]]:
    split = split_front_matter(text, DEFAULT_LIMITS)
    assert split.front_matter is not None
    loaded = load_yaml_fast(split.front_matter, first_line=2, limits=DEFAULT_LIMITS)
    assert isinstance(loaded.data, dict)
    kind = detect_kind(loaded.data)
    assert kind is not None
    return loaded.data, loaded.locations, kind


def _same_as_plain(text: str, kind: type[BaseModel]) -> None:
    data, locations, detected = _loaded(text)
    assert detected is kind
    plain = kind.model_validate(data, by_alias=True, by_name=False)  # never shared
    kept, issues = validate_kept(data, kind, locations)
    assert kept is not None
    assert issues == validate_model(data, kind, locations)[1] == []
    assert type(kept) is type(plain)
    assert kept == plain
    assert repr(kept) == repr(plain)
    assert kept.model_dump() == plain.model_dump()
    pairs = list(zip(models_in(kept), models_in(plain), strict=True))
    for one, other in pairs:
        assert type(one) is type(other)
        assert one.model_fields_set == other.model_fields_set
        assert one.__pydantic_extra__ == other.__pydantic_extra__
        sharing = sharing_of(type(one))
        assert sharing is not None
        shapes = sharing.by_size.get(len(one.model_fields_set), [])
        if any(shape == one.model_fields_set for shape in shapes):  # kept: the one set of its shape
            assert any(shape is one.model_fields_set for shape in shapes)
    document = articlekit.loads(text)
    assert type(document.meta) is kind
    assert document.meta == plain
    for one, other in zip(models_in(document.meta), models_in(kept), strict=True):
        assert one.model_fields_set == other.model_fields_set
        sharing = sharing_of(type(one))
        assert sharing is not None
        shapes = sharing.by_size.get(len(one.model_fields_set), [])
        if any(shape is other.model_fields_set for shape in shapes):  # kept (other tests may fill the table)
            assert one.model_fields_set is other.model_fields_set


@pytest.mark.parametrize("kind", _KINDS, ids=lambda k: k.__name__)
def test_kept_models_are_the_plain_ones_for_every_kind(kind: type[BaseModel]) -> None:
    @settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(documents(kind))
    def check(text: str) -> None:
        _same_as_plain(text, kind)

    check()


class _Label(FrontMatterModel):
    """A model without models inside whose extra keys are dropped: not `Sharing.exact`."""

    model_config = ConfigDict(extra="ignore")
    text: str


class _Labelled(FrontMatterModel):
    title: str
    labels: list[_Label] | None = None
    images: list[articlekit.Image] | None = Field(default=None)


@pytest.mark.parametrize(
    ("data", "unknown"),
    [
        ({"title": "a", "labels": [{"text": "x"}, {"text": "y", "other": 1}]}, 1),
        ({"title": "a", "labels": [{"text": "x"}]}, 0),
        ({"title": "a", "images": [{"url": "/a.png", "width": 1, "height": 1, "other": 1}]}, 1),
        (
            {"title": "a", "images": [{"url": "/a.png", "width": 1, "height": 1}], "labels": [{"text": "x"}]},
            0,
        ),
    ],
)
def test_the_list_loop_walks_the_data_when_extras_do_not_tell(data: dict[str, Any], unknown: int) -> None:
    """A dropped key leaves nothing in ``__pydantic_extra__``: only the data tells it."""
    sharing = sharing_of(_Labelled)
    assert sharing is not None
    label = sharing_of(_Label)
    assert label is not None
    assert not label.exact
    assert not label.subs
    kept, issues = validate_kept(data, _Labelled, Locations())
    model, plain_issues = validate_model(data, _Labelled, Locations())
    assert kept == model
    assert issues == plain_issues
    assert [i.code for i in issues] == ["AK305"] * unknown


def _agrees(text: str) -> None:
    quick = secured_model._quick(text)
    slow = secured_slow(text)
    if quick is not None:
        assert ("ok", quick.ciphertext, quick.iv, str(quick)) == slow
    assert (quick is not None) == (slow[0] == "ok") == bool(re.match(SECURED_PATTERN, text))


_IV = base64.b64encode(bytes(range(16))).decode("ascii")


def test_quick_on_every_length_and_padding() -> None:
    """The padding read from the length: every length up to 700, each with 0 to 3 ``=``."""
    for size in range(700):
        for padding in range(4):
            head = size - 25
            if head < padding:
                continue
            for last in "AQEB":  # spare bits zero for every padding, for one, for none
                body = "B" * (head - padding - 1) + last if head > padding else ""
                _agrees(body + "=" * padding + ";" + _IV)
                _agrees(body + "=" * padding + ":" + _IV)
    for n in range(0, 200):
        _agrees(base64.b64encode(bytes(range(n))).decode("ascii") + ";" + _IV)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=120), st.integers(0, 3), st.sampled_from(["", "A", "=", "é", " "]))
def test_quick_on_values_near_well_formed(data: bytes, cut: int, extra: str) -> None:
    text = base64.b64encode(data).decode("ascii")
    text = text[: len(text) - cut] + extra + ";" + _IV
    _agrees(text)


class _Stamp(datetime):
    """A subclass of datetime: not the common case, the same answer."""


@pytest.mark.parametrize(
    "value",
    [
        datetime(2020, 8, 11, 13, 41, tzinfo=timezone.utc),
        datetime(2020, 8, 11, 13, 41),
        _Stamp(2020, 8, 11, tzinfo=timezone.utc),
        "2020-08-11T13:41:00Z",
        3,
        None,
    ],
)
def test_timestamps_pass_through_as_before(value: Any) -> None:
    assert _parse_timestamp(value) == (
        datetime(2020, 8, 11, 13, 41, tzinfo=timezone.utc) if isinstance(value, str) else value
    )
    assert type(_parse_timestamp(value)) is (datetime if isinstance(value, str) else type(value))


def test_a_bare_date_is_still_refused() -> None:
    with pytest.raises(Exception, match="date without a time"):
        _parse_timestamp(date(2020, 8, 11))
