"""A date more than a day in the future (a warning).

The rule of AK802 `date-in-future`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK8xx.md`).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ..issues import CODES, Issue
from . import Context, rule
from ._common import key_name, parse_date, utc_text

__all__ = ["DATE_IN_FUTURE", "RULE"]

DATE_IN_FUTURE = CODES["AK802"]

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


RULE = rule(DATE_IN_FUTURE, name="date-future")(_check)
