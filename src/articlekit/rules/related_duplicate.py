"""Two related items must not have the same `webUrl`.

The rule of AK604 `related-duplicate`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK6xx.md`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..issues import CODES, Issue, KeyPath, format_path
from . import Context, rule
from ._common import normalize_url

if TYPE_CHECKING:
    from ..fixes import Fix, FixContext

__all__ = ["RELATED_DUPLICATE", "RULE"]

RELATED_DUPLICATE = CODES["AK604"]


def _check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    seen: dict[str, KeyPath] = {}
    for path, item in ctx._items or ctx.items:
        url = item.get("webUrl")
        if not path or not isinstance(url, str) or not url:
            continue
        key = normalize_url(url)
        first = seen.get(key)
        if first is None:
            seen[key] = path
            continue
        found.append(
            ctx.issue(
                RELATED_DUPLICATE,
                f"'webUrl' in {format_path(path)} repeats the one in {format_path(first)}: "
                "each related article is listed once",
                path + ("webUrl",),
            )
        )
    return found


def _fix(ctx: FixContext, issue: Issue) -> Fix | None:
    """Remove the related item that repeats an earlier one's `webUrl`."""
    path = issue.path
    if len(path) < 3 or path[-1] != "webUrl" or not isinstance(path[-2], int):
        return None
    title = f"remove {format_path(path[:-1])}, a repeated related item"
    return ctx.remove(issue, title, path[:-1], safe=False)


RULE = rule(RELATED_DUPLICATE, keys=frozenset({"related"}), fix=_fix, name="related-duplicate")(_check)
