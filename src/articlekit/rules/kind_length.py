"""`length` must be an ISO 8601 duration, like `PT13M34S` or `PT1H17M`.

The rule of AK902 `bad-length`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK9xx.md`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..issues import CODES, Issue
from ..models import Collection, Course, Video
from ..models.duration import duration_problem
from . import Context, rule
from ._common import shorten

__all__ = ["BAD_LENGTH", "RULE"]

BAD_LENGTH = CODES["AK902"]

_PLAIN = re.compile(r"PT(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?")
"""The common shape (``PT1H17M``, ``PT13M34S``): a duration that duration_problem() accepts."""


def _check(ctx: Context) -> Sequence[Issue]:
    value = ctx.data.get("length")
    if not isinstance(value, str):
        return ()
    if _PLAIN.fullmatch(value) is not None:
        return ()
    problem = duration_problem(value)
    if problem is None:
        return ()
    return [
        ctx.issue(
            BAD_LENGTH,
            f"'length' must be an ISO 8601 duration such as PT13M34S or PT1H17M, not "
            f"{shorten(value)!r}: {problem}",
            ("length",),
        )
    ]


RULE = rule(
    BAD_LENGTH,
    kinds=(Video, Course, Collection),
    keys=frozenset({"length"}),
    name="kind-length",
)(_check)
