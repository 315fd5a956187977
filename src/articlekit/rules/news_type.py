"""A news item's `type` is `article` or `video` (a warning otherwise).

The rule of AK854 `unknown-news-type`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK8xx.md`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..issues import CODES, Issue
from ..models import Article
from . import Context, rule
from ._common import key_name, shorten

__all__ = ["NEWS_TYPES", "RULE", "UNKNOWN_TYPE"]

UNKNOWN_TYPE = CODES["AK854"]

NEWS_TYPES = ("article", "video")
"""The ``type`` values of a news item."""


def _check(ctx: Context) -> Sequence[Issue]:
    for _, item in ctx._items or ctx.items:
        value = item.get("type")
        if isinstance(value, str) and value not in NEWS_TYPES:
            return _issues(ctx)
    return ()


def _issues(ctx: Context) -> list[Issue]:
    """The rule's issues, item by item."""
    found: list[Issue] = []
    for path, item in ctx.items:
        value = item.get("type")
        if not isinstance(value, str) or value in NEWS_TYPES:
            continue
        known = " or ".join(repr(t) for t in NEWS_TYPES)
        found.append(
            ctx.issue(
                UNKNOWN_TYPE,
                f"{key_name(path + ('type',))} is {shorten(value)!r}; a news item's type is {known}",
                path + ("type",),
            )
        )
    return found


RULE = rule(UNKNOWN_TYPE, kinds=(Article,), keys=frozenset({"type"}), name="news-type")(_check)
