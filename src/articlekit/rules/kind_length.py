"""`length` must be an ISO 8601 duration, like `PT13M34S` or `PT1H17M`.

Applies to videos, courses and collections.  The duration is written with
capital designators: `P`, then years `Y`, months `M`, weeks `W`, days `D`,
then `T` and hours `H`, minutes `M`, seconds `S`; only the last part may have
a fraction.  `13:34`, `13 min` and `pt13m34s` are errors.

Passing:

```yaml
type: video
length: PT13M34S
```

Failing:

```yaml
type: video
length: "13:34"
```
"""

from __future__ import annotations

import re

from ..issues import Issue
from ..models import Collection, Course, Video
from ..models.duration import duration_problem
from . import Context, Rule
from ._common import register_rule_code, shorten

__all__ = ["BAD_LENGTH", "RULE"]

BAD_LENGTH = register_rule_code("AK902", "bad-length", "error", __doc__)

_PLAIN = re.compile(r"PT(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?")
"""The common shape (``PT1H17M``, ``PT13M34S``): a duration that duration_problem() accepts."""


def _check(ctx: Context) -> list[Issue]:
    value = ctx.data.get("length")
    if not isinstance(value, str):
        return []
    if _PLAIN.fullmatch(value) is not None:
        return []
    problem = duration_problem(value)
    if problem is None:
        return []
    return [
        ctx.issue(
            BAD_LENGTH,
            f"'length' must be an ISO 8601 duration such as PT13M34S or PT1H17M, not "
            f"{shorten(value)!r}: {problem}",
            ("length",),
        )
    ]


RULE = Rule(
    codes=(BAD_LENGTH,),
    check=_check,
    doc=__doc__ or "",
    kinds=(Video, Course, Collection),
    keys=frozenset({"length"}),
)
