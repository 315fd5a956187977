"""A related item must not have a `related` list of its own.

`related` is one level deep: each item summarises another article and carries
no related items of its own.  The error is at the nested `related` key, on its
line.

Fix (unsafe): `articlekit check --unsafe-fixes` removes the nested `related` list.

Passing:

```yaml
related:
  - title: "Another article"
    webUrl: "https://example.com/another"
```

Failing:

```yaml
related:
  - title: "Another article"
    webUrl: "https://example.com/another"
    related:
      - title: "A third article"
        webUrl: "https://example.com/third"
```
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..issues import Issue, format_path
from . import Context, Rule
from ._common import register_rule_code

if TYPE_CHECKING:
    from ..fixes import Fix, FixContext

__all__ = ["RELATED_NESTED", "RULE"]

RELATED_NESTED = register_rule_code("AK601", "related-nested", "error", __doc__, fixable="unsafe")


def _check(ctx: Context) -> list[Issue]:
    return [
        ctx.issue(
            RELATED_NESTED,
            f"{format_path(path)} has a 'related' list of its own: related items are "
            "one level deep; remove it",
            path + ("related",),
            at_key=True,
        )
        for path, item in ctx.items
        if path and "related" in item
    ]


def _fix(ctx: FixContext, issue: Issue) -> Fix | None:
    """Remove the related item's own `related` list."""
    path = issue.path
    if len(path) < 3 or path[-1] != "related":
        return None
    return ctx.remove(issue, f"remove {format_path(path)}", path, safe=False)


RULE = Rule(
    codes=(RELATED_NESTED,), check=_check, doc=__doc__ or "", keys=frozenset({"related"}), fix=_fix
)
