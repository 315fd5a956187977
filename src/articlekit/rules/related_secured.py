"""A related item must not have a `secured` value.

The rule of AK602 `related-secured`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK6xx.md`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..issues import CODES, Issue, format_path
from . import Context, rule

if TYPE_CHECKING:
    from ..fixes import Fix, FixContext

__all__ = ["RELATED_SECURED", "RULE"]

RELATED_SECURED = CODES["AK602"]


def _check(ctx: Context) -> list[Issue]:
    return [
        ctx.issue(
            RELATED_SECURED,
            f"{format_path(path)} has a 'secured' value: only the article itself carries "
            "'secured'; remove it from the related item",
            path + ("secured",),
            at_key=True,
        )
        for path, item in ctx._items or ctx.items
        if path and "secured" in item
    ]


def _fix(ctx: FixContext, issue: Issue) -> Fix | None:
    """Remove the related item's `secured`."""
    path = issue.path
    if len(path) < 3 or path[-1] != "secured":
        return None
    return ctx.remove(issue, f"remove {format_path(path)}", path, safe=False)


RULE = rule(RELATED_SECURED, keys=frozenset({"related"}), fix=_fix, name="related-secured")(_check)
