"""A related item must not have a `secured` value.

Only the article itself carries `secured`; a related item is a public summary
of another article.  The error is at the item's `secured` key, and the message
never shows the value.

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

from collections.abc import Iterator

from ..issues import Issue, format_path
from . import Context, Rule
from ._common import item_mappings, register_rule_code

__all__ = ["RELATED_SECURED", "RULE"]

RELATED_SECURED = register_rule_code("AK602", "related-secured", "error", __doc__)


def _check(ctx: Context) -> Iterator[Issue]:
    for path, item in item_mappings(ctx.data):
        if path and "secured" in item:
            yield ctx.issue(
                RELATED_SECURED,
                f"{format_path(path)} has a 'secured' value: only the article itself carries "
                "'secured'; remove it from the related item",
                path + ("secured",),
                at_key=True,
            )


RULE = Rule(codes=(RELATED_SECURED,), check=_check, doc=__doc__ or "", keys=frozenset({"related"}))
