"""Autofix properties over `articlekit.strategies.invalid_documents()` (files with one problem).

`fix` never raises, never adds an issue, is idempotent, and the fixed file
loads back to the same data except for the values the fixes say they change.
The default run is short; the long run::

    ARTICLEKIT_FIX_EXAMPLES=1000 .venv/bin/python -m pytest tests/fixes/test_properties.py -q
"""

from __future__ import annotations

import os
from collections import Counter

from hypothesis import HealthCheck, given, settings

import articlekit
from articlekit import fixes
from articlekit import strategies as aks
from articlekit._same import same
from articlekit.fixes._context import apply_data_changes
from articlekit.splitter import split_front_matter
from articlekit.yamlsafe import load_yaml

EXAMPLES = int(os.environ.get("ARTICLEKIT_FIX_EXAMPLES", "30"))
"""Examples per property: 30 by default; raise it for a long run."""

PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FIXABLE = sorted(fixes.fixable_codes())


def _data(text: str | bytes) -> object:
    """The front matter as loaded, errors or not (a repeated key keeps its last value)."""
    front_matter = split_front_matter(text).front_matter
    return None if front_matter is None else load_yaml(front_matter).data


def _check_fix(broken: aks.BrokenDocument) -> None:
    kwargs = {"kind": broken.kind, "secured_key": broken.secured_key}
    result = articlekit.fix(broken.text, unsafe=True, **kwargs)
    before = Counter(i.code for i in broken.check())
    after = Counter(i.code for i in result.remaining)
    assert all(after[code] <= before[code] for code in after), (before, after)
    assert result.remaining == articlekit.check(result.text if result.changed else broken.text, **kwargs)
    if not result.changed:
        assert not result.applied
        return
    assert result.fixed
    assert broken.code in {i.code for i in result.fixed} | set(before)
    again = articlekit.fix(result.text, unsafe=True, **kwargs)
    assert again.text == result.text  # idempotent
    if len(result.applied) == 1:
        (applied,) = result.applied
        expected = apply_data_changes(_data(broken.text), applied.changes)
        assert same(_data(result.text), expected)


@PROPERTY
@given(aks.invalid_documents())
def test_fix_never_raises_adds_no_issue_and_is_idempotent(broken: aks.BrokenDocument) -> None:
    _check_fix(broken)


@PROPERTY
@given(aks.invalid_documents(codes=FIXABLE))
def test_fixable_codes_are_fixed_and_load_back_equal_but_for_the_fix(broken: aks.BrokenDocument) -> None:
    _check_fix(broken)
