"""The typed scalars the fast YAML path lists (`DataIndex.typed_texts`): AK211's sieve.

(And the index the fast path makes, in C with the C loop, is the one a walk makes.)

Both loops (C and pure Python) list the same texts, and every plain scalar that
YAML 1.1 reads as other than it looks (what `yaml11_surprise.reading` finds) is
among them, so AK211 finds with that list exactly what a walk over every value
of the data finds, and what the text sieve (`_may_hold_one`) lets it find.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articlekit import Article, fastyaml, strategies
from articlekit._fuzzcases import case
from articlekit.fastyaml import load_yaml_fast, loop_arguments
from articlekit.limits import DEFAULT_LIMITS
from articlekit.models.kinds import detect_kind
from articlekit.rules import Context
from articlekit.rules import yaml11_surprise as y
from articlekit.rules._common import build_index, walk
from articlekit.splitter import split_front_matter
from articlekit.yamlsafe import load_yaml
from conftest import SAMPLE_PATH, corpus_files
from yamldocs import documents

_SETTINGS = settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)


def _typed(name: str, text: str) -> list[str] | None:
    """The `typed` list the named loop fills for ``text``, or ``None`` when it does not take it."""
    typed: list[str] = []
    try:
        found = fastyaml.IMPLEMENTATIONS[name].parse_subset(text, *loop_arguments(), typed)
    except fastyaml.Fallback:
        return None
    return None if found is None else typed


def _findings(data: Any, locations: Any, kind: Any, index: Any) -> list[y.Finding]:
    return y.findings(Context(data, locations, kind, prebuilt_index=index))


def _agrees(text: str) -> None:
    """The loops list the same texts; the list holds every surprise; AK211's findings are the walk's."""
    want = _typed("python", text)
    if "c" in fastyaml.IMPLEMENTATIONS and len(text) <= DEFAULT_LIMITS.max_string_length:
        assert _typed("c", text) == want, text
    loaded = load_yaml_fast(text)
    if loaded.index is None or not isinstance(loaded.data, dict):
        return  # the full loader read it: no list, the text sieve
    typed = loaded.index.typed_texts
    assert typed is not None
    # the index made from the loop's lists (in C with the C loop) is the one a walk makes
    walked = build_index(loaded.data)
    assert loaded.index.as_tuple() == walked.as_tuple()
    assert [type(part) for part in loaded.index.as_tuple()] == [type(part) for part in walked.as_tuple()]
    full = load_yaml(text)
    for path, value in walk(full.data):
        if not path or type(value) not in (bool, int, float):
            continue
        info = full.locations.get(path)
        if info is None or info.kind != "scalar" or info.style != "" or info.raw is None:
            continue
        if y.reading(info.raw) is not None:
            assert info.raw in typed, (text, path)
    kind = detect_kind(loaded.data) or Article
    listed = _findings(loaded.data, loaded.locations, kind, loaded.index)
    assert listed == _findings(full.data, full.locations, kind, None), text  # the text sieve
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(y, "_may_hold_one", lambda source: True)
        assert listed == _findings(full.data, full.locations, kind, None), text  # every value


TRICKY = [
    "a: yes\nb: No # c\nc: ON\nd: off\ne: true\nf: FALSE\n",
    "a:\n  - yes\n  - no # comment\n  - true\n  - On\n",
    "a: 1:30\nb: 010\nc: 1_000\nd: .5\ne: 5.\nf: -3\ng: 0.5\nh: 50\ni: +12\nj: 0x1F\nk: 1e3\n",
    "a: [1, 010, yes, true, .5, x]\nb: {c: 1:30, d: off}\nc: [[on]]\n",
    "a: 12\n  :30\n",
    "a: 1\n  2\nb: -\n  1\n",
    "title: A\nheat: 10:00\nquality: 5.\nmyKey: 5.\n",
    "- a\n",
    "a: &x 1:30\nb: !!int 010\n",
    "a: 1:30\r\nb: yes\r\n",
    "a: |\n  yes\nb: >\n  1:30\n",
    "a: \"yes\"\nb: '1:30'\n",
]


def test_typed_lists_the_odd_booleans_and_the_numbers_not_written_as_decimal_integers() -> None:
    text = "a: yes\nb: [010, true, 2]\nc: 12\nd: 0.5\ne:\n  - Off # c\n  - 1:30\nf: '010'\ng: FALSE\n"
    for name in fastyaml.IMPLEMENTATIONS:
        assert _typed(name, text) == ["yes", "010", "0.5", "Off", "1:30"]


@pytest.mark.parametrize("text", TRICKY)
def test_tricky(text: str) -> None:
    _agrees(text)


def test_real_files() -> None:
    paths = corpus_files()
    texts = [p.read_text(encoding="utf-8") for p in paths]
    if SAMPLE_PATH.is_file():
        texts.append(SAMPLE_PATH.read_text(encoding="utf-8"))
    for text in texts:
        front = split_front_matter(text).front_matter
        if front is not None:
            _agrees(front)


def test_fuzz_cases() -> None:
    """The fuzzer's inputs (seed 11, as `python -m articlekit.fuzz --seed 11` makes them)."""
    for index in range(400):
        data, limits = case(11, index)
        try:
            front = split_front_matter(data, limits).front_matter
        except Exception:  # the splitter's own issues: nothing for the loops
            continue
        if front is not None:
            _agrees(front)


