"""A related item must not point back at the article itself.

An item whose `webUrl` equals the article's own `webUrl` or `originalUrl`
(scheme and host compared without regard to case) relates the article to
itself.  The error is at the item's `webUrl`.

Passing:

```yaml
webUrl: "https://example.com/this-article"
related:
  - title: "Another article"
    webUrl: "https://example.com/another-article"
```

Failing:

```yaml
webUrl: "https://example.com/this-article"
related:
  - title: "This article again"
    webUrl: "https://example.com/this-article"
```
"""

from __future__ import annotations

from ..issues import Issue, format_path
from . import Context, Rule
from ._common import normalize_url, register_rule_code

__all__ = ["RELATED_SELF", "RULE"]

RELATED_SELF = register_rule_code("AK603", "related-self", "error", __doc__)


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
    for path, item in ctx.items:
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


RULE = Rule(codes=(RELATED_SELF,), check=_check, doc=__doc__ or "", keys=frozenset({"related"}))
