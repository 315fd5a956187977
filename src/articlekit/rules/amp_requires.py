"""`cdnAmpWebUrl` requires `ampWebUrl`.

`cdnAmpWebUrl` is the AMP-cache copy of the page at `ampWebUrl`, so it is only
meaningful next to it.  When `ampWebUrl` is missing (or empty) the error is at
`cdnAmpWebUrl`.

Passing:

```yaml
ampWebUrl: "https://www.example.com/a-story/amp/"
cdnAmpWebUrl: "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a-story/amp/"
```

Failing:

```yaml
cdnAmpWebUrl: "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a-story/amp/"
```
"""

from __future__ import annotations

from ..issues import Issue
from . import Context, Rule
from ._common import key_name, register_rule_code

__all__ = ["AMP_REQUIRED", "RULE"]

AMP_REQUIRED = register_rule_code("AK703", "cdn-amp-without-amp", "error", __doc__)


def _check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    for path, item in ctx.items:
        if "cdnAmpWebUrl" not in item:
            continue
        amp = item.get("ampWebUrl")
        if amp is None or amp == "":
            where = "" if not path else " in the same item"
            found.append(
                ctx.issue(
                    AMP_REQUIRED,
                    f"{key_name(path + ('cdnAmpWebUrl',))} is given without 'ampWebUrl'{where}: "
                    "add 'ampWebUrl' or remove 'cdnAmpWebUrl'",
                    path + ("cdnAmpWebUrl",),
                )
            )
    return found


RULE = Rule(codes=(AMP_REQUIRED,), check=_check, doc=__doc__ or "", keys=frozenset({"cdnAmpWebUrl"}))
