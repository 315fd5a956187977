"""A date more than a day in the future (a warning).

A `publishedDateTime` (or other `...DateTime` key, related items included)
more than 24 hours after the current time is most likely a typo in the year.
The current time is `RuleOptions.now` when set (for reproducible checks), the
clock otherwise.

Passing:

```yaml
publishedDateTime: 2020-08-11T13:41:00Z
```

Failing (warning):

```yaml
publishedDateTime: 2999-08-11T13:41:00Z
```
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ..issues import Issue
from . import Context, Rule
from ._common import key_name, parse_date, register_rule_code, utc_text

__all__ = ["DATE_IN_FUTURE", "RULE"]

DATE_IN_FUTURE = register_rule_code("AK802", "date-in-future", "warning", __doc__)

_GRACE = timedelta(days=1)
_UTC = timezone.utc


def _check(ctx: Context) -> list[Issue]:
    dates = ctx.index.dates  # the values of every key ending in DateTime
    if not dates:
        return []
    now = ctx.options.current_time()
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone.utc)
    found: list[Issue] = []
    parsed: datetime | None
    for path, value in dates:
        if type(value) is datetime and value.tzinfo is _UTC:
            parsed = value  # the common case, as YAML reads 2020-08-11T13:41:00Z
        else:
            parsed = parse_date(value)
            if parsed is None or parsed.tzinfo is None or parsed.utcoffset() is None:
                continue
        if parsed - now > _GRACE:
            found.append(
                ctx.issue(
                    DATE_IN_FUTURE,
                    f"{key_name(path)} is {utc_text(parsed)}, more than a day in the future "
                    f"(now: {utc_text(now)})",
                    path,
                )
            )
    return found


RULE = Rule(codes=(DATE_IN_FUTURE,), check=_check, doc=__doc__ or "")
