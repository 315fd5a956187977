"""A news item's `type` is `article` or `video` (a warning otherwise).

Other values are kept but get a warning naming the known ones; the check
covers the article's `type` and each related item's.  Other kinds of
documents (courses, collections, ...) have types of their own and are not
checked here.

Passing:

```yaml
category: news
type: article
```

Failing (warning):

```yaml
category: news
type: podcast
```
"""

from __future__ import annotations

from ..issues import Issue
from ..models import Article
from . import Context, Rule
from ._common import key_name, register_rule_code, shorten

__all__ = ["NEWS_TYPES", "RULE", "UNKNOWN_TYPE"]

UNKNOWN_TYPE = register_rule_code("AK854", "unknown-news-type", "warning", __doc__)

NEWS_TYPES = ("article", "video")
"""The ``type`` values of a news item."""


def _check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    for path, item in ctx.items:
        value = item.get("type")
        if not isinstance(value, str) or value in NEWS_TYPES:
            continue
        known = " or ".join(repr(t) for t in NEWS_TYPES)
        found.append(
            ctx.issue(
                UNKNOWN_TYPE,
                f"{key_name(path + ('type',))} is {shorten(value)!r}; a news item's type is {known}",
                path + ("type",),
            )
        )
    return found


RULE = Rule(
    codes=(UNKNOWN_TYPE,),
    check=_check,
    doc=__doc__ or "",
    kinds=(Article,),
    keys=frozenset({"type"}),
)
