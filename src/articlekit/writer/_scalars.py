"""Writing one scalar: plain, single-quoted, double-quoted or literal block, never folded.

Every function here returns text that a YAML 1.1 loader (PyYAML's ``SafeLoader``,
which articlekit uses) reads back as the same value *and type*: strings that
YAML would read as something else (``yes``, ``10:00``, ``2020-01-01``, ``~``,
numbers, leading indicators) are quoted; strings that a YAML 1.2 loader would
read as numbers (``1e3``, ``0o7``) are quoted too, so files stay portable.
"""

from __future__ import annotations

import enum
import functools
import math
import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

__all__ = [
    "UnrepresentableError",
    "double_quoted",
    "literal_block",
    "plain_ok",
    "render_key",
    "render_scalar",
    "render_string",
    "single_ok",
    "single_quoted",
]

_STR_TAG = "tag:yaml.org,2002:str"
_resolver = Resolver()

# what YAML 1.2 (core schema) reads as a number, on top of YAML 1.1's resolvers
_YAML12_NUMBER = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
# printable per YAML 1.1, minus the BOM (PyYAML's reader rejects the rest)
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_BREAKS = re.compile("[\r\n\x85\u2028\u2029]")
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_INDICATORS = frozenset(",[]{}?")  # PyYAML ends a plain scalar at any of these in flow context
_ESCAPES = {
    "\0": "\\0",
    "\x07": "\\a",
    "\x08": "\\b",
    "\x09": "\\t",
    "\x0a": "\\n",
    "\x0b": "\\v",
    "\x0c": "\\f",
    "\x0d": "\\r",
    "\x1b": "\\e",
    '"': '\\"',
    "\\": "\\\\",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}


class UnrepresentableError(ValueError):
    """A value of a type this writer cannot put in YAML (a set, an object, ...)."""


# what cannot be in a plain scalar: a line break, a character YAML 1.1 does not print, the BOM
_NOT_PLAIN = re.compile(
    "[^\x09\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_NUMBER_START = frozenset("-+.0123456789")  # every _YAML12_NUMBER starts with one of these


def plain_ok(text: str, *, flow: bool = False) -> bool:
    """Whether ``text`` can be written unquoted and read back as the same string.

    >>> plain_ok("Business Insider"), plain_ok("yes"), plain_ok("10:00"), plain_ok("a: b")
    (True, False, False, False)
    """
    if not text:
        return False
    first = text[0]
    if first in " \t" or text[-1] in " \t":
        return False
    # "-x", "?x", ":x" are plain in block context, but only when not followed by a space
    if first in _INDICATORS and (first not in "-?:" or len(text) == 1 or text[1] in " \t" or flow):
        return False
    if text.startswith(("---", "...")):
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text:
        return False
    if flow and (any(c in _FLOW_INDICATORS for c in text) or ":" in text):
        return False
    if not (text.isascii() and text.isprintable()) and _NOT_PLAIN.search(text):
        return False  # (printable ASCII, the usual text, holds nothing _NOT_PLAIN finds)
    if first in _NUMBER_START and _YAML12_NUMBER.fullmatch(text):
        return False
    resolvers = _resolver.yaml_implicit_resolvers
    if first not in resolvers and None not in resolvers:
        return True  # no implicit type can start with this character: a string
    return bool(_resolver.resolve(ScalarNode, text, (True, False)) == _STR_TAG)  # type: ignore[no-untyped-call]


def single_ok(text: str) -> bool:
    """Whether ``text`` can be written single-quoted on one line."""
    return not _BREAKS.search(text) and not _NOT_PRINTABLE.search(text)


def single_quoted(text: str) -> str:
    """``text`` in single quotes (``'`` doubled); only for text where `single_ok` holds."""
    return "'" + text.replace("'", "''") + "'"


def _escape(ch: str) -> str:
    known = _ESCAPES.get(ch)
    if known is not None:
        return known
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02X}"
    if code <= 0xFFFF:
        return f"\\u{code:04X}"
    return f"\\U{code:08X}"


_NEEDS_ESCAPE = re.compile(
    '["\\\\\x00-\x08\x0a-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff\x85\u2028\u2029\x09]'
)


