"""Too many related items (a warning).

The rule of AK605 `too-many-related`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK6xx.md`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..issues import CODES, Issue
from . import Context, rule

__all__ = ["RULE", "TOO_MANY_RELATED"]

TOO_MANY_RELATED = CODES["AK605"]


def _check(ctx: Context) -> Sequence[Issue]:
    related = ctx.data.get("related")
    limit = ctx.options.max_related
    if not isinstance(related, list) or len(related) <= limit:
        return ()
    return [
        ctx.issue(
            TOO_MANY_RELATED,
            f"'related' has {len(related)} items; at most {limit} are expected",
            ("related",),
            at_key=True,
        )
    ]


RULE = rule(TOO_MANY_RELATED, keys=frozenset({"related"}), name="related-count")(_check)
