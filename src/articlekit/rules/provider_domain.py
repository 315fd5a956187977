"""`provider.domain` must be a valid host name.

A host name such as `businessinsider.com`: dot-separated labels of letters,
digits and inner hyphens (internationalised names such as `bücher.de` are
allowed), with no scheme, path, port, query or whitespace.  The rule covers
every `provider` mapping (the article's and each related item's) and the
provider-like `affiliation` of other kinds.

Passing:

```yaml
provider:
  name: "Business Insider"
  domain: businessinsider.com
```

Failing:

```yaml
provider:
  name: "Business Insider"
  domain: "https://www.businessinsider.com/"
```
"""

from __future__ import annotations

from ..issues import Issue, format_path
from . import Context, Rule
from ._common import host_problem, register_rule_code, shorten

__all__ = ["BAD_DOMAIN", "RULE"]

BAD_DOMAIN = register_rule_code("AK705", "bad-domain", "error", __doc__)

_OWNERS = frozenset({"provider", "affiliation"})


def _check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    for path, value in ctx.index.owners:  # the values of every provider and affiliation key
        if not isinstance(value, dict):
            continue
        domain = value.get("domain")
        if not isinstance(domain, str):
            continue
        problem = host_problem(domain)
        if problem is not None:
            found.append(
                ctx.issue(
                    BAD_DOMAIN,
                    f"'domain' in {format_path(path)} must be a host name like 'example.com', "
                    f"not {shorten(domain)!r}: {problem}",
                    path + ("domain",),
                )
            )
    return found


RULE = Rule(codes=(BAD_DOMAIN,), check=_check, doc=__doc__ or "", keys=_OWNERS)
