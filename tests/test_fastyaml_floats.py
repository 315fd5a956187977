"""Plain floats on the fast YAML path: ``average: 4.632458`` is read by the loops themselves.

A plain scalar written ``[-+]?[0-9]+\\.[0-9]*([eE][-+][0-9]+)?`` (at most
``_MAX_TYPED`` characters) is read without calling back into Python's
``_typed`` (in C: ``simple_float``; in Python: ``_SIMPLE_FLOAT`` and
``float``), and its text is listed in ``typed`` as ``_typed`` lists it.  Every
float-ish text (the narrow form or not: ``.5``, ``1_0.5``, ``1:2.5``, ``.inf``,
``1e5``, ...) still gives exactly what ``yaml.load(..., SafeLoader)`` gives,
with both loops.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from articlekit import fastyaml
from articlekit._speedups_py import _DECIMAL, _MAX_TYPED, _ODD_WORDS, _SIMPLE_FLOAT
from articlekit.fastyaml import Fallback, load_yaml_fast, loop_arguments
from articlekit.limits import DEFAULT_LIMITS
from articlekit.splitter import split_front_matter
from conftest import corpus_files, require_loop

_SETTINGS = settings(
    max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
_RESOLVER = Resolver()
_YAML = "tag:yaml.org,2002:"

TRICKY = [
    "1.",
    ".5",
    "-.5",
    "+.5",
    "1.2.3",
    "1_0.5",
    "1._5",
    "-1.5",
    "+1.5",
    "-0.0",
    "0.0",
    "00.",
    "01.5",
    "1e5",
    "1.0e5",
    "1.0e+5",
    "1.0E-5",
    "1.0e+",
    "1.0e+5.",
    "1.e-3",
    "-1.0e+999",
    "1.0e+99999999",
    "1" * 70 + ".5",
    "1" * 61 + ".50",
    "1" * 61 + ".500",
    "9" * 400 + ".",
    "0." + "0" * 330 + "1",
    "4.632458",
    "4.4396553",
    ".inf",
    "-.inf",
    "+.INF",
    ".nan",
    ".NaN",
    "1:2.5",
    "-1:2.5",
    "1:2",
    "1.5:",
    "-",
    "+",
    ".",
    "-1",
    "+1",
    "012",
    "0x1F",
    "0b101",
    "1__2.",
    "e",
    "1.5e",
]
_FLOATISH = st.one_of(
    st.sampled_from(TRICKY),
    st.text(alphabet="0123456789._-+eE:", min_size=1, max_size=14),
    st.from_regex(r"[-+]?[0-9]{1,80}\.[0-9]{0,20}(?:[eE][-+][0-9]{1,4})?", fullmatch=True),
    st.from_regex(r"[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?", fullmatch=True),
)


def _expected_typed(text: str) -> bool:
    """Whether `_typed` lists ``text``: an int or float not written as a decimal integer, or
    a boolean other than true and false (PyYAML's resolver decides, not articlekit's)."""
    tag = _RESOLVER.resolve(ScalarNode, text, (True, False))
    return text in _ODD_WORDS or (tag in (_YAML + "int", _YAML + "float") and not _DECIMAL.fullmatch(text))


def _shape(value: Any) -> Any:
    """``value`` with every float as its type and repr (so -0.0, nan and inf compare exactly)."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return (type(value), repr(value) if isinstance(value, float) else value)


def _loop(name: str, text: str, scalar: Callable[..., Any] = fastyaml._scalar) -> tuple[Any, list[str]]:
    """What the named loop answers for ``text`` (`"fallback"` when it raises `Fallback`), and its
    `typed` list."""
    typed: list[str] = []
    max_depth, key_info, key_info_of, _, flow, max_len = loop_arguments()
    try:
        found = fastyaml.IMPLEMENTATIONS[name].parse_subset(
            text, max_depth, key_info, key_info_of, scalar, flow, max_len, typed
        )
    except Fallback:
        return "fallback", typed
    return (None if found is None else found[0]), typed


