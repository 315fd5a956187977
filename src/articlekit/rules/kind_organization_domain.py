"""An organization's `domain` is a host name like `amazon.com`, without scheme, path or port.

The host rule for `provider.domain` (AK705) covers nested providers; this one
covers the `domain` at the top of an organization file.  Internationalised
(IDNA) names are allowed.

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
_id: https://amazon.com/
name: Amazon
domain: https://amazon.com/
```
"""

from __future__ import annotations

from ..issues import Issue
from ..models import Organization
from . import Context, Rule
from ._common import host_problem, register_rule_code, shorten

__all__ = ["BAD_ORGANIZATION_DOMAIN", "RULE"]

BAD_ORGANIZATION_DOMAIN = register_rule_code("AK910", "bad-organization-domain", "error", __doc__)


def _check(ctx: Context) -> list[Issue]:
    domain = ctx.data.get("domain")
    if not isinstance(domain, str) or not domain:
        return []
    problem = host_problem(domain)
    if problem is None:
        return []
    return [
        ctx.issue(
            BAD_ORGANIZATION_DOMAIN,
            f"'domain' must be a host name like 'example.com', not {shorten(domain)!r}: {problem}",
            ("domain",),
        )
    ]


RULE = Rule(
    codes=(BAD_ORGANIZATION_DOMAIN,),
    check=_check,
    doc=__doc__ or "",
    kinds=(Organization,),
    keys=frozenset({"domain"}),
)