@_SETTINGS
@given(documents())
def test_yaml_documents(text: str) -> None:
    _agrees(text)


@_SETTINGS
@given(strategies.documents())
def test_strategies_documents(text: str) -> None:
    front = split_front_matter(text).front_matter
    assert front is not None
    _agrees(front)


_ALPHABET = st.sampled_from([*"0123456789._:eE+-", " ", "#", ",", "]", "[", "{", "}"])
_WORDS = st.sampled_from(["yes", "No", "ON", "off", "y", "true", "~", "null", "1:30", "010", ".5", "5."])
_PIECE = st.lists(st.one_of(st.text(_ALPHABET, max_size=6), _WORDS), min_size=1, max_size=4).map("".join)
# where a value goes: after a key, as an item, in flow collections, continued on the next line
_PLACES = st.sampled_from(
    ["k{i}: {v}", "k{i}:\n  - {v}", "k{i}: [{v}, {v}]", "k{i}: {{a: {v}}}", "k{i}: {v}\n  {v}"]
)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.tuples(_PLACES, _PIECE), min_size=1, max_size=6))
def test_number_like_values(values: list[tuple[str, str]]) -> None:
    _agrees("".join(place.format(i=i, v=value) + "\n" for i, (place, value) in enumerate(values)))


def _nested_text(depth: int, item: bool) -> str:
    lines = [f"{'  ' * level}{'- ' if item and level else ''}k{level}:" for level in range(depth)]
    return "\n".join(lines) + " [[[[1]]]]"  # no line break at the end


@pytest.mark.parametrize("depth", [1, 2, 15, 16, 17, 40])
@pytest.mark.parametrize("item", [False, True])
def test_the_loops_agree_however_deep_and_without_a_last_line_break(depth: int, item: bool) -> None:
    """The C loop's stack grows as the pure loop's does; a flow collection nests as deep in both."""
    text = _nested_text(depth, item)
    answers = {name: fastyaml.parse_with(name, text) for name in fastyaml.IMPLEMENTATIONS}
    assert len({repr(answer) for answer in answers.values()}) == 1, answers
    _agrees(text)


def test_the_c_index_refuses_what_the_loop_never_gives_as_its_twin_does() -> None:
    speedups = fastyaml.IMPLEMENTATIONS.get("c")
    if speedups is None:
        pytest.skip("the C accelerator is not in use")
    with pytest.raises(TypeError):
        speedups.index_of([["a"]], [], None)
    with pytest.raises(TypeError):
        speedups.index_of([], [(1, (), "a")], None)
    with pytest.raises(TypeError):
        speedups.index_of([], [])
    for module in (speedups, fastyaml.IMPLEMENTATIONS["python"]):
        with pytest.raises(KeyError):
            module.index_of([], [(1, (), "a", {})], None)
    index = speedups.index_of(
        [{"a": 1}, {"b": [{"c": 2}, 3]}], [(2, ("x",), "b", {"b": [{"c": 2}, 3]})], ["1:30"]
    )
    assert index.as_tuple() == ({"a", "b"}, [], [], [(("x", "b", 0), {"c": 2})], [])
    assert index.typed_texts == ["1:30"]
