"""Differential test: the fast path gives exactly PyYAML's SafeLoader data, or falls back.

Inputs are (1) generated documents in and around the subset, with scalars
chosen to hit YAML 1.1 resolution (``yes``, ``012``, ``10:00``, dates, ``~``),
(2) mutations of the reference article and of the real corpus files (when
``../shared`` is present), and (3) whole files from
``articlekit.strategies.documents()``.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articlekit import strategies
from articlekit._same import same
from articlekit.fastyaml import load_yaml_fast, parse_subset
from articlekit.splitter import split_front_matter
from articlekit.yamlsafe import load_yaml
from conftest import DATA, corpus_files
from yamldocs import documents

# every test runs with the Python loop and with the C loop (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("fast_loop")

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _agrees(text: str) -> None:
    """The property: accepted text loads to SafeLoader's data; refused text is never lost."""
    got = parse_subset(text)
    try:
        expected = yaml.load(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, KeyError, RecursionError):
        assert got is None, f"fast path accepted text that PyYAML rejects: {text!r}"
        return
    if got is None:
        return
    assert same(got, expected, ordered=True), f"{text!r}: fast {got!r} != SafeLoader {expected!r}"
    # what the fast path accepts, the full loader reads without an issue
    full = load_yaml(text)
    assert full.issues == []
    assert same(full.data, got, ordered=True)


# -- generated documents (tests/yamldocs.py) -------------------------------


@_SETTINGS
@given(documents())
def test_generated_documents(text: str) -> None:
    _agrees(text)


# -- mutated real files ----------------------------------------------------
def _front_matter(path: Any) -> str:
    text: str = path.read_text(encoding="utf-8")
    return text.split("---", 2)[1].lstrip("\r\n")


_SEEDS = [_front_matter(DATA / "finland-prisons-ai.md")] + [_front_matter(p) for p in corpus_files()[::9]]
_INSERTS = [" ", "  ", ":", ": ", "-", "- ", "#", " #", '"', "'", "\\", "\t", "\n", "\r", "&a ", "*a",
            "!!str ", "[", "{", "|", ">", "yes", "0", "~", "\x85", "\u2028", "\ufeff", "é"]  # fmt: skip


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(_SEEDS))
    for _ in range(draw(st.integers(1, 3))):
        lines = text.split("\n")
        i = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "indent", "dedent", "swap", "drop"]))
        j = draw(st.integers(0, len(line)))
        if op == "insert":
            line = line[:j] + draw(st.sampled_from(_INSERTS)) + line[j:]
        elif op == "delete":
            line = line[:j] + line[j + 1 :]
        elif op == "indent":
            line = " " + line
        elif op == "dedent":
            line = line[1:] if line.startswith(" ") else line
        if op == "duplicate":
            lines.insert(i, line)
        elif op == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif op == "drop":
            del lines[i]
        else:
            lines[i] = line
        text = "\n".join(lines)
    return text


@_SETTINGS
@given(mutated())
def test_mutated_real_files(text: str) -> None:
    _agrees(text)


def test_every_seed_is_on_the_fast_path() -> None:
    for text in _SEEDS:
        assert parse_subset(text) is not None
        _agrees(text)


@_SETTINGS
@given(st.data())
def test_results_match_the_full_loader_issue_for_issue(data: st.DataObject) -> None:
    text = data.draw(st.one_of(documents(), mutated()))
    fast = load_yaml_fast(text)
    full = load_yaml(text)
    assert fast.issues == full.issues
    assert same(fast.data, full.data, ordered=True)


@_SETTINGS
@given(strategies.documents())
def test_strategies_documents(text: str) -> None:
    """Every kind, in every style the strategies write (CRLF, BOM, quoting, flow lists, ...)."""
    # the splitter, not text.split("---"): a value or the body may hold "---"
    front_matter = split_front_matter(text).front_matter
    assert front_matter is not None
    _agrees(front_matter)
