"""Timestamps on the fast YAML path (`fastyaml._stamp`) are PyYAML's, and so are its refusals.

The fast path reads ``2020-08-11T13:41:00Z`` with `datetime.fromisoformat` (Python 3.11
on) or the constructor; either must give what `SafeConstructor` gives, and refuse
(`Fallback`: the full loader reports it) exactly the texts it refuses.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode

from articlekit import fastyaml
from articlekit.fastyaml import Fallback, parse_subset

_CONSTRUCTOR = SafeConstructor()
_YEARS = ("0000", "0001", "1900", "2000", "2004", "2023", "2100", "9999")
_DAYS = ("00", "01", "09", "10", "28", "29", "30", "31", "32", "99")
_EDGES = ("00", "01", "09", "10", "23", "24", "59", "60", "99")


def _texts() -> list[str]:
    dates = [f"{y}-{m:02d}-{d}T00:00:00Z" for y in _YEARS for m in range(100) for d in _DAYS]
    times = [f"2020-02-29T{h:02d}:{m}:{s}Z" for h in range(100) for m in _EDGES for s in _EDGES]
    return dates + times


def _pyyaml(text: str) -> Any:
    try:
        return _CONSTRUCTOR.construct_yaml_timestamp(ScalarNode("tag:yaml.org,2002:timestamp", text))
    except ValueError:
        return "refused"


def _fast(text: str) -> Any:
    try:
        return fastyaml._stamp(text)
    except Fallback:
        return "refused"


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, datetime) and isinstance(b, datetime):
        return a == b and a.utcoffset() == b.utcoffset() == timedelta(0)
    return bool(a == b)


@pytest.mark.parametrize("iso", [True, False], ids=["fromisoformat", "constructor"])
def test_every_edge_of_every_field_as_pyyaml(monkeypatch: pytest.MonkeyPatch, iso: bool) -> None:
    monkeypatch.setattr(fastyaml, "_ISO_STAMPS", iso and fastyaml._ISO_STAMPS)
    texts = _texts()
    assert all(fastyaml._STAMP.fullmatch(text) for text in texts)
    differ = [text for text in texts if not _same(_fast(text), _pyyaml(text))]
    assert differ == []
    assert sum(_pyyaml(text) == "refused" for text in texts) > 1000  # both kinds are there


def test_hour_24_is_refused_whatever_fromisoformat_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    class Lenient(datetime):
        """A `datetime` whose `fromisoformat` reads 24:00:00 as the next midnight."""

        @classmethod
        def fromisoformat(cls, text: str) -> Any:
            if text[11:13] == "24":
                return datetime.fromisoformat(text[:11] + "00" + text[13:]) + timedelta(days=1)
            return datetime.fromisoformat(text)

    monkeypatch.setattr(fastyaml, "datetime", Lenient)
    with pytest.raises(Fallback):
        fastyaml._stamp("2020-01-01T24:00:00Z")
    assert fastyaml._stamp("2020-01-01T23:00:00Z") == datetime.fromisoformat("2020-01-01T23:00:00+00:00")


@pytest.mark.parametrize(
    "value",
    ["2020-08-11T13:41:00Z", "2020-02-30T13:41:00Z", "2020-08-11T25:41:00Z", "2020-08-11T13:41:00Z # c"],
)
def test_in_a_document_as_the_full_loader(value: str) -> None:
    text = f"publishedDateTime: {value}\nitems:\n  - {value}\nflow: [{value.split(' ')[0]}]\n"
    try:
        want: Any = yaml.load(text, Loader=yaml.SafeLoader)
    except ValueError:
        want = None
    got = parse_subset(text)
    assert got == want
    if got is not None:
        assert got["publishedDateTime"].tzinfo is not None
