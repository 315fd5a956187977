"""A related item must not have a `secured` value.

Only the article itself carries `secured`; a related item is a public summary
of another article.  The error is at the item's `secured` key, and the message
never shows the value.

Fix (unsafe): `articlekit check --unsafe-fixes` removes the item's `secured`.

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
    secured: "AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="
```
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..issues import Issue, format_path
from . import Context, Rule
from ._common import register_rule_code

if TYPE_CHECKING:
    from ..fixes import Fix, FixContext

__all__ = ["RELATED_SECURED", "RULE"]

RELATED_SECURED = register_rule_code("AK602", "related-secured", "error", __doc__, fixable="unsafe")


def _check(ctx: Context) -> list[Issue]:
    return [
        ctx.issue(
            RELATED_SECURED,
            f"{format_path(path)} has a 'secured' value: only the article itself carries "
            "'secured'; remove it from the related item",
            path + ("secured",),
            at_key=True,
        )
        for path, item in ctx.items
        if path and "secured" in item
    ]


def _fix(ctx: FixContext, issue: Issue) -> Fix | None:
    """Remove the related item's `secured`."""
    path = issue.path
    if len(path) < 3 or path[-1] != "secured":
        return None
    return ctx.remove(issue, f"remove {format_path(path)}", path, safe=False)


RULE = Rule(
    codes=(RELATED_SECURED,), check=_check, doc=__doc__ or "", keys=frozenset({"related"}), fix=_fix
)
