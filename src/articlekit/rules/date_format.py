"""A date written as text should use the canonical form `YYYY-MM-DDTHH:MM:SSZ` (a warning).

The rule of AK801 `date-not-canonical`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK8xx.md`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timezone
from typing import TYPE_CHECKING

from ..issues import CODES, Issue
from . import Context, rule
from ._common import key_name, parse_date, shorten, utc_text

if TYPE_CHECKING:
    from ..fixes import Fix, FixContext

__all__ = ["CANONICAL_DATE", "DATE_FORMAT", "RULE", "is_date_key"]

DATE_FORMAT = CODES["AK801"]

CANONICAL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
"""The canonical date-and-time form, ``YYYY-MM-DDTHH:MM:SSZ``."""


def is_date_key(key: object) -> bool:
    """Whether a YAML key holds a date and time (``publishedDateTime`` and other ``...DateTime`` keys)."""
    return isinstance(key, str) and key.endswith("DateTime")


def _check(ctx: Context) -> Sequence[Issue]:
    index = ctx.prebuilt_index
    found: list[Issue] | None = None
    for path, value in (index if index is not None else ctx.index).dates:  # every key ending in DateTime
        if not isinstance(value, str) or CANONICAL_DATE.fullmatch(value):
            continue  # YAML read it as a timestamp (the canonical way to write it), or it is canonical
        parsed = parse_date(value)
        if parsed is None or parsed.tzinfo is None or parsed.utcoffset() is None:
            continue  # the schema reports it (AK304)
        canonical = utc_text(parsed)
        info = ctx.locations.get(path)
        written = info.raw if info is not None and info.raw is not None else value
        if found is None:
            found = []
        found.append(
            ctx.issue(
                DATE_FORMAT,
                f"{key_name(path)} is written as text ({shorten(written)!r}); write it unquoted in "
                f"the canonical form {canonical}",
                path,
            )
        )
    return () if found is None else found


def _fix(ctx: FixContext, issue: Issue) -> Fix | None:
    """Write the date unquoted as `YYYY-MM-DDTHH:MM:SSZ` (the same instant)."""
    path = issue.path
    value = ctx.get(path)
    parsed = parse_date(value) if isinstance(value, str) else None
    if parsed is None or parsed.utcoffset() is None or parsed.microsecond:
        return None
    canonical = utc_text(parsed)
    span = ctx.value_span(path)
    if span is None or not CANONICAL_DATE.fullmatch(canonical):
        return None
    edit = ctx.edit(span[0], span[1], canonical)
    instant = parsed.astimezone(timezone.utc)
    title = f"write {key_name(path)} as {canonical}"
    return ctx.make(issue, title, [edit], safe=True, changes=[(path, instant)])


RULE = rule(DATE_FORMAT, fix=_fix, name="date-format")(_check)
