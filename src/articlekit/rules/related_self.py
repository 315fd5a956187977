"""A related item must not point back at the article itself.

The rule of AK603 `related-self`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK6xx.md`).
"""

from __future__ import annotations

from ..issues import CODES, Issue, format_path
from . import Context, rule
from ._common import normalize_url

__all__ = ["RELATED_SELF", "RULE"]

RELATED_SELF = CODES["AK603"]


def _check(ctx: Context) -> list[Issue]:
    data = ctx.data
    own: dict[str, str] = {}
    for key in ("webUrl", "originalUrl"):
        value = data.get(key)
        if isinstance(value, str) and value:
            own.setdefault(normalize_url(value), key)
    if not own:
        return []
    found: list[Issue] = []
    for path, item in ctx._items or ctx.items:
        url = item.get("webUrl")
        if not path or not isinstance(url, str):
            continue
        same = own.get(normalize_url(url))
        if same is not None:
            found.append(
                ctx.issue(
                    RELATED_SELF,
                    f"'webUrl' in {format_path(path)} is the article's own '{same}': "
                    "an article is not related to itself",
                    path + ("webUrl",),
                )
            )
    return found


RULE = rule(RELATED_SELF, keys=frozenset({"related"}), name="related-self")(_check)