def _check(name: str, text: str, occurrences: int, value: str) -> Any:
    try:
        want: Any = yaml.load(text, Loader=yaml.SafeLoader)
    except Exception:  # a YAMLError, or a ValueError for a date that does not exist ("0000-00-00")
        want = "error"
    got, typed = _loop(name, text)
    if got is None or got == "fallback":
        return got
    assert want != "error", text  # the fast path takes no text the full loader refuses
    assert _shape(got) == _shape(want), text
    assert typed == ([value] * occurrences if _expected_typed(value) else []), text
    return got


@_SETTINGS
@given(value=_FLOATISH)
@example(value="4.632458")
def test_block_values_as_safeloader(fast_loop: str, value: str) -> None:
    text = f"a: {value}\nb: {value}   # note\nc:\n  - {value}\n  - {value} # note\n"
    got = _check(fast_loop, text, 4, value)
    if _SIMPLE_FLOAT.fullmatch(value) and len(value) <= _MAX_TYPED:
        assert got not in (None, "fallback"), text  # the narrow form is always read
        assert type(got["a"]) is float


@_SETTINGS
@given(value=_FLOATISH)
@example(value="0000-00-00")
def test_flow_values_as_safeloader(fast_loop: str, value: str) -> None:
    _check(fast_loop, f"a: [{value}, x]\nb: {{k: {value}}}\n", 2, value)


@pytest.mark.parametrize("value", TRICKY)
def test_tricky_texts_as_safeloader(fast_loop: str, value: str) -> None:
    _check(fast_loop, f"a: {value}\nb: {value}   # note\nc:\n  - {value}\n  - {value} # note\n", 4, value)


@pytest.mark.parametrize("value", TRICKY)
def test_typed_as_pyyaml(value: str) -> None:
    """`fastyaml._typed` (what both loops call back for other plain scalars) on its own."""
    typed: list[str] = []
    try:
        got = fastyaml._typed(value, typed)
    except Fallback:
        assert not _SIMPLE_FLOAT.fullmatch(value) or len(value) > _MAX_TYPED
        return
    tag = _RESOLVER.resolve(ScalarNode, value, (True, False))
    want = SafeConstructor().construct_object(ScalarNode(tag, value))
    assert _shape(got) == _shape(want)
    assert typed == ([value] if _expected_typed(value) else [])


@pytest.mark.parametrize("value", ["4.632458", "-1.5", "+1.0e+5", "1.", "0" * 62 + ".5"])
def test_simple_floats_call_no_callback(fast_loop: str, value: str) -> None:
    """The loops read these floats themselves (the old loops called back `scalar` for them)."""

    def boom(*args: Any) -> Any:
        raise AssertionError(f"called back for {args[0]!r}")

    text = f"ratings:\n  average: {value}\n  all:\n    - {value}\n"
    got, typed = _loop(fast_loop, text, boom)
    want = float(value)
    assert got == {"ratings": {"average": want, "all": [want]}}
    assert typed == [value, value]


def test_floats_of_the_length_bound_are_left_to_the_full_loader(fast_loop: str) -> None:
    value = "1" * (_MAX_TYPED - 1) + "."
    assert _loop(fast_loop, f"a: {value}\n")[0] == {"a": float(value)}
    assert _loop(fast_loop, f"a: {value}5\n")[0] == "fallback"  # as before: _typed refuses it


def test_corpus_needs_no_callback() -> None:
    """The C loop reads the real corpus without calling back into Python for any scalar (the
    pure loop hands timestamps and escaped strings to `scalar`)."""
    require_loop("c")
    files = corpus_files()
    if not files:
        pytest.skip("../shared/corpus is not present")
    called: list[str] = []

    def counting(rest: str, max_len: int, typed: list[str] | None = None) -> Any:
        called.append(rest)
        return fastyaml._scalar(rest, max_len, typed)

    for path in files:
        front = split_front_matter(path.read_text(encoding="utf-8"), DEFAULT_LIMITS).front_matter
        if front is None:
            continue
        got, _ = _loop("c", front, counting)
        if got not in (None, "fallback"):
            assert load_yaml_fast(front).data == got
    assert called == []


def test_nan_shape_compares_exactly() -> None:
    assert _shape(math.nan) == _shape(float("nan"))
    assert _shape(-0.0) != _shape(0.0)
