"""A news item must have a `webUrl`, an `originalUrl` or both.

Real news files all carry `originalUrl`; the reference sample has `webUrl`
only.  The error is placed at the front matter mapping (its first line).  Other
kinds of documents are not checked.

Passing:

```yaml
category: news
originalUrl: "https://www.example.com/news/a-story"
```

Failing:

```yaml
category: news
title: "A story with no address"
```
"""

from __future__ import annotations

from ..issues import Issue
from ..models import Article
from . import Context, Rule
from ._common import register_rule_code

__all__ = ["RULE", "URL_REQUIRED"]

URL_REQUIRED = register_rule_code("AK702", "missing-url", "error", __doc__)


def _check(ctx: Context) -> list[Issue]:
    data = ctx.data
    if data.get("webUrl") is not None or data.get("originalUrl") is not None:
        return []  # an empty (null) URL is no URL: the writer drops it
    return [
        ctx.issue(
            URL_REQUIRED,
            "a news item needs 'webUrl', 'originalUrl' or both: neither is present",
            ("webUrl",),
        )
    ]


RULE = Rule(codes=(URL_REQUIRED,), check=_check, doc=__doc__ or "", kinds=(Article,))
