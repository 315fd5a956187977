"""A `title` must be on one line.

The rule of AK851 `title-multiline`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK8xx.md`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..issues import CODES, Issue
from . import Context, rule
from ._common import key_name

__all__ = ["RULE", "TITLE_MULTILINE"]

TITLE_MULTILINE = CODES["AK851"]

_BREAK = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _check(ctx: Context) -> Sequence[Issue]:
    for _, item in ctx._items or ctx.items:
        title = item.get("title")
        if not isinstance(title, str) or not title:
            continue
        # one line: no character of _BREAK (cheaper than `isprintable()`, which reads the
        # character database for each character)
        lines = title.splitlines()
        if len(lines) != 1 or len(lines[0]) != len(title):
            return _issues(ctx)
    return ()


def _issues(ctx: Context) -> list[Issue]:
    """The rule's issues, item by item."""
    found: list[Issue] = []
    for path, item in ctx.items:
        title = item.get("title")
        if not isinstance(title, str) or not title or title.isprintable():
            continue  # (every character of _BREAK is unprintable: a printable title is one line)
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


RULE = rule(TITLE_MULTILINE, keys=frozenset({"title"}), name="title-line")(_check)
