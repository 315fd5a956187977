"""A date more than a day in the future (a warning).

The rule of AK802 `date-in-future`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK8xx.md`).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from ..issues import CODES, Issue, KeyPath
from . import Context, RuleOptions, rule
from ._common import key_name, parse_date, utc_text

__all__ = ["DATE_IN_FUTURE", "RULE"]

DATE_IN_FUTURE = CODES["AK802"]

_GRACE = timedelta(days=1)
_UTC = timezone.utc
_MARGIN = timedelta(milliseconds=1)


def _clock() -> tuple[datetime, float]:
    """(a bound, `time.time()` read after it): the current UTC time less a millisecond plus a day.

    As long as `time.time()` is not below the second (the clock has not gone back), the
    current time plus a day is at least the bound: a date up to the bound is not more than a
    day in the future.  (The millisecond covers the rounding of both clocks.)
    """
    now = datetime.now(_UTC)
    return now - _MARGIN + _GRACE, time.time()


_BOUND = _clock()
"""`_clock()` of a recent moment: renewed whenever a date is beyond it (one tuple: read whole)."""


def _check(ctx: Context) -> Sequence[Issue]:
    global _BOUND
    index = ctx.prebuilt_index
    dates = (index if index is not None else ctx.index).dates  # the values of every key ending in DateTime
    if not dates:
        return ()
    options = ctx.options
    if type(options) is RuleOptions and options.now is None:
        # the common case, without reading the clock's date: every date a UTC timestamp, none
        # later than the bound (which holds while the clock has not gone back)
        bound, read_at = _BOUND
        if time.time() >= read_at:
            for _, value in dates:
                if type(value) is not datetime or value.tzinfo is not _UTC:
                    break
                if value > bound:
                    _BOUND = _clock()  # the date may be in the future, or the bound old: renew it
                    break
            else:
                return ()
        else:
            _BOUND = _clock()  # the clock went back
    return _issues(ctx, dates)


def _issues(ctx: Context, dates: list[tuple[KeyPath, Any]]) -> list[Issue]:
    """The rule's issues, every date compared with the current time."""
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
