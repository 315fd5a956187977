"""`levels` of a course or collection are `Beginner`, `Intermediate` or `Advanced` (a warning otherwise).

These are the levels real files use.  Another value is kept but warned
about, with the known spelling when it differs only in case (`beginner`).

Passing:

```yaml
type: course
levels:
  - Beginner
  - Intermediate
```

Failing (warning):

```yaml
type: course
levels:
  - Expert
```
"""

from __future__ import annotations

from ..issues import Issue
from ..models import Collection, Course
from . import Context, Rule
from ._common import register_rule_code, shorten

__all__ = ["KNOWN_LEVELS", "RULE", "UNKNOWN_LEVEL"]

UNKNOWN_LEVEL = register_rule_code("AK903", "unknown-level", "warning", __doc__)

KNOWN_LEVELS = ("Beginner", "Intermediate", "Advanced")
"""The values of ``levels`` seen in real files, easiest first."""

_BY_LOWER = {level.lower(): level for level in KNOWN_LEVELS}


def _check(ctx: Context) -> list[Issue]:
    levels = ctx.data.get("levels")
    if not isinstance(levels, list):
        return []
    found: list[Issue] = []
    for i, value in enumerate(levels):
        if not isinstance(value, str) or value in KNOWN_LEVELS:
            continue
        known = ", ".join(KNOWN_LEVELS)
        fix = _BY_LOWER.get(value.strip().lower())
        hint = f"; write {fix!r}" if fix else ""
        found.append(
            ctx.issue(
                UNKNOWN_LEVEL,
                f"levels[{i}] is {shorten(value)!r}, not a known level ({known}){hint}",
                ("levels", i),
            )
        )
    return found


RULE = Rule(
    codes=(UNKNOWN_LEVEL,),
    check=_check,
    doc=__doc__ or "",
    kinds=(Course, Collection),
    keys=frozenset({"levels"}),
)
