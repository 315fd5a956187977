"""Suppression comments as text edits: "suppress CODE on this line" and "... in this file".

A code is added to a suppression comment already there (on the issue's line,
or the file's ``ignore-file`` comment); otherwise a comment is written: after
the line's value (``  # articlekit: ignore[CODE]``), or, where a trailing
comment would fall inside a multi-line value, on a line of its own above it.
Every edit is checked before it is offered: the front matter must read back
to the same data, with the suppression applying where it should.

>>> text = "---\\ntitle: x\\nheat: 200\\n---\\n"
>>> edit = line_suppression(text, 3, "AK303")
>>> edit.apply(text)
'---\\ntitle: x\\nheat: 200  # articlekit: ignore[AK303]\\n---\\n'
>>> edit.apply(text) == edit.apply(text)
True
"""

from __future__ import annotations

from dataclasses import dataclass

from ..fastyaml import load_yaml_fast
from ..positions import BREAK as _BREAK
from ..splitter import split_front_matter
from ..suppressions import BAD_SUPPRESSION, UNUSED_SUPPRESSION, Suppressions, find_suppressions
from .positions import LineIndex

__all__ = ["Edit", "file_suppression", "line_suppression", "suppressible"]


@dataclass(frozen=True)
class Edit:
    """Replace from ``start`` to ``end`` (articlekit positions, end exclusive) by ``new_text``."""

    start: tuple[int, int]
    end: tuple[int, int]
    new_text: str

    def apply(self, text: str) -> str:
        """``text`` with the edit made."""
        index = LineIndex(text)
        start, end = index.offset(*self.start), index.offset(*self.end)
        return text[:start] + self.new_text + text[end:]


def suppressible(code: str) -> bool:
    """Whether a comment can suppress ``code`` (AK001 and AK002 cannot)."""
    return code not in (BAD_SUPPRESSION.code, UNUSED_SUPPRESSION.code)


def _found(text: str) -> tuple[Suppressions, object, int] | None:
    """The suppressions, the data and the number of lines of a text's front matter."""
    split = split_front_matter(text)
    front_matter = split.front_matter
    if front_matter is None:
        return None
    data = load_yaml_fast(front_matter, first_line=2).data
    lines = len(_BREAK.findall(front_matter))
    return find_suppressions(front_matter, first_line=2), data, lines


def _merge(index: LineIndex, line: int, column: int, code: str) -> Edit | None:
    """Add ``code`` to the list of the suppression comment at ``line``, ``column``."""
    text = index.line(line - 1)
    start = column - 1 + (1 if index.bom and line == 1 else 0)
    close = text.find("]", start)
    if close < 0:
        return None
    return Edit((line, close + 1), (line, close + 1), f", {code}")


def _verified(text: str, edit: Edit, code: str, target: int | None) -> bool:
    """Whether ``edit`` keeps the data and makes a suppression of ``code`` for ``target`` (None: file)."""
    before = _found(text)
    after = _found(edit.apply(text))
    if before is None or after is None or before[1] != after[1]:
        return False
    for item in after[0].items:
        if code in item.codes and (item.whole_file if target is None else item.target == target):
            return True
    return False


def line_suppression(text: str, line: int, code: str) -> Edit | None:
    """The edit that suppresses ``code`` on ``line``; ``None`` when no comment can do it there."""
    found = _found(text)
    if found is None or not suppressible(code):
        return None
    suppressions, _, count = found
    if not 2 <= line <= count + 1:
        return None  # outside the front matter
    index = LineIndex(text)
    for item in suppressions.items:
        if not item.whole_file and item.line == line and item.target == line:
            if code in item.codes:
                return None
            edit = _merge(index, item.line, item.column, code)
            if edit is not None and _verified(text, edit, code, line):
                return edit
    content = index.line(line - 1)
    shift = 1 if index.bom and line == 1 else 0
    end = len(content.rstrip()) + 1 - shift
    trailing = Edit((line, end), (line, end), f"  # articlekit: ignore[{code}]")
    if content.strip() and _verified(text, trailing, code, line):
        return trailing
    newline = _newline(text)
    indent = content[: len(content) - len(content.lstrip())]
    above = Edit((line, 1), (line, 1), f"{indent}# articlekit: ignore[{code}]{newline}")
    if _verified(text, above, code, line + 1):
        return above
    return None


def file_suppression(text: str, code: str) -> Edit | None:
    """The edit that suppresses ``code`` in the whole file; ``None`` when no comment can do it."""
    found = _found(text)
    if found is None or not suppressible(code):
        return None
    index = LineIndex(text)
    for item in found[0].items:
        if item.whole_file:
            if code in item.codes:
                return None
            edit = _merge(index, item.line, item.column, code)
            if edit is not None and _verified(text, edit, code, None):
                return edit
    edit = Edit((2, 1), (2, 1), f"# articlekit: ignore-file[{code}]{_newline(text)}")
    return edit if _verified(text, edit, code, None) else None


def _newline(text: str) -> str:
    match = _BREAK.search(text)
    return match.group() if match else "\n"
