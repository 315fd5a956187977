"""A `title` must be on one line.

A title with a line break in it, including the trailing newline of a `|` or
`>` block scalar, is an error: titles are shown on one line.  The rule covers
the document's `title` and each related item's.

Passing:

```yaml
title: "At prisons in Finland, inmates are learning AI"
```

Failing:

```yaml
title: |
  At prisons in Finland,
  inmates are learning AI
```
"""

from __future__ import annotations

import re

from ..issues import Issue
from . import Context, Rule
from ._common import key_name, register_rule_code

__all__ = ["RULE", "TITLE_MULTILINE"]

TITLE_MULTILINE = register_rule_code("AK851", "title-multiline", "error", __doc__)

_BREAK = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _check(ctx: Context) -> list[Issue]:
    found: list[Issue] = []
    for path, item in ctx.items:
        title = item.get("title")
        if not isinstance(title, str) or not title:
            continue
        parts = title.splitlines()  # str.splitlines() breaks lines at exactly the characters of _BREAK
        if len(parts) == 1 and len(parts[0]) == len(title):
            continue  # one line, no line break
        lines = len(_BREAK.split(title.rstrip("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")))
        detail = "ends with a line break" if lines == 1 else f"spans {lines} lines"
        found.append(
            ctx.issue(
                TITLE_MULTILINE,
                f"{key_name(path + ('title',))} {detail}: put the title on one line, in double quotes",
                path + ("title",),
            )
        )
    return found


RULE = Rule(codes=(TITLE_MULTILINE,), check=_check, doc=__doc__ or "", keys=frozenset({"title"}))
