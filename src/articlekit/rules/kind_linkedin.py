"""A profile's `linkedin.url` is a LinkedIn address: http(s) on `linkedin.com`, with a path.

The host is `linkedin.com` or one of its subdomains (`www.`, `uk.`, ...) and
the path names the profile (`/in/<name>`, `/public-profile/in/<name>`,
`/company/<name>`, ...).

Passing:

```yaml
type: profile
linkedin:
  url: https://www.linkedin.com/in/rycu
```

Failing:

```yaml
type: profile
linkedin:
  url: https://www.example.com/in/rycu
```
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ..issues import Issue
from ..models import Profile
from . import Context, Rule
from ._common import register_rule_code, shorten, url_problem

__all__ = ["BAD_LINKEDIN", "RULE"]

BAD_LINKEDIN = register_rule_code("AK907", "bad-linkedin-url", "error", __doc__)


def _problem(url: str) -> str | None:
    problem = url_problem(url)
    if problem is not None:
        return problem
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    if host != "linkedin.com" and not host.endswith(".linkedin.com"):
        return f"its host is {host!r}, not linkedin.com"
    if not parts.path.strip("/"):
        return "it has no path naming the profile"
    return None


def _check(ctx: Context) -> list[Issue]:
    linkedin = ctx.data.get("linkedin")
    if not isinstance(linkedin, dict):
        return []
    url = linkedin.get("url")
    if not isinstance(url, str):
        return []
    problem = _problem(url)
    if problem is None:
        return []
    return [
        ctx.issue(
            BAD_LINKEDIN,
            f"linkedin.url must be a LinkedIn address like https://www.linkedin.com/in/<name>, "
            f"not {shorten(url)!r}: {problem}",
            ("linkedin", "url"),
        )
    ]


RULE = Rule(
    codes=(BAD_LINKEDIN,),
    check=_check,
    doc=__doc__ or "",
    kinds=(Profile,),
    keys=frozenset({"linkedin"}),
)
