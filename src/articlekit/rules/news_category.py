"""An article's `category` must be `news`.

A document validated as an article (`Article`) with a `category` other than
`news` is an error at the value; the key itself is optional.

Passing:

```yaml
category: news
```

Failing:

```yaml
category: blog
```
"""

from __future__ import annotations

from ..issues import Issue
from ..models import Article
from . import Context, Rule
from ._common import register_rule_code, shorten

__all__ = ["BAD_CATEGORY", "RULE"]

BAD_CATEGORY = register_rule_code("AK855", "category-not-news", "error", __doc__)


def _check(ctx: Context) -> list[Issue]:
    value = ctx.data.get("category")
    if not isinstance(value, str) or value == "news":
        return []
    return [
        ctx.issue(
            BAD_CATEGORY,
            f"'category' of an article must be 'news', not {shorten(value)!r}",
            ("category",),
        )
    ]


RULE = Rule(
    codes=(BAD_CATEGORY,),
    check=_check,
    doc=__doc__ or "",
    kinds=(Article,),
    keys=frozenset({"category"}),
)
