"""Positions: articlekit's (1-based lines, 1-based columns in characters) and the client's.

LSP positions are 0-based lines and 0-based offsets in *code units* of the
negotiated position encoding: UTF-16 by default (an emoji counts 2, a CJK
character or a combining mark 1), UTF-8 or UTF-32 when the client offers
them.  Lines end at ``\\n``, ``\\r\\n`` or ``\\r``, as in articlekit.  Issue
columns do not count a leading BOM; the client's text may hold one, which
then shifts the first line.

>>> index = LineIndex("---\\ntitle: \\"😀 x\\"\\n---\\n")
>>> index.to_client(2, 11)                  # after the emoji: 10 characters, 11 UTF-16 units
(1, 11)
>>> index.to_client(2, 11, "utf-32"), index.to_client(2, 11, "utf-8")
((1, 10), (1, 13))
>>> index.from_client(1, 11)
(2, 11)
"""

from __future__ import annotations

import bisect

from ..positions import BREAK as _BREAK

__all__ = ["UTF8", "UTF16", "UTF32", "LineIndex", "code_units", "split_lines"]

UTF8 = "utf-8"
UTF16 = "utf-16"
UTF32 = "utf-32"


def code_units(text: str, encoding: str = UTF16) -> int:
    """How many code units of ``encoding`` the text takes.

    >>> code_units("a😀é"), code_units("a😀é", UTF8), code_units("a😀é", UTF32)
    (4, 7, 3)
    """
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def _chars_for_units(text: str, units: int, encoding: str) -> int:
    """How many characters of ``text`` the first ``units`` code units cover (never splitting one)."""
    if encoding == UTF32 or text.isascii():
        return max(0, min(units, len(text)))
    count = 0
    for n, char in enumerate(text):
        if count >= units:
            return n
        count += code_units(char, encoding)
    return len(text)


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` with their line breaks (``\\n``, ``\\r\\n``, ``\\r``); ``[]`` for ``""``.

    Unlike `str.splitlines`, form feeds and Unicode line separators do not end lines.

    >>> split_lines("a\\r\\nb\\u2028c\\rd")
    ['a\\r\\n', 'b\\u2028c\\r', 'd']
    """
    out: list[str] = []
    pos = 0
    for match in _BREAK.finditer(text):
        out.append(text[pos : match.end()])
        pos = match.end()
    if pos < len(text):
        out.append(text[pos:])
    return out


class LineIndex:
    """A text's lines, to convert between articlekit's positions, offsets and the client's."""

    __slots__ = ("bom", "ends", "starts", "text")

    def __init__(self, text: str) -> None:
        """Index ``text`` (the document as the client holds it)."""
        self.text = text
        self.bom = text.startswith("\ufeff")
        self.starts = [0]
        self.ends: list[int] = []  # where each line's content ends (before its break)
        for match in _BREAK.finditer(text):
            self.ends.append(match.start())
            self.starts.append(match.end())
        self.ends.append(len(text))

    @property
    def line_count(self) -> int:
        """The number of lines (a final line break starts one more, empty line)."""
        return len(self.starts)

    def line(self, number: int) -> str:
        """The text of 0-based line ``number`` without its line break ("" past the end)."""
        if not 0 <= number < len(self.starts):
            return ""
        return self.text[self.starts[number] : self.ends[number]]

    def _shift(self, line0: int) -> int:
        return 1 if self.bom and line0 == 0 else 0

    # -- articlekit positions (1-based, characters) <-> client positions (0-based, code units)

    def to_client(self, line: int, column: int, encoding: str = UTF16) -> tuple[int, int]:
        """The client position of articlekit's ``line`` and ``column``, clamped to the text."""
        line0 = min(max(line - 1, 0), len(self.starts) - 1)
        text = self.line(line0)
        chars = min(max(column - 1, 0) + self._shift(line0), len(text))
        return line0, code_units(text[:chars], encoding)

    def from_client(self, line: int, character: int, encoding: str = UTF16) -> tuple[int, int]:
        """articlekit's line and column of a client position, clamped to the text."""
        line0 = min(max(line, 0), len(self.starts) - 1)
        chars = _chars_for_units(self.line(line0), max(character, 0), encoding)
        return line0 + 1, max(chars - self._shift(line0), 0) + 1

    # -- offsets in the text

    def offset(self, line: int, column: int) -> int:
        """The offset in the text of articlekit's ``line`` and ``column`` (clamped to that line)."""
        line0 = min(max(line - 1, 0), len(self.starts) - 1)
        start = self.starts[line0]
        chars = max(column - 1, 0) + self._shift(line0)
        return min(start + chars, self.ends[line0])

    def position_of(self, offset: int) -> tuple[int, int]:
        """articlekit's line and column of an offset (an offset inside a line break counts as its end)."""
        offset = min(max(offset, 0), len(self.text))
        line0 = bisect.bisect_right(self.starts, offset) - 1
        column = min(offset, self.ends[line0]) - self.starts[line0]
        return line0 + 1, max(column - self._shift(line0), 0) + 1

    def client_position_of(self, offset: int, encoding: str = UTF16) -> tuple[int, int]:
        """The client position of an offset; an offset just after a line break is the next line's start."""
        offset = min(max(offset, 0), len(self.text))
        line0 = bisect.bisect_right(self.starts, offset) - 1
        end = min(offset, self.ends[line0])
        return line0, code_units(self.text[self.starts[line0] : end], encoding)
