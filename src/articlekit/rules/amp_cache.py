"""`cdnAmpWebUrl` must be the AMP-cache form of `ampWebUrl`.

The form (the one Google's AMP cache uses): take the host of
`ampWebUrl`, double each `-`, turn each `.` into `-`, and put it under
`cdn.ampproject.org`; the path is `c/s/` (or `c/` for an `http:` AMP URL)
followed by the AMP URL's host, path and query:

`https://<host with "-" doubled, then "." turned into "-">.cdn.ampproject.org/c/s/<host><path>[?query]`

Scheme and host are compared without regard to case.  The message gives the
expected value.

Fix (safe): `articlekit check --fix` writes the expected value, computed from `ampWebUrl`.

Passing:

```yaml
ampWebUrl: "https://www.example-news.com/a-story?amp"
cdnAmpWebUrl: "https://www-example--news-com.cdn.ampproject.org/c/s/www.example-news.com/a-story?amp"
```

Failing:

```yaml
ampWebUrl: "https://www.example-news.com/a-story?amp"
cdnAmpWebUrl: "https://www-example-news-com.cdn.ampproject.org/c/s/www.example-news.com/a-story?amp"
```
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..issues import Issue
from . import Context, Rule
from ._common import amp_cache_url, key_name, normalize_url, register_rule_code, url_problem

if TYPE_CHECKING:
    from ..fixes import Fix, FixContext

__all__ = ["AMP_MISMATCH", "RULE"]

AMP_MISMATCH = register_rule_code("AK704", "cdn-amp-mismatch", "error", __doc__, fixable="safe")


def _check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    for path, item in ctx.items:
        cdn = item.get("cdnAmpWebUrl")
        amp = item.get("ampWebUrl")
        if not isinstance(cdn, str) or not isinstance(amp, str) or url_problem(cdn) is not None:
            continue
        expected = amp_cache_url(amp)
        if expected is None or normalize_url(cdn) == normalize_url(expected):
            continue
        found.append(
            ctx.issue(
                AMP_MISMATCH,
                f"{key_name(path + ('cdnAmpWebUrl',))} must be the AMP-cache form of 'ampWebUrl': "
                f"{expected!r}",
                path + ("cdnAmpWebUrl",),
            )
        )
    return found


def _fix(ctx: FixContext, issue: Issue) -> Fix | None:
    """Write `cdnAmpWebUrl` as the AMP-cache form of `ampWebUrl`."""
    path = issue.path
    if not path or path[-1] != "cdnAmpWebUrl":
        return None
    item = ctx.get(path[:-1])
    amp = item.get("ampWebUrl") if isinstance(item, dict) else None
    expected = amp_cache_url(amp) if isinstance(amp, str) else None
    if expected is None:
        return None
    title = f"set {key_name(path)} to the AMP-cache form of 'ampWebUrl'"
    return ctx.set_value(issue, title, path, expected, safe=True)


RULE = Rule(
    codes=(AMP_MISMATCH,), check=_check, doc=__doc__ or "", keys=frozenset({"cdnAmpWebUrl"}), fix=_fix
)
