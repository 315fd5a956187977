"""An organization's `_id` equals its `domain`.

Organizations are keyed by their host name, so `_id` repeats `domain`
exactly (`amazon.com`, not `Amazon` or `www.amazon.com`).

Passing:

```yaml
taxonomy: organization
_id: amazon.com
name: Amazon
domain: amazon.com
```

Failing:

```yaml
taxonomy: organization
_id: amazon
name: Amazon
domain: amazon.com
```
"""

from __future__ import annotations

from ..issues import Issue
from ..models import Organization
from . import Context, Rule
from ._common import register_rule_code, shorten

__all__ = ["ID_MISMATCH", "RULE"]

ID_MISMATCH = register_rule_code("AK908", "organization-id-mismatch", "error", __doc__)


def _check(ctx: Context) -> list[Issue]:
    ident = ctx.data.get("_id")
    domain = ctx.data.get("domain")
    if not isinstance(ident, str) or not isinstance(domain, str) or ident == domain:
        return []
    case = " (they differ only in case)" if ident.lower() == domain.lower() else ""
    return [
        ctx.issue(
            ID_MISMATCH,
            f"'_id' is {shorten(ident)!r} but 'domain' is {shorten(domain)!r}: an organization's "
            f"_id must equal its domain{case}",
            ("_id",),
        )
    ]


RULE = Rule(
    codes=(ID_MISMATCH,),
    check=_check,
    doc=__doc__ or "",
    kinds=(Organization,),
    keys=frozenset({"_id"}),
)