def double_quoted(text: str) -> str:
    """``text`` in double quotes on one line, with YAML escapes for quotes, breaks and control characters.

    >>> double_quoted('He said "hi"\\n')
    '"He said \\\\"hi\\\\"\\\\n"'
    """
    if (
        text.isascii() and text.isprintable() and '"' not in text and "\\" not in text
    ) or _NEEDS_ESCAPE.search(text) is None:
        return '"' + text + '"'  # nothing to escape (printable ASCII without quotes or backslashes)
    return '"' + _NEEDS_ESCAPE.sub(lambda m: _escape(m.group()), text) + '"'


def literal_block(text: str, indent: str, step: int) -> list[str] | None:
    """``text`` as a literal block scalar: the indicator (``|``, ``|-``, ``|+``) then its lines.

    ``indent`` is the content's indentation, ``step`` how much deeper it is than
    the key (used as the indentation indicator when the text starts with a
    space).  Returns ``None`` when a literal block cannot hold ``text`` exactly
    (control characters, carriage returns, nothing but line breaks).
    """
    if not text.strip("\n") or _NOT_PRINTABLE.search(text) or re.search("[\r\x85\u2028\u2029]", text):
        return None
    if text.endswith("\n\n"):
        chomp = "+"
    elif text.endswith("\n"):
        chomp = ""
    else:
        chomp = "-"
    body = text[:-1] if text.endswith("\n") else text
    lines = body.split("\n")
    first = next(line for line in lines if line)
    indicator = ""
    if first.startswith((" ", "\t")) or not lines[0]:
        if not 1 <= step <= 9:
            return None
        indicator = str(step)
    out = ["|" + indicator + chomp]
    out.extend(indent + line if line else "" for line in lines)
    return out


def _float(value: float) -> str:
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value).lower()
    if "." not in text and "e" in text:
        text = text.replace("e", ".0e", 1)
    return text


def _offset(delta: timedelta) -> str:
    minutes = int(delta.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _datetime(value: datetime) -> str:
    offset = value.utcoffset()
    if offset is not None and (offset.seconds % 60 or offset.microseconds):
        value = value.astimezone(timezone.utc)  # YAML offsets have no seconds: write the same instant in UTC
        offset = timedelta(0)
    text = (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
        f"T{value.hour:02d}:{value.minute:02d}:{value.second:02d}"
    )
    if value.microsecond:
        text += f".{value.microsecond:06d}".rstrip("0")
    if offset is None:
        return text
    return text + ("Z" if not offset else _offset(offset))


def render_string(text: str, style: str, *, flow: bool = False) -> str:
    """``text`` in ``style`` (``""`` plain, ``"'"`` or ``'"'``), falling back to double quotes."""
    if style == "" and plain_ok(text, flow=flow):
        return text
    if style == "'" and single_ok(text):
        return single_quoted(text)
    return double_quoted(text)


def render_scalar(value: Any, style: str = "", *, flow: bool = False) -> str:
    """One scalar as YAML text; strings in ``style``, everything else plain.

    >>> from datetime import datetime, timezone
    >>> render_scalar(datetime(2020, 8, 11, 13, 41, tzinfo=timezone.utc))
    '2020-08-11T13:41:00Z'
    >>> render_scalar("yes"), render_scalar(True), render_scalar(None)
    ('"yes"', 'true', 'null')

    Raises:
        UnrepresentableError: ``value`` is not a YAML scalar.
    """
    if isinstance(value, enum.Enum):
        value = value.value
    if isinstance(value, str):
        return render_string(value, style, flow=flow)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, datetime):
        return _datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    raise UnrepresentableError(f"a value of type {type(value).__name__} cannot be written as YAML")


@functools.lru_cache(maxsize=4096)
def _key_text(key: str) -> str:
    return render_string(key, "")


def render_key(key: Any) -> str:
    """A mapping key: plain when it can be, double-quoted otherwise."""
    if type(key) is str:
        return _key_text(key)  # keys repeat from file to file: decided once each
    if not isinstance(key, str):
        raise UnrepresentableError(f"a key must be text, not {type(key).__name__}")
    return render_string(key, "")
