"""Configuration files in TOML: reading them, where each key is written, and error messages.

`tomllib` gives values without positions.  A configuration error must
still say where the offending key is, so this module scans the text (already
known to be valid TOML: `tomllib` read it first) and records the position
of every key, table header and array element under its full path:

    >>> positions = key_positions('[tool.articlekit]\\nselect = ["AK3", "XX"]\\n')
    >>> positions[("tool", "articlekit", "select")]
    (2, 1)
    >>> positions[("tool", "articlekit", "select", 1)]
    (2, 18)
    >>> locate(positions, ("tool", "articlekit", "select", 7))
    (2, 1)

It understands table headers (``[a."b c".d]``, ``[[array]]``), dotted and
quoted keys, inline tables, arrays over several lines, and strings of every
kind (so that a ``[`` or an ``=`` inside a multi-line string is not taken for
a header or a key).  Lines and columns are 1-based, columns in characters.
"""

from __future__ import annotations

import bisect
import contextlib
import re
import sys
from typing import Any

from pydantic import BaseModel
from pydantic import ValidationError as PydanticError

from .errors import ConfigError

__all__ = [
    "KeyPath",
    "config_error",
    "error_at",
    "key_name",
    "key_positions",
    "locate",
    "parse_toml",
    "read_text",
    "to_toml",
]

KeyPath = tuple[str | int, ...]
"""A key's full path: table names and keys, and list indexes for array elements."""

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_ATOM_END = frozenset(" \t\r\n,]}#")
_DATE_SPACE_TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d")


def _tomllib() -> Any:
    """``tomllib`` (``tomli`` before Python 3.11), imported when a configuration file is first read.

    Finding no configuration file (a stat per folder) must not pay for it.
    """
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    return tomllib


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.found: dict[KeyPath, tuple[int, int]] = {}
        self._starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    # -- positions

    def position(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, index)
        return line, index - self._starts[line - 1] + 1

    def record(self, path: KeyPath, index: int) -> None:
        self.found.setdefault(path, self.position(index))

    # -- whitespace and comments

    def skip_blank(self, newlines: bool) -> None:
        text, n = self.text, len(self.text)
        while self.i < n:
            c = text[self.i]
            if c in " \t" or (newlines and c in "\r\n"):
                self.i += 1
            elif c == "#":
                end = text.find("\n", self.i)
                self.i = n if end < 0 else (end + 1 if newlines else end)
            else:
                return

    def skip_line(self) -> None:
        end = self.text.find("\n", self.i)
        self.i = len(self.text) if end < 0 else end + 1

    # -- keys

    def key(self) -> list[tuple[str, int]]:
        """A dotted key: each part's text and where it starts."""
        parts: list[tuple[str, int]] = []
        while True:
            self.skip_blank(newlines=False)
            start = self.i
            c = self.text[start]
            if c in "\"'":
                end = self._string_end(start)
                raw = self.text[start:end]
                parts.append((str(_tomllib().loads(f"k = {raw}")["k"]), start))
                self.i = end
            else:
                match = _BARE.match(self.text, start)
                if match is None:
                    raise ValueError(f"no key at {start}")
                parts.append((match.group(), start))
                self.i = match.end()
            self.skip_blank(newlines=False)
            if self.i < len(self.text) and self.text[self.i] == ".":
                self.i += 1
                continue
            return parts

    def record_key(self, base: KeyPath, parts: list[tuple[str, int]]) -> KeyPath:
        path = base
        for name, start in parts:
            path = (*path, name)
            self.record(path, start)
        return path

    # -- values

    def _string_end(self, start: int) -> int:
        """The index just past the string that starts at ``start``."""
        text = self.text
        if text.startswith(('"""', "'''"), start):
            quote = text[start : start + 3]
            j = start + 3
            while True:
                if quote == '"""' and text[j] == "\\":
                    j += 2
                elif text.startswith(quote, j):
                    j += 3
                    while j < len(text) and text[j] == quote[0]:  # up to two quotes of content
                        j += 1
                    return j
                else:
                    j += 1
        quote = text[start]
        j = start + 1
        while text[j] != quote:
            j += 2 if quote == '"' and text[j] == "\\" else 1
        return j + 1

    def value(self, path: KeyPath) -> None:
        text = self.text
        c = text[self.i]
        if c in "\"'":
            self.i = self._string_end(self.i)
        elif c == "[":
            self.i += 1
            index = 0
            while True:
                self.skip_blank(newlines=True)
                if text[self.i] == "]":
                    self.i += 1
                    return
                self.record((*path, index), self.i)
                self.value((*path, index))
                index += 1
                self.skip_blank(newlines=True)
                if text[self.i] == ",":
                    self.i += 1
        elif c == "{":
            self.i += 1
            while True:
                self.skip_blank(newlines=False)
                if text[self.i] == "}":
                    self.i += 1
                    return
                inner = self.record_key(path, self.key())
                self.i += 1  # '='
                self.skip_blank(newlines=False)
                self.value(inner)
                self.skip_blank(newlines=False)
                if text[self.i] == ",":
                    self.i += 1
        else:
            if _DATE_SPACE_TIME.match(text, self.i):
                self.i += 11  # '1979-05-27 07:32:00': the space belongs to the value
            start = self.i
            while self.i < len(text) and text[self.i] not in _ATOM_END:
                self.i += 1
            if self.i == start:
                raise ValueError(f"no value at {start}")

    # -- the document

    def document(self) -> None:
        text = self.text
        table: KeyPath = ()
        while True:
            self.skip_blank(newlines=True)
            if self.i >= len(text):
                return
            if text[self.i] == "[":
                self.i += 2 if text.startswith("[[", self.i) else 1
                table = self.record_key((), self.key())
                self.skip_line()
            else:
                path = self.record_key(table, self.key())
                self.i += 1  # '='
                self.skip_blank(newlines=False)
                self.value(path)
                self.skip_blank(newlines=False)


