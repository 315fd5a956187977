"""Fixes of the codes that no rule emits: fences, newlines, duplicate keys, quoted numbers.

Each maker takes the `FixContext` of a file and one of its issues and
returns a `Fix` or ``None``; `MAKERS` maps their codes to them.  The codes
declare ``fixable`` where they are registered (`articlekit.splitter`,
`articlekit.yamlsafe`, `articlekit.validate`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .._keypath import value_at
from .._same import same
from ..issues import Issue
from ..positions import BREAK as _BREAK
from ._context import Fix, FixContext, TextEdit, line_starts

__all__ = ["MAKERS"]

_LONG_FENCE = re.compile(r"-{4,}")
_NAMES = {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}


def _long_fence(ctx: FixContext, issue: Issue) -> Fix | None:
    """AK104: a fence of four or more dashes becomes ``---`` (trailing blanks kept)."""
    split = ctx.split
    if split.front_matter is None:
        return None
    if issue.line == 1:
        start = 0
        line = split.open_fence
    else:
        start = split.front_matter_offset + len(split.front_matter)
        line = split.close_fence
        if ctx.position(start)[0] != issue.line:
            return None
    match = _LONG_FENCE.match(line)
    if match is None:
        return None
    edit = ctx.edit(start, start + match.end(), "---")
    which = "opening" if issue.line == 1 else "closing"
    return ctx.make(issue, f"write the {which} fence as '---'", [edit], safe=True)


def _mixed_newlines(ctx: FixContext, issue: Issue) -> Fix | None:
    """AK110: the line's newline (or, for the "N more lines" issue, every later one) in the file's style."""
    style = ctx.split.newline
    text = ctx.text
    starts = line_starts(text)
    if not 1 <= issue.line < len(starts):
        return None
    first = starts[issue.line - 1]
    rest = issue.message[:1].isdigit()  # "1,234 more lines that do not end in LF are not listed"
    edits: list[TextEdit] = []
    for match in _BREAK.finditer(text, first):
        if match.group() != style:
            edits.append(ctx.edit(match.start(), match.end(), style))
        if not rest:
            break
    if not edits:
        return None
    what = "these lines" if rest else "this line"
    return ctx.make(issue, f"end {what} in {_NAMES[style]}, like the first line", edits, safe=True)


def _duplicate_key(ctx: FixContext, issue: Issue) -> Fix | None:
    """AK202: the repeated entry removed, when it loads to the same value as the first (unsafe)."""
    from ..fastyaml import load_yaml_fast

    split = ctx.split
    front_matter = split.front_matter
    if front_matter is None or not issue.path:
        return None
    starts = line_starts(ctx.text)
    if not 1 <= issue.line <= len(starts):
        return None
    line_start = starts[issue.line - 1]
    key_at = line_start + issue.column - 1
    prefix = ctx.text[line_start:key_at]
    if prefix.strip(" "):
        return None  # "- key:" or a flow mapping: not a line of its own
    indent = len(prefix)
    fm_start = split.front_matter_offset
    fm_end = fm_start + len(front_matter)
    end = starts[issue.line] if issue.line < len(starts) else len(ctx.text)
    # the entry goes on over lines indented deeper than its key (blank lines and comments
    # between them included, not after them)
    index = issue.line
    while index < len(starts) and starts[index] < fm_end:
        stop = starts[index + 1] if index + 1 < len(starts) else len(ctx.text)
        content = ctx.text[starts[index] : stop].rstrip("\r\n")
        stripped = content.lstrip(" ")
        if stripped and not stripped.startswith("#"):
            if len(content) - len(stripped) <= indent:
                break
            end = stop
        index += 1
    if end > fm_end:
        return None
    candidate = ctx.text[fm_start:line_start] + ctx.text[end:fm_end]
    loaded = load_yaml_fast(candidate, first_line=2)
    if loaded.data is None or any(i.code == issue.code for i in loaded.issues):
        return None
    if not same(loaded.data, ctx.data):
        return None  # the two values differ: which one is meant is the writer's call
    key = issue.path[-1]
    edit = ctx.edit(line_start, end, "")
    return ctx.make(issue, f"remove the repeated key {key!r} (it repeats the same value)", [edit], safe=False)


_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]{0,17})\.[0-9]{1,17}")


def _quoted_scalar(ctx: FixContext, issue: Issue) -> Fix | None:
    """AK302: ``width: "1200"`` unquoted where the key takes only numbers or booleans."""
    from ..rules.yaml11_surprise import accepted_types

    path = issue.path
    if ctx.kind is None or not path:
        return None
    info = ctx.locations.get(path)
    if info is None or info.kind != "scalar" or info.style not in ('"', "'"):
        return None
    value = value_at(ctx.data, path)
    if not isinstance(value, str):
        return None
    accepted = accepted_types(ctx.kind, path)
    if not accepted:
        return None
    new: Any
    if "bool" in accepted and value in ("true", "false"):
        new = value == "true"
    elif "int" in accepted and _INTEGER.fullmatch(value):
        new = int(value)
    elif "float" in accepted and _DECIMAL.fullmatch(value):
        new = float(value)
    else:
        return None
    span = ctx.value_span(path)
    if span is None:
        return None
    start, end = span
    written = ctx.text[start:end]
    if written[:1] not in ('"', "'") or written[1:-1] != value:
        return None  # a tag, an anchor or escapes: leave it
    edit = ctx.edit(start, end, value)
    return ctx.make(issue, f"write {value} without quotes", [edit], safe=True, changes=[(path, new)])


MAKERS: dict[str, Callable[[FixContext, Issue], Fix | None]] = {
    "AK104": _long_fence,
    "AK110": _mixed_newlines,
    "AK202": _duplicate_key,
    "AK302": _quoted_scalar,
}
"""The fix-maker of each code that no rule emits."""
