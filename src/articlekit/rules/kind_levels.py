"""`levels` of a course or collection are `Beginner`, `Intermediate` or `Advanced` (a warning otherwise).

The rule of AK903 `unknown-level`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK9xx.md`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..issues import CODES, Issue
from ..models import Collection, Course
from . import Context, rule
from ._common import shorten

__all__ = ["KNOWN_LEVELS", "RULE", "UNKNOWN_LEVEL"]

UNKNOWN_LEVEL = CODES["AK903"]

KNOWN_LEVELS = ("Beginner", "Intermediate", "Advanced")
"""The values of ``levels`` seen in real files, easiest first."""

_BY_LOWER = {level.lower(): level for level in KNOWN_LEVELS}


def _check(ctx: Context) -> Sequence[Issue]:
    levels = ctx.data.get("levels")
    if not isinstance(levels, list):
        return ()
    for value in levels:
        if isinstance(value, str) and value not in KNOWN_LEVELS:
            return _issues(ctx, levels)
    return ()


def _issues(ctx: Context, levels: list[Any]) -> list[Issue]:
    """The rule's issues, level by level."""
    found: list[Issue] = []
    for i, value in enumerate(levels):
        if not isinstance(value, str) or value in KNOWN_LEVELS:
            continue
        known = ", ".join(KNOWN_LEVELS)
        fix = _BY_LOWER.get(value.strip().lower())
        hint = f"; write {fix!r}" if fix else ""
        found.append(
            ctx.issue(
                UNKNOWN_LEVEL,
                f"levels[{i}] is {shorten(value)!r}, not a known level ({known}){hint}",
                ("levels", i),
            )
        )
    return found


RULE = rule(UNKNOWN_LEVEL, kinds=(Course, Collection), keys=frozenset({"levels"}), name="kind-levels")(_check)
