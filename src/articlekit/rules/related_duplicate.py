"""Two related items must not have the same `webUrl`.

The error is at the second (and each later) item's `webUrl` and names the item
it repeats.  Scheme and host are compared without regard to case.

Fix (unsafe): `articlekit check --unsafe-fixes` removes the later item, all its lines.

Passing:

```yaml
related:
  - title: "First"
    webUrl: "https://example.com/first"
  - title: "Second"
    webUrl: "https://example.com/second"
```

Failing:

```yaml
related:
  - title: "First"
    webUrl: "https://example.com/first"
  - title: "First, again"
    webUrl: "https://example.com/first"
```
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..issues import Issue, KeyPath, format_path
from . import Context, Rule
from ._common import normalize_url, register_rule_code

if TYPE_CHECKING:
    from ..fixes import Fix, FixContext

__all__ = ["RELATED_DUPLICATE", "RULE"]

RELATED_DUPLICATE = register_rule_code("AK604", "related-duplicate", "error", __doc__, fixable="unsafe")


def _check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    seen: dict[str, KeyPath] = {}
    for path, item in ctx.items:
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


RULE = Rule(
    codes=(RELATED_DUPLICATE,), check=_check, doc=__doc__ or "", keys=frozenset({"related"}), fix=_fix
)
