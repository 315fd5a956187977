"""`invalid_documents()`'s AK210 case (an anchor defined twice) on kinds with few text values."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlekit
from articlekit.models import Forum
from articlekit.strategies._broken import _base
from articlekit.strategies._broken import _yaml as broken_yaml


@settings(max_examples=300, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def _forums_only(data: Any) -> None:
    text, _ = broken_yaml._ak210(data.draw)
    assert "AK210" in {i.code for i in articlekit.check(text)}


def test_forums_with_one_text_value_do_not_break_the_strategy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A forum may hold a single text value besides its type: no two values to anchor (the
    strategy used to fail with "Cannot sample from a length-zero sequence")."""
    monkeypatch.setattr(broken_yaml, "_doc", lambda draw: _base._doc(draw, (Forum,)))
    _forums_only()
