"""A news item must have a `webUrl`, an `originalUrl` or both.

The rule of AK702 `missing-url`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK7xx.md`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..issues import CODES, Issue
from ..models import Article
from . import Context, rule

__all__ = ["RULE", "URL_REQUIRED"]

URL_REQUIRED = CODES["AK702"]


def _check(ctx: Context) -> Sequence[Issue]:
    data = ctx.data
    if data.get("webUrl") is not None or data.get("originalUrl") is not None:
        return ()  # an empty (null) URL is no URL: the writer drops it
    return [
        ctx.issue(
            URL_REQUIRED,
            "a news item needs 'webUrl', 'originalUrl' or both: neither is present",
            ("webUrl",),
        )
    ]


RULE = rule(URL_REQUIRED, kinds=(Article,), name="url-required")(_check)