def key_positions(text: str) -> dict[KeyPath, tuple[int, int]]:
    """``(line, column)`` of every key, table header and array element of a valid TOML text.

    A path defined more than once (a table header and a dotted key inside it)
    keeps its first position.  Should the scan meet something it does not
    understand, the positions found so far are returned.
    """
    scanner = _Scanner(text)
    with contextlib.suppress(IndexError, ValueError):  # TOMLDecodeError is a ValueError
        scanner.document()
    return scanner.found


def locate(positions: dict[KeyPath, tuple[int, int]], path: KeyPath) -> tuple[int, int] | None:
    """The position of ``path``, or of its longest prefix that has one; ``None`` if none has."""
    for end in range(len(path), 0, -1):
        found = positions.get(path[:end])
        if found is not None:
            return found
    return None


# --------------------------------------------------------------------------- files and messages


def read_text(name: str) -> str:
    """The UTF-8 text of a configuration file.

    Raises:
        ConfigError: it cannot be read or is not UTF-8.
    """
    try:
        with open(name, "rb") as handle:
            content = handle.read()
    except OSError as exc:
        raise ConfigError(f"cannot read the configuration file: {exc.strerror or exc}", path=name) from None
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"is not UTF-8 text (byte {exc.start})", path=name) from None


def parse_toml(text: str, name: str) -> dict[str, Any]:
    """The data of a TOML text; a syntax error is a `ConfigError` with its line and column."""
    toml = _tomllib()
    try:
        data: dict[str, Any] = toml.loads(text)
    except toml.TOMLDecodeError as exc:
        message = str(exc)
        where = _TOML_POSITION.search(message)
        line = column = None
        if where is not None:
            line, column = int(where.group(1)), int(where.group(2))
            message = message[: where.start()]
        raise ConfigError(f"is not valid TOML: {message}", path=name, line=line, column=column) from None
    return data


_MESSAGES = {
    "bool_type": "must be true or false",
    "int_type": "must be a whole number",
    "string_type": "must be text (in quotes)",
    "tuple_type": "must be a list",
    "list_type": "must be a list",
    "dict_type": "must be a table",
    "model_type": "must be a table",
    "model_attributes_type": "must be a table",
    "greater_than_equal": "must be 0 or more",
}


def config_error(
    model: type[BaseModel], exc: PydanticError, source: str | None, text: str | None, prefix: tuple[str, ...]
) -> ConfigError:
    """The first of pydantic's errors about ``model``, in the file's own words, located in the file."""
    first = exc.errors(include_url=False)[0]
    loc: KeyPath = tuple(part for part in first["loc"] if part != "[key]")
    kind = first["type"]
    if kind == "extra_forbidden":
        table: type[BaseModel] = model
        for part in loc[:-1]:
            by_alias = {f.alias or n: f for n, f in table.model_fields.items()}
            field = by_alias.get(str(part))
            annotation = field.annotation if field is not None else None
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                table = annotation
        known = [f.alias or n for n, f in table.model_fields.items()]
        import difflib  # only for a message about a mistake

        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        message = f"unknown key{hint}; known keys here: {', '.join(known)}"
    elif kind == "value_error":
        message = str(first["ctx"]["error"])
    else:
        message = _MESSAGES.get(kind, "has a value of the wrong kind")
        if kind.endswith("_type"):
            message += f", not {_type_word(first['input'])}"
    full = (*prefix, *loc)
    key = key_name(full)
    if source is None or text is None:
        return ConfigError(message, path=source, key=key)
    return error_at(source, text, full, key, message)


def _type_word(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def error_at(source: str, text: str, path: KeyPath, key: str, message: str) -> ConfigError:
    """A `ConfigError` about the key at ``path`` of the file ``source``, located in its ``text``."""
    found = locate(key_positions(text), path)
    line, column = found if found is not None else (None, None)
    return ConfigError(message, path=source, line=line, column=column, key=key)


def key_name(path: KeyPath) -> str:
    """A key path as written in TOML: ``limits.max-bytes``, ``kinds."a/**"``, ``select[1]``."""
    import json  # here: a check reads no configuration file, or one without mistakes

    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = part if _BARE.fullmatch(part) else json.dumps(part, ensure_ascii=False)
            out += f".{name}" if out else name
    return out


def to_toml(value: object) -> str:
    """A value written as TOML (what `Config.to_display` shows)."""
    import json  # here: only `articlekit config` shows a configuration

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(to_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(f"{to_toml(k)} = {to_toml(v)}" for k, v in value.items())
        return "{ " + items + " }" if items else "{}"
    return json.dumps(str(value))
