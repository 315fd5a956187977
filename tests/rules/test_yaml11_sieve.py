"""AK211's sieve takes only tokens that can surprise: it misses none that the full sieve finds.

The full sieve (below, as the rule had it) takes every number-like plain scalar
and asks `reading` about each; the rule's sieve leaves ordinary numbers out in
the regular expression.  Whenever the full sieve finds a surprising token, the
rule's must find one too (else the rule would miss a value), and the rule's
findings must be those of a walk over every value.  (Where the fast YAML path
made the index, the rule sifts its list of typed scalars instead of the text:
tests/test_fastyaml_typed.py.)
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articlekit.fastyaml import load_yaml_fast
from articlekit.models.kinds import detect_kind
from articlekit.rules import Context
from articlekit.rules import yaml11_surprise as y
from articlekit.splitter import split_front_matter
from conftest import SAMPLE_PATH, corpus_files
from yamldocs import documents

_FULL_TOKEN = (
    r"(?:[&!][^ \t\n]*[ \t]+)*(yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|[-+]?[0-9.][0-9_:.eE+-]*)"
    r"(?=[ \t]*(?:\n|$|[,\]}]|#)|[ \t]+#)"
)
_FULL = (
    re.compile(r":[ \t]+" + _FULL_TOKEN),
    re.compile(r"-[ \t]+" + _FULL_TOKEN),
    re.compile(r"[\[{,\n][ \t]*" + _FULL_TOKEN),
)


def _full_sieve(source: str) -> bool:
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    patterns = _FULL if "[" in source or "{" in source else _FULL[:2]  # flow: only in flow text
    return any(y.reading(token) is not None for pattern in patterns for token in pattern.findall(source))


def _holds(source: str) -> None:
    if _full_sieve(source):
        assert y._may_hold_one(source), source


TRICKY = [
    "a: 1:30\n",
    "a: 190:20:30\n",
    "a: 1_000\n",
    "a: 0_7\n",
    "a: 010\n",
    "a: -010\n",
    "a: +07\n",
    "a: 00\n",
    "a: 09\n",
    "a: .5\n",
    "a: -.5\n",
    "a: +.5e+3\n",
    "a: 5.\n",
    "a: -5.\n",
    "a: 1.5e+3\n",
    "a: 5.e+3\n",
    "a: yes\n",
    "a: Off # comment\n",
    "a: !!int 010\n",
    "a: &x 1:30\n",
    "a: &x !!float 5.\n",
    "- on\n",
    "-   010\n",
    "a: [1, 010, yes]\n",
    "a: {b: 1:30}\n",
    "a: [\n  .5\n]\n",
    "a:\t1_0\n",
    "a: 1:30\r\nb: 2\r\n",
    "a: 1:30\rb: 2\r",
    "a: 50\nb: 1200\nc: 0.5\nd: 2020-08-11T13:41:00Z\n",
    "a: 1.5\nb: 0\nc: -0\nd: +12\n",
]


@pytest.mark.parametrize("source", TRICKY)
def test_sieve_keeps_every_surprise_the_full_sieve_finds(source: str) -> None:
    _holds(source)


def test_sieve_passes_ordinary_numbers_without_asking() -> None:
    assert not y._may_hold_one("a: 50\nb: 1200\nc: 0.5\nd: 2020-08-11T13:41:00Z\ne: -3\n- 7\n")
    assert y._may_hold_one("a: 50\nb: 010\n")


_ALPHABET = st.sampled_from(list("0123456789._:eE+-") + [" ", "\t", "\n", "#", ",", "]", "[", "{", "}"])
_WORDS = st.sampled_from(["yes", "No", "ON", "off", "y", "n", "true", "!!int ", "&a ", "a: ", "- "])
_PIECES = st.lists(st.one_of(st.text(_ALPHABET, max_size=8), _WORDS), max_size=12).map("".join)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["a: ", "- ", "  - ", "b:\t", "[", "{c: ", ", "]), _PIECES)))
def test_sieve_keeps_every_surprise_on_number_like_text(lines: list[tuple[str, str]]) -> None:
    _holds("".join(f"{lead}{piece}\n" for lead, piece in lines))


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_sieve_keeps_every_surprise_on_yaml_documents(text: str) -> None:
    _holds(text)


def _files() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in corpus_files()]
    if SAMPLE_PATH.is_file():
        texts.append(SAMPLE_PATH.read_text(encoding="utf-8"))
    return texts


def test_findings_are_those_of_a_walk_over_every_value(monkeypatch: pytest.MonkeyPatch) -> None:
    surprising = "".join(
        f"k{i}: {value}\n" for i, value in enumerate(["1:30", "010", "yes", "5.", "1_0", "50"])
    )
    texts = [*_files(), f"---\ncategory: news\ntitle: A\n{surprising}---\n"]
    for text in texts:
        front = split_front_matter(text).front_matter
        assert front is not None
        loaded = load_yaml_fast(front)
        if not isinstance(loaded.data, dict) or (kind := detect_kind(loaded.data)) is None:
            continue
        sieved = y.findings(Context(loaded.data, loaded.locations, kind))
        listed = y.findings(Context(loaded.data, loaded.locations, kind, prebuilt_index=loaded.index))
        with monkeypatch.context() as patched:
            patched.setattr(y, "_may_hold_one", lambda source: True)
            walked = y.findings(Context(loaded.data, loaded.locations, kind))
        assert sieved == walked
        assert listed == walked  # the fast path's list of typed scalars (DataIndex.typed_texts)
    assert len(walked) == 4  # the last text: all but 50 (ordinary) and 5. (a fraction fits an unknown key)
