"""Hypothesis strategies of the plugin's kinds (imported only when a test draws from them)."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from hypothesis import strategies as st

from .models import Recipe

__all__ = ["recipes"]


def recipes(**fixed: Any) -> st.SearchStrategy[Recipe]:
    """Valid recipes (RX101 included: 1 to 100 servings); keyword arguments pin fields."""
    fields: dict[str, Any] = {
        "type": st.just("recipe"),
        "title": st.text(st.characters(categories=["L", "N", "P", "Zs"]), min_size=1, max_size=40).filter(
            str.strip
        ),
        "servings": st.integers(min_value=1, max_value=100),
        "published_date_time": st.datetimes(
            min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(timezone.utc)
        ),
    }
    unknown = set(fixed) - set(fields)
    if unknown:
        raise TypeError(f"recipes(): Recipe has no field {', '.join(sorted(unknown))}")
    fields.update({name: st.just(value) for name, value in fixed.items()})
    return st.fixed_dictionaries(fields).map(lambda values: Recipe(**values))
