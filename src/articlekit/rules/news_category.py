"""An article's `category` must be `news`.

The rule of AK855 `category-not-news`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK8xx.md`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..issues import CODES, Issue
from ..models import Article
from . import Context, rule
from ._common import shorten

__all__ = ["BAD_CATEGORY", "RULE"]

BAD_CATEGORY = CODES["AK855"]


def _check(ctx: Context) -> Sequence[Issue]:
    value = ctx.data.get("category")
    if not isinstance(value, str) or value == "news":
        return ()
    return [
        ctx.issue(
            BAD_CATEGORY,
            f"'category' of an article must be 'news', not {shorten(value)!r}",
            ("category",),
        )
    ]


RULE = rule(BAD_CATEGORY, kinds=(Article,), keys=frozenset({"category"}), name="news-category")(_check)
