"""Too many related items (a warning).

More than `RuleOptions.max_related` items (20 by default) in `related` gets a
warning at the `related` key.  Raise the maximum with
`check(text, options=RuleOptions(max_related=50))`.

Passing:

```yaml
related:
  - title: "Another article"
    webUrl: "https://example.com/another"
```

Failing (warning, with `max_related=1`):

```yaml
related:
  - title: "First"
    webUrl: "https://example.com/first"
  - title: "Second"
    webUrl: "https://example.com/second"
```
"""

from __future__ import annotations

from ..issues import Issue
from . import Context, Rule
from ._common import register_rule_code

__all__ = ["RULE", "TOO_MANY_RELATED"]

TOO_MANY_RELATED = register_rule_code("AK605", "too-many-related", "warning", __doc__)


def _check(ctx: Context) -> list[Issue]:
    related = ctx.data.get("related")
    limit = ctx.options.max_related
    if not isinstance(related, list) or len(related) <= limit:
        return []
    return [
        ctx.issue(
            TOO_MANY_RELATED,
            f"'related' has {len(related)} items; at most {limit} are expected",
            ("related",),
            at_key=True,
        )
    ]


RULE = Rule(codes=(TOO_MANY_RELATED,), check=_check, doc=__doc__ or "", keys=frozenset({"related"}))
