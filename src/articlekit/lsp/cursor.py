"""Where the cursor is in a front matter that may be half typed: the key path, key or value.

Completion and hover need the key path at the cursor while the file is being
written, so the YAML around it may not be valid.  The cursor's line is
replaced by a placeholder (a key, or a value of the key being typed) and the
front matter is read again: the placeholder's position in the data is the
path.  When the rest of the front matter cannot be read either, the path is
worked out from the indentation of the lines above.

>>> text = "---\\ntitle: x\\nprovider:\\n  name: y\\n  dom\\n---\\n"
>>> c = cursor_at(text, 5, 6)
>>> c.parent, c.at_value, c.word, sorted(c.siblings)
(('provider',), False, 'dom', ['name'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .._keypath import value_at
from ..issues import KeyPath
from ..limits import DEFAULT_LIMITS, Limits
from ..yamlsafe import load_yaml
from .positions import split_lines

__all__ = ["Cursor", "KeyToken", "cursor_at", "front_matter_range", "key_at", "top_level_values"]

_PLACEHOLDER = "articlekitcursorplaceholder"
_FENCE = re.compile(r"---[ \t]*")
_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*")
_LEAD = r"(?P<lead>[ \t]*(?:-[ \t]+)*)"
_KEY_FORM = re.compile(_LEAD + r"(?P<word>[^\s:#'\"\[\]{},&*!|>%@`]*)")
_KEY = r"(?P<key>\"[^\"]*\"|'[^']*'|[^\s#:'\"\[\]{},&*!|>%@`-][^#:]*?|-[^\s#:][^#:]*?)"
_VALUE_FORM = re.compile(_LEAD + _KEY + r"[ \t]*:(?:[ \t]+(?P<word>[^#]*))?")
_LINE_KEY = re.compile(_LEAD + _KEY + r"[ \t]*:(?=[ \t]|$)")


@dataclass(frozen=True)
class Cursor:
    """What is at the cursor.

    Attributes:
        parent: the path of the mapping (or list) the cursor is in.
        at_value: ``True`` when a value is being typed (its path is ``path``),
            ``False`` when a key is (a key of ``parent``).
        key: the key whose value is being typed (``None`` at a key).
        word: what is typed so far, before the cursor.
        word_column: the column where ``word`` starts.
        siblings: the keys ``parent`` already has.
        in_list_item: the line is a list item (``- ...``).
        data: the front matter's data as read with the placeholder (``None``
            when it could not be read).
    """

    parent: KeyPath
    at_value: bool
    key: str | int | None
    word: str
    word_column: int
    siblings: frozenset[str] = field(default=frozenset())
    in_list_item: bool = False
    data: Any = field(default=None, compare=False, repr=False)

    @property
    def path(self) -> KeyPath:
        """The path of the value being typed (at a key: the parent's)."""
        return (*self.parent, self.key) if self.at_value and self.key is not None else self.parent


@dataclass(frozen=True)
class KeyToken:
    """A key written on a line: its path, and where it is (1-based columns, end exclusive)."""

    path: KeyPath
    line: int
    start: int
    end: int
    data: Any = field(default=None, compare=False, repr=False)


def front_matter_range(lines: list[str]) -> tuple[int, int] | None:
    """The 0-based first and last (exclusive) index of the front matter's lines.

    The front matter starts after a first line ``---``; it ends before the
    next ``---`` or ``...`` line, or at the end of the text while that line is
    not written yet.
    """
    if not lines or not _FENCE.fullmatch(lines[0].rstrip("\r\n").lstrip("\ufeff")):
        return None
    for n in range(1, len(lines)):
        if _CLOSE.fullmatch(lines[n].rstrip("\r\n")):
            return 1, n
    return 1, len(lines)


def _lines(text: str) -> list[str]:
    """The text's lines with their breaks, and the empty line after a final line break."""
    lines = split_lines(text)
    if not lines or lines[-1].endswith(("\n", "\r")):
        lines.append("")
    return lines


def _unquote(key: str) -> str:
    if len(key) >= 2 and key[0] == key[-1] and key[0] in "\"'":
        return key[1:-1]
    return key


def _read(lines: list[str], first: int, end: int, number: int, new_line: str) -> tuple[Any, dict[Any, Any]]:
    """The data and positions of the front matter with line ``number`` replaced by ``new_line``."""
    text_lines = [line.rstrip("\r\n") for line in lines[first:end]]
    text_lines[number - first] = new_line
    loaded = load_yaml("\n".join(text_lines) + "\n", first_line=first + 1, limits=_LIMITS)
    if loaded.data is None or any(i.is_error for i in loaded.issues if i.code.startswith("AK2")):
        return None, {}
    return loaded.data, dict(loaded.locations.nodes)


_LIMITS: Limits = DEFAULT_LIMITS


def _siblings(data: Any, parent: KeyPath) -> frozenset[str]:
    mapping = value_at(data, parent)
    if not isinstance(mapping, dict):
        return frozenset()
    return frozenset(k for k in mapping if isinstance(k, str) and k != _PLACEHOLDER)


def cursor_at(text: str, line: int, column: int) -> Cursor | None:
    """What is at articlekit's ``line`` and ``column`` of ``text``; ``None`` outside the front matter."""
    lines = _lines(text)
    bounds = front_matter_range(lines)
    number = line - 1
    if bounds is None or not bounds[0] <= number < bounds[1]:
        return None
    first, end = bounds
    raw = lines[number].rstrip("\r\n")
    before = raw[: max(column - 1, 0)]
    if re.search(r"(?:^|[ \t])#", before):
        return None  # in a comment
    key_form = _KEY_FORM.fullmatch(before)
    if key_form is not None:
        lead, word = key_form.group("lead"), key_form.group("word")
        data, nodes = _read(lines, first, end, number, f"{lead}{_PLACEHOLDER}:")
        word_column = len(lead) + 1
        in_item = "-" in lead
        for path in nodes:
            if path and path[-1] == _PLACEHOLDER:
                parent = path[:-1]
                return Cursor(parent, False, None, word, word_column, _siblings(data, parent), in_item, data)
        parent = _indented_parent(lines, first, number, len(lead), in_item)
        siblings = _indented_siblings(lines, first, end, number, len(lead))
        return Cursor(parent, False, None, word, word_column, siblings, in_item)
    value_form = _VALUE_FORM.fullmatch(before)
    if value_form is not None and value_form.group("word") is not None:
        word = value_form.group("word")
        word_column = len(before) - len(word) + 1
        lead, key = value_form.group("lead"), value_form.group("key")
        return _value_cursor(lines, (first, end), number, lead, key, word, word_column)
    return None


def _value_cursor(
    lines: list[str], bounds: tuple[int, int], number: int, lead: str, key: str, word: str, word_column: int
) -> Cursor:
    first, end = bounds
    data, nodes = _read(lines, first, end, number, f"{lead}{key}: {_PLACEHOLDER}")
    for path, info in nodes.items():
        if info.raw == _PLACEHOLDER and path:
            return Cursor(path[:-1], True, path[-1], word, word_column, _siblings(data, path[:-1]), data=data)
    parent = _indented_parent(lines, first, number, len(lead), "-" in lead)
    return Cursor(parent, True, _unquote(key.strip()), word, word_column)


def _content(line: str) -> tuple[int, str] | None:
    """The indentation and text of a line that holds YAML (``None``: blank or a comment)."""
    stripped = line.rstrip("\r\n")
    body = stripped.lstrip(" \t")
    if not body or body.startswith("#"):
        return None
    return len(stripped) - len(body), body


def _indented_parent(lines: list[str], first: int, number: int, indent: int, in_item: bool) -> KeyPath:
    """The path of the mapping a key at ``indent`` on line ``number`` belongs to, from the indentation."""
    parts: list[str | int] = []
    if in_item:
        parts.append(0)
    limit = indent
    for n in range(number - 1, first - 1, -1):
        found = _content(lines[n])
        if found is None:
            continue
        col, _ = found
        match = _LINE_KEY.match(lines[n].rstrip("\r\n"))
        if match is None:
            continue
        lead = match.group("lead")
        key_col = len(lead)
        if key_col >= limit:
            if "-" in lead and not in_item and key_col == limit:
                parts.append(0)  # a key of the same list item, after its first line
                limit = col
                in_item = True
            continue
        rest = lines[n].rstrip("\r\n")[match.end() :].strip()
        if rest and not rest.startswith("#"):
            continue  # a key with a value on its line holds no block below it
        parts.append(_unquote(match.group("key").strip()))
        if "-" in lead:
            parts.append(0)
        limit = col
        in_item = False
        if limit == 0:
            break
    parts.reverse()
    return tuple(parts)


def _indented_siblings(lines: list[str], first: int, end: int, number: int, indent: int) -> frozenset[str]:
    """The keys written at ``indent`` in the block around line ``number``."""
    keys: set[str] = set()
    for step in (-1, 1):
        n = number + step
        while first <= n < end:
            found = _content(lines[n])
            n += step
            if found is None:
                continue
            match = _LINE_KEY.match(lines[n - step].rstrip("\r\n"))
            col = found[0]
            key_col = len(match.group("lead")) if match else col
            if key_col < indent:
                break
            if match is not None and key_col == indent:
                keys.add(_unquote(match.group("key").strip()))
    return frozenset(keys)


def key_at(text: str, line: int, column: int) -> KeyToken | None:
    """The key under articlekit's ``line`` and ``column``, with its path; ``None`` when not on a key."""
    lines = _lines(text)
    bounds = front_matter_range(lines)
    number = line - 1
    if bounds is None or not bounds[0] <= number < bounds[1]:
        return None
    raw = lines[number].rstrip("\r\n")
    match = _LINE_KEY.match(raw)
    if match is None:
        return None
    start, end = match.start("key") + 1, match.end("key") + 1
    if not start <= column <= end:
        return None
    cursor = _value_cursor(lines, bounds, number, match.group("lead"), match.group("key"), "", end)
    return KeyToken(cursor.path, line, start, end, cursor.data)


def top_level_values(text: str) -> dict[str, str]:
    """The top-level ``key: value`` lines of the front matter, read line by line (quotes removed).

    What is known of the document while its YAML cannot be read: enough to tell its kind.

    >>> top_level_values("---\\ntype: course\\ntitle: [\\n---\\n")
    {'type': 'course', 'title': '['}
    """
    lines = _lines(text)
    bounds = front_matter_range(lines)
    if bounds is None:
        return {}
    out: dict[str, str] = {}
    for line in lines[bounds[0] : bounds[1]]:
        match = _LINE_KEY.match(line.rstrip("\r\n"))
        if match is None or match.group("lead"):
            continue
        value = line.rstrip("\r\n")[match.end() :].split(" #", 1)[0].strip()
        out.setdefault(_unquote(match.group("key").strip()), _unquote(value))
    return out
