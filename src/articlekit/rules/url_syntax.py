"""`webUrl`, `originalUrl`, `ampWebUrl` and `cdnAmpWebUrl` must be absolute http(s) URLs with a host.

The check applies wherever these keys occur: on the article, on each related
item and on other kinds of documents.  A URL without a scheme
(`www.example.com/a`), with another scheme (`ftp:`), without a host
(`https:///a`), with an invalid host or port, or with whitespace in it is an
error.

Passing:

```yaml
webUrl: "https://www.example.com/news/a-story"
```

Failing:

```yaml
webUrl: "www.example.com/news/a-story"
```
"""

from __future__ import annotations

from ..issues import Issue
from . import Context, Rule
from ._common import URL_KEYS, key_name, register_rule_code, shorten, url_problem

__all__ = ["BAD_URL", "RULE"]

BAD_URL = register_rule_code("AK701", "bad-url", "error", __doc__)


def _check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    for path, value in ctx.index.urls:
        if not isinstance(value, str):
            continue
        problem = url_problem(value)
        if problem is not None:
            found.append(
                ctx.issue(
                    BAD_URL,
                    f"{key_name(path)} must be an absolute http(s) URL with a host, not "
                    f"{shorten(value)!r}: {problem}",
                    path,
                )
            )
    return found


RULE = Rule(codes=(BAD_URL,), check=_check, doc=__doc__ or "", keys=frozenset(URL_KEYS))
