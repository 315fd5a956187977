"""ISO 8601 durations, the form of the ``length`` field (``PT13M34S``, ``PT1H17M``).

>>> parse_duration("PT1H17M")
datetime.timedelta(seconds=4620)
>>> is_duration("13:34")
False
"""

from __future__ import annotations

import re
from datetime import timedelta

__all__ = ["DURATION_PATTERN", "duration_problem", "is_duration", "parse_duration"]

_NUM = r"\d+(?:[.,]\d+)?"
DURATION_PATTERN = (
    rf"^P(?!$)(?:(?P<years>{_NUM})Y)?(?:(?P<months>{_NUM})M)?(?:(?P<weeks>{_NUM})W)?"
    rf"(?:(?P<days>{_NUM})D)?(?:T(?=\d)(?:(?P<hours>{_NUM})H)?(?:(?P<minutes>{_NUM})M)?"
    rf"(?:(?P<seconds>{_NUM})S)?)?$"
)
"""A regular expression for ISO 8601 durations in the designator form ``PnYnMnWnDTnHnMnS``."""

_RE = re.compile(DURATION_PATTERN)
_UNITS = ("years", "months", "weeks", "days", "hours", "minutes", "seconds")


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def duration_problem(text: str) -> str | None:
    """Why ``text`` is not an ISO 8601 duration, or ``None`` when it is one.

    >>> duration_problem("PT5M") is None
    True
    >>> duration_problem("5 min")
    "it does not start with 'P'"
    """
    match = _RE.match(text)
    if match is None:
        if text != text.upper() and _RE.match(text.upper()):
            return f"its letters must be capitals: {text.upper()!r}"
        if not text.startswith("P"):
            return "it does not start with 'P'"
        if text.endswith("T"):
            return "a 'T' must be followed by hours, minutes or seconds"
        if text == "P":
            return "it has no hours, minutes, seconds or other parts"
        return "its parts are not in the order Y, M, W, D, then T with H, M, S, each a number"
    given = [match.group(u) for u in _UNITS if match.group(u) is not None]
    if any(("." in v or "," in v) for v in given[:-1]):
        return "only its last part may have a fraction"
    return None


def is_duration(text: str) -> bool:
    """Whether ``text`` is an ISO 8601 duration such as ``PT13M34S``."""
    return duration_problem(text) is None


def parse_duration(text: str) -> timedelta:
    """The `timedelta` an ISO 8601 duration stands for.

    Raises:
        ValueError: ``text`` is not a duration, or it counts years or months,
            which have no fixed length.
    """
    problem = duration_problem(text)
    if problem is not None:
        raise ValueError(f"{text!r} is not an ISO 8601 duration: {problem}")
    match = _RE.match(text)
    assert match is not None
    if match.group("years") is not None or match.group("months") is not None:
        raise ValueError(f"{text!r} counts years or months, which have no fixed length")
    parts = {u: _number(match.group(u)) for u in _UNITS[2:] if match.group(u) is not None}
    return timedelta(**parts)
