"""The fuzzer's comparison of the two YAML loops (`_fuzzcheck._parsers_agree`).

It must see every part of what the fast path takes from a loop: the data, and
also the typed texts (the 8th argument of `parse_subset`) and the rules'
`DataIndex` the loop's module makes (`index_of`).  A "C" loop that differs in
one part only (here: the pure loop, changed in that part) must be reported;
the loops as they are must not be.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from articlekit import _fuzzcheck, _speedups_py, fastyaml
from articlekit._dataindex import DataIndex
from articlekit.limits import DEFAULT_LIMITS

TEXT = "---\ntitle: A\nwebUrl: https://example.com/a\nheat: 010\nopen: yes\nimages:\n  - url: x\n---\nBody\n"


def _loop(**changed: Any) -> SimpleNamespace:
    """The pure loop as a module, with some of its functions replaced."""
    functions = {name: getattr(_speedups_py, name) for name in ("parse_subset", "set_fallback", "index_of")}
    return SimpleNamespace(**{**functions, **changed})


def _one_more_typed_text(text: str, *args: Any) -> Any:
    found = _speedups_py.parse_subset(text, *args)
    args[-1].append("x")  # `typed`
    return found


def _another_url(mappings: Any, special: Any, typed: Any) -> DataIndex:
    index = _speedups_py.index_of(mappings, special, typed)
    index.urls.append((("elsewhere",), "https://example.com/b"))
    return index


def _another_key(mappings: Any, special: Any, typed: Any) -> DataIndex:
    index = _speedups_py.index_of(mappings, special, typed)
    index.keys.add("elsewhere")
    return index


def test_the_loops_as_they_are_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(fastyaml.IMPLEMENTATIONS, "c", _loop())
    assert _fuzzcheck._parsers_agree(TEXT, DEFAULT_LIMITS) is None
    answer, index = fastyaml.parse_indexed_with("python", TEXT.split("---\n")[1])
    assert answer.verdict == "ok"
    assert index is not None
    assert index.typed_texts == ["010", "yes"]
    assert index.urls == [(("webUrl",), "https://example.com/a")]


@pytest.mark.parametrize(
    ("changed", "shown"),
    [
        ({"parse_subset": _one_more_typed_text}, "'x'"),
        ({"index_of": _another_url}, "elsewhere"),
        ({"index_of": _another_key}, "the index's keys"),
    ],
)
def test_a_loop_that_differs_in_typed_texts_or_index_is_reported(
    monkeypatch: pytest.MonkeyPatch, changed: dict[str, Any], shown: str
) -> None:
    monkeypatch.setitem(fastyaml.IMPLEMENTATIONS, "c", _loop(**changed))
    failure = _fuzzcheck._parsers_agree(TEXT, DEFAULT_LIMITS)
    assert failure is not None
    assert failure.kind == "C and Python fast paths differ"
    assert shown in failure.detail


def test_no_index_where_the_loop_does_not_take_the_text() -> None:
    assert fastyaml.parse_indexed_with("python", "a: &x 1\n") == (
        fastyaml.LoopAnswer("fallback", None, [], []),
        None,
    )
    assert fastyaml.parse_indexed_with("python", "- a\n")[1] is None
