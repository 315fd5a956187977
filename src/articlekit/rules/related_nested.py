"""A related item must not have a `related` list of its own.

The rule of AK601 `related-nested`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK6xx.md`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..issues import CODES, Issue, format_path
from . import Context, rule

if TYPE_CHECKING:
    from ..fixes import Fix, FixContext

__all__ = ["RELATED_NESTED", "RULE"]

RELATED_NESTED = CODES["AK601"]


def _check(ctx: Context) -> list[Issue]:
    return [
        ctx.issue(
            RELATED_NESTED,
            f"{format_path(path)} has a 'related' list of its own: related items are "
            "one level deep; remove it",
            path + ("related",),
            at_key=True,
        )
        for path, item in ctx._items or ctx.items
        if path and "related" in item
    ]


def _fix(ctx: FixContext, issue: Issue) -> Fix | None:
    """Remove the related item's own `related` list."""
    path = issue.path
    if len(path) < 3 or path[-1] != "related":
        return None
    return ctx.remove(issue, f"remove {format_path(path)}", path, safe=False)


RULE = rule(RELATED_NESTED, keys=frozenset({"related"}), fix=_fix, name="related-nested")(_check)
