"""A fast path for the regular YAML subset that article front matter uses.

Real front matter is a block mapping of plain and double-quoted one-line
scalars, nested block mappings and block sequences (of scalars or of
mappings).  For such text `parse_subset` builds exactly the data that
PyYAML's ``SafeLoader`` builds (YAML 1.1 resolution: ``yes`` is ``True``,
``012`` is ``10``, ``2020-08-11T13:41:00Z`` is an aware ``datetime``), from
one C-level regular-expression pass over the lines and a tight Python loop,
without libyaml's event objects.

It answers ``None`` -- "use the full loader" -- on the first thing outside
the subset or on any doubt: anchors, aliases, tags, flow collections (but
for ``[]``, ``{}`` and one-line sequences of scalars), block scalars,
multi-line scalars (and escaped line breaks), inline comments, tabs, lone
CRs, characters YAML cannot hold, keys that are not plain words or that
resolve to something other than text, duplicate keys, and anything near a
[`Limits`][articlekit.Limits] bound.  Those are the only cases in
which the full loader in `articlekit.yamlsafe` reports an issue, so
every YAML issue is still reported, exactly as before.

Positions are not computed on the fast path: `LazyLocations` runs the
full loader the first time a position is asked for (that is, only when there
is an issue to place, or when a writer edits the file):

>>> r = load_yaml_fast("title: x\\nheat: 10:00\\n")
>>> r.data
{'title': 'x', 'heat': 600}
>>> r.locations.get(("heat",)).line   # computed now, on first use
3
"""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone
from typing import Any

from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode

from ._dataindex import DataIndex, index_of, key_kind
from .issues import KeyPath
from .limits import DEFAULT_LIMITS, Limits
from .yamlsafe import Locations, NodeInfo, YamlResult, load_yaml, resolve_plain

__all__ = ["LazyLocations", "load_yaml_fast", "parse_subset"]

_YAML_NS = "tag:yaml.org,2002:"
_STR = _YAML_NS + "str"
_CONSTRUCTED_TAGS = frozenset(
    {_YAML_NS + "int", _YAML_NS + "float", _YAML_NS + "bool", _YAML_NS + "null", _YAML_NS + "timestamp"}
)

# One line: indent, an optional "- " item indicator, an optional plain word key
# with its ":", and the rest of the line.  Every line matches (all parts are
# optional), so findall() cuts the whole text into lines in C.
_LINE = re.compile(
    r"^( *)(- +)?(?:([A-Za-z_][A-Za-z0-9_.-]{0,200}):(?: +|$))?(.*)$",
    re.MULTILINE,
)
# Anything YAML cannot hold, or that makes positions differ from the file's
# lines (NEL, LS, PS), or a tab or a lone CR: the full loader decides.  The
# definition, as a character class; _holdable decides it on bytes (compiling
# this Unicode class would cost every process ~3 ms at import).
_OUTSIDE = "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
# The same test on the UTF-8 bytes, which C does faster than a character class:
# delete every byte that can only be part of an allowed character; what is left
# is a byte _OUTSIDE matches, or the lead byte of a character that may be one.
_HOLDABLE_BYTES = bytes(
    [0x0A, *range(0x20, 0x7F), *(b for b in range(0x80, 0x100) if b not in (0xC2, 0xE2, 0xEF))]
)
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")  # U+0080 to U+009F
# What may follow a "\" in the double-quoted strings handled here.
_DQ_BODY = re.compile(
    r'(?:[^"\\]|\\[0abtnvfre "/\\N_LP]|\\x[0-9A-Fa-f]{2}|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*'
)
_DQ_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")
_ESCAPES = {
    "0": "\x00",
    "a": "\x07",
    "b": "\x08",
    "t": "\t",
    "n": "\n",
    "v": "\x0b",
    "f": "\x0c",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "/": "/",
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
# Characters a plain scalar's text may start with and still be other than a string.
_MAYBE_TYPED = frozenset("yYnNtTfFoO-+0123456789.<~=")
# Of those, the letters: such a scalar is a boolean or null (one of _WORDS) or text.
_WORD_LETTERS = frozenset("yYnNtTfFoO")
# ... and the characters a plain scalar may not start with at all (indicators).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_WORDS: dict[str, Any] = {
    **dict.fromkeys(("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"), True),
    **dict.fromkeys(("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"), False),
    **dict.fromkeys(("null", "Null", "NULL", "~"), None),
}
_EMPTY_FLOW = ("[]", "{}")
# A one-line flow sequence of scalars: "[a, 'b', \"c\"]".  A plain item here may
# not start with an indicator nor hold ":", "#", "?", a quote or a flow indicator;
# quoted items are read by _scalar.  No trailing comma, nothing nested.
_FLOW_PLAIN = r"""[^\s,\[\]{}#:?"'!&*|>%@`-](?:[^,\[\]{}#:?"']*[^\s,\[\]{}#:?"'])?"""
_FLOW_ITEM = rf"""(?:{_FLOW_PLAIN}|"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'(?!'))"""
_FLOW_SEQ = re.compile(rf"\[ *{_FLOW_ITEM}(?: *, *{_FLOW_ITEM})* *\] *")
_FLOW_ITEMS = re.compile(rf" *({_FLOW_ITEM}) *(?:,|\] *$)")
_DECIMAL = re.compile(r"[1-9][0-9]{0,17}|0")
_STAMP = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})Z")
_constructor = SafeConstructor()
_UTC = timezone.utc
_MAX_TYPED = 64  # longer numbers (0b1111..., 1:2:3:...) are guarded by the full loader

_MAP = 0
_SEQ = 1
_KEY_CACHE_SIZE = 4096
_key_info: dict[str, int] = {}
_NOT_A_WORD: Any = object()


class _Fallback(Exception):
    """Raised inside the fast parser: let the full loader read this text."""


def _holdable(text: str) -> bool:
    """Whether ``_OUTSIDE`` matches no character of ``text`` (tests/test_rules_fast.py proves it)."""
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return False
    rest = raw.translate(None, _HOLDABLE_BYTES)
    if not rest:
        return True
    if rest.translate(None, b"\xc2\xe2\xef"):
        return False  # a control character, a tab or a lone CR
    # only lead bytes are left: look for the characters they may start
    if b"\xc2" in rest and _C1_UTF8.search(raw) is not None:
        return False
    if b"\xe2" in rest and (b"\xe2\x80\xa8" in raw or b"\xe2\x80\xa9" in raw):
        return False  # U+2028, U+2029
    # U+FEFF, U+FFFE, U+FFFF
    return not (
        b"\xef" in rest and (b"\xef\xbb\xbf" in raw or b"\xef\xbf\xbe" in raw or b"\xef\xbf\xbf" in raw)
    )


def _key_info_of(key: str) -> int:
    """-1 when a plain key resolves to other than a string (``yes``, ``null``, ...); else its
    `key_kind` (what the rules' index does with its value)."""
    info = _key_info.get(key)
    if info is None:
        info = key_kind(key) if key not in _WORDS and resolve_plain(key) == _STR else -1
        if len(_key_info) >= _KEY_CACHE_SIZE:
            _key_info.clear()  # a file of many odd keys must not leave the cache full for good
        _key_info[key] = info
    return info


def _typed(text: str) -> Any:
    """A plain scalar that may not be a string, resolved and constructed as SafeLoader does."""
    value = _WORDS.get(text, _NOT_A_WORD)
    if value is not _NOT_A_WORD:
        return value
    if _DECIMAL.fullmatch(text):
        return int(text)
    m = _STAMP.fullmatch(text)
    if m is not None:
        y, mo, d, h, mi, s = m.groups()
        try:
            return datetime(int(y), int(mo), int(d), int(h), int(mi), int(s), tzinfo=_UTC)
        except ValueError:
            raise _Fallback from None  # the full loader reports the bad date
    tag = resolve_plain(text)
    if tag == _STR:
        return text
    if tag not in _CONSTRUCTED_TAGS or len(text) > _MAX_TYPED:
        raise _Fallback  # "<<", "=", or a huge number: the full loader decides
    try:
        return SafeConstructor.yaml_constructors[tag](_constructor, ScalarNode(tag, text))
    except Exception:  # any doubt: the full loader reports it
        raise _Fallback from None


def _scalar(rest: str, limit: int) -> Any:
    """The value of a one-line scalar written as ``rest`` (the text after ``key: `` or ``- ``)."""
    first = rest[0]
    if first == '"':
        body = rest.rstrip(" ")
        if len(body) < 2 or body[-1] != '"':
            raise _Fallback
        body = body[1:-1]
        if "\\" in body:
            if not _DQ_BODY.fullmatch(body):
                raise _Fallback
            body = _DQ_ESCAPE.sub(_unescape, body)
        elif '"' in body:
            raise _Fallback
        if len(body) > limit:
            raise _Fallback
        return body
    if first == "'":
        body = rest.rstrip(" ")
        if len(body) < 2 or body[-1] != "'":
            raise _Fallback
        body = body[1:-1]
        if "'" in body.replace("''", ""):
            raise _Fallback
        body = body.replace("''", "'")
        if len(body) > limit:
            raise _Fallback
        return body
    text = rest.rstrip(" ")
    if (
        (first in _INDICATORS and (first != "-" or len(text) < 2 or text[1] == " "))
        or ": " in text
        or " #" in text
        or text[-1] == ":"
        or len(text) > limit
    ):
        raise _Fallback
    if first in _MAYBE_TYPED:
        return _typed(text)
    return text


def _flow(rest: str, limit: int) -> list[Any] | dict[str, Any]:
    """An empty ``[]`` or ``{}``, or a one-line flow sequence of scalars, written as ``rest``."""
    text = rest.rstrip(" ")
    if text in _EMPTY_FLOW:
        return [] if text == "[]" else {}
    if _FLOW_SEQ.fullmatch(text) is None:
        raise _Fallback
    items: list[Any] = []
    for item in _FLOW_ITEMS.findall(text, 1):
        first = item[0]
        if first == '"' or first == "'":
            items.append(_scalar(item, limit))
        elif len(item) > limit:
            raise _Fallback
        else:
            items.append(_typed(item) if first in _MAYBE_TYPED else item)
    return items


def _unescape(m: re.Match[str]) -> str:
    escape = m.group(1)
    if len(escape) == 1:
        return _ESCAPES[escape]
    code = int(escape[1:], 16)
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        raise _Fallback  # libyaml refuses these
    return chr(code)


def _load_speedups() -> Any:
    """The C accelerator `articlekit._speedups`, or ``None`` (not built, or turned off).

    ``ARTICLEKIT_PURE_PYTHON=1`` in the environment turns it off: articlekit then
    parses with `_parse` only (same results, slower).  Any failure to load it
    (not only an `ImportError`: a warning turned into an error, such as a
    free-threaded CPython's "the GIL has been enabled" under `-W error`, or a
    stale build) also gives `None`; `_SPEEDUPS_FAILURE` then says why.
    """
    global _SPEEDUPS_FAILURE
    if os.environ.get("ARTICLEKIT_PURE_PYTHON"):
        return None
    try:
        from . import _speedups

        _speedups.set_fallback(_Fallback)
    except Exception as exc:  # the pure-Python loop gives the same results
        _SPEEDUPS_FAILURE = f"{type(exc).__name__}: {exc}"
        return None
    return _speedups


_SPEEDUPS_FAILURE: str | None = None
"""Why the C accelerator could not be loaded, or `None`."""
_speedups = _load_speedups()
ACCELERATED: bool = _speedups is not None
"""Whether the fast path's line loop runs in C (`articlekit._speedups`)."""


def _parse_any(text: str, limits: Limits) -> tuple[dict[str, Any] | None, list[dict[str, Any]], _Special]:
    """`_parse`, in C when the accelerator is there and the text is within every limit.

    The C loop does not count string lengths nor keys: texts long enough to
    reach ``max_string_length`` or with more lines than ``max_keys`` take the
    Python loop, which does.
    """
    if _speedups is None or len(text) > limits.max_string_length or text.count("\n") >= limits.max_keys:
        return _parse_pure(text, limits)
    return _parse_c(_speedups, text, limits)


def _parse_pure(text: str, limits: Limits) -> tuple[dict[str, Any] | None, list[dict[str, Any]], _Special]:
    """The Python loop's answer: CRLF read as LF; ``(None, [], [])`` for a character it does not take."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if not _holdable(text):
        return None, [], []
    return _parse(text, limits)


def _parse_c(
    speedups: Any, text: str, limits: Limits
) -> tuple[dict[str, Any] | None, list[dict[str, Any]], _Special]:
    """The C loop's answer (``speedups`` is `articlekit._speedups`), in `_parse_pure`'s shape.

    Only for texts within ``max_string_length`` and with fewer lines than
    ``max_keys``; limits too tight for the loop raise `_Fallback`.
    """
    max_depth = limits.max_depth - 2
    if max_depth < 1 or limits.max_string_length < 256 or limits.max_keys < 1:
        raise _Fallback
    found = speedups.parse_subset(
        text, max_depth, _key_info, _key_info_of, _scalar, _flow, limits.max_string_length
    )
    if found is None:
        return None, [], []
    return found  # type: ignore[no-any-return]


def parse_subset(text: str, limits: Limits = DEFAULT_LIMITS) -> dict[str, Any] | None:
    """The front matter ``text`` as plain data, or ``None`` when it is outside the subset.

    The data is exactly what ``yaml.load(text, Loader=yaml.SafeLoader)`` gives.
    ``None`` means "read it with the full loader" (which may or may not find a
    problem); it never means the text is invalid.

    >>> parse_subset('title: "A"\\ntopics:\\n  - AI\\nquality: 66\\n')
    {'title': 'A', 'topics': ['AI'], 'quality': 66}
    >>> parse_subset("title: &a x\\n") is None
    True
    """
    try:
        return _parse_any(text, limits)[0]
    except _Fallback:
        return None


def _parse_indexed(text: str, limits: Limits) -> tuple[dict[str, Any], DataIndex] | None:
    """`parse_subset`, and the rules' `DataIndex` of the data.

    The index is the one `articlekit.rules._common.build_index` gives
    (tests/test_rules_fast.py proves it), found while parsing.
    """
    try:
        root, mappings, special = _parse_any(text, limits)
    except _Fallback:
        return None
    if root is None:
        return None
    return root, index_of(mappings, special)


_Special = list[tuple[int, KeyPath, str, dict[str, Any]]]


def _parse(text: str, limits: Limits) -> tuple[dict[str, Any] | None, list[dict[str, Any]], _Special]:
    """The data, every mapping in it, and its keys that the rules' index lists (see ``index_of``)."""
    max_len = limits.max_string_length
    max_keys = limits.max_keys
    max_depth = limits.max_depth - 2
    if max_depth < 1 or max_len < 256 or max_keys < 1:
        raise _Fallback  # limits this tight: let the full loader apply them exactly
    lines = _LINE.findall(text)
    # No scalar can be longer than the text, nor a mapping have more keys than
    # there are lines: most texts need neither check.
    check_len = len(text) > max_len
    check_keys = len(lines) > max_keys
    root: dict[str, Any] | None = None
    # open collections, innermost last: (indent, kind, container, its key path)
    stack: list[tuple[int, int, Any, KeyPath]] = []
    top_indent = -1
    top_kind = _MAP
    top: Any = None
    top_path: KeyPath = ()
    # a "key:" whose value is on the following lines: (mapping, key, the mapping's indent, its path)
    pending: tuple[dict[str, Any], str, int, KeyPath] | None = None
    mappings: list[dict[str, Any]] = []  # every block mapping, for the index's keys
    special: _Special = []  # keys whose values the index lists, in walk order
    key_info = _key_info
    scalar = _scalar
    maybe_typed = _MAYBE_TYPED
    indicators = _INDICATORS
    words = _WORDS
    word_letters = _WORD_LETTERS
    not_a_word = _NOT_A_WORD
    decimal = _DECIMAL.fullmatch

    for spaces, dash, key, rest in lines:
        if key and not dash and pending is None and top_kind == _MAP and len(spaces) == top_indent:
            pass  # the common line: "key: value" in the open mapping
        else:
            if not dash and not key:
                if not rest or rest[0] == "#":
                    continue  # blank line or full-line comment
                raise _Fallback  # a line that continues a scalar, or something else
            indent = len(spaces)
            if root is None:
                if dash or indent:
                    raise _Fallback  # a list at the top (an issue), or an indented root
                root = {}
                mappings.append(root)
                stack.append((0, _MAP, root, ()))
                top_indent, top_kind, top, top_path = 0, _MAP, root, ()

            if pending is not None:
                parent, pkey, pindent, ppath = pending
                pending = None
                if indent > pindent or (indent == pindent and dash):
                    if len(stack) >= max_depth:
                        raise _Fallback
                    if dash:
                        top, top_kind = [], _SEQ
                    else:
                        top, top_kind = {}, _MAP
                        mappings.append(top)
                    top_indent = indent
                    top_path = (*ppath, pkey)
                    parent[pkey] = top
                    stack.append((indent, top_kind, top, top_path))
                else:
                    parent[pkey] = None

            if indent != top_indent or (top_kind == _SEQ and not dash):
                # close collections until one at this indent is open
                while stack and (
                    stack[-1][0] > indent or (stack[-1][0] == indent and stack[-1][1] == _SEQ and not dash)
                ):
                    stack.pop()
                if not stack:
                    raise _Fallback
                top_indent, top_kind, top, top_path = stack[-1]
                if top_indent != indent:
                    raise _Fallback

            if dash:
                if top_kind != _SEQ:
                    raise _Fallback
                if key:
                    # "- key: ..." starts a mapping item at the key's column
                    if len(stack) >= max_depth:
                        raise _Fallback
                    item: dict[str, Any] = {}
                    top_path = (*top_path, len(top))
                    top.append(item)
                    mappings.append(item)
                    top_indent = indent + len(dash)
                    top_kind = _MAP
                    top = item
                    stack.append((top_indent, _MAP, item, top_path))
                else:
                    if not rest:
                        raise _Fallback  # "-" with the item on the next lines
                    first = rest[0]
                    if (first not in maybe_typed and first not in indicators) or (
                        first in word_letters and rest.rstrip(" ") not in words
                    ):
                        # the common case: a plain string
                        value: Any = rest.rstrip(" ")
                        if (
                            ": " in value
                            or " #" in value
                            or value[-1] == ":"
                            or (check_len and len(value) > max_len)
                        ):
                            raise _Fallback
                        top.append(value)
                    elif first in "[{" and len(stack) < max_depth:
                        top.append(_flow(rest, max_len))  # "- []", "- {}", "- [a, b]"
                    else:
                        top.append(scalar(rest, max_len))
                    continue
            elif top_kind != _MAP:
                raise _Fallback

        # "key: rest" in the mapping `top`
        info = key_info.get(key)
        if info is None:
            info = _key_info_of(key)
        if key in top or (check_keys and len(top) >= max_keys) or info < 0:
            raise _Fallback
        if info:
            special.append((info, top_path, key, top))
        if not rest:
            pending = (top, key, top_indent, top_path)
            continue
        first = rest[0]
        if first == '"':
            body = rest.rstrip(" ")
            if len(body) >= 2 and body[-1] == '"':
                body = body[1:-1]
                if "\\" not in body and '"' not in body and not (check_len and len(body) > max_len):
                    top[key] = body
                    continue
            top[key] = scalar(rest, max_len)
        elif first not in maybe_typed:
            if first in indicators:
                if first in "[{" and len(stack) < max_depth:
                    top[key] = _flow(rest, max_len)  # "key: []", "key: {}", "key: [a, b]"
                else:
                    top[key] = scalar(rest, max_len)
                continue
            value = rest.rstrip(" ")
            if ": " in value or " #" in value or value[-1] == ":" or (check_len and len(value) > max_len):
                raise _Fallback
            top[key] = value
        else:
            # true, false, null, a decimal integer: nothing else starts with these
            value = rest.rstrip(" ")
            word = words.get(value, not_a_word)
            if word is not not_a_word:
                top[key] = word
            elif decimal(value) is not None:
                top[key] = int(value)
            elif first in word_letters:  # not one of _WORDS: text
                if ": " in value or " #" in value or value[-1] == ":" or (check_len and len(value) > max_len):
                    raise _Fallback
                top[key] = value
            else:
                top[key] = scalar(rest, max_len)

    if pending is not None:
        pending[0][pending[1]] = None
    return root, mappings, special


class LazyLocations(Locations):
    """`Locations` computed on first use.

    Holds the front matter text; the first call of `get`,
    `nearest`, `position` or any read of `nodes` runs the
    full loader once and keeps its positions.
    """

    def __init__(self, text: str, first_line: int, limits: Limits) -> None:
        """Remember what to load; nothing is parsed yet."""
        self._text = text
        self.source = text
        self._first_line = first_line
        self._limits = limits
        self._nodes: dict[KeyPath, NodeInfo] | None = None
        self.default_line = max(first_line - 1, 1)
        self.default_column = 1

    @property
    def nodes(self) -> dict[KeyPath, NodeInfo]:
        """Every position, by key path (computed on first access)."""
        if self._nodes is None:
            full = load_yaml(self._text, first_line=self._first_line, limits=self._limits)
            self._nodes = full.locations.nodes
        return self._nodes

    @nodes.setter
    def nodes(self, value: dict[KeyPath, NodeInfo]) -> None:
        self._nodes = value

    @property
    def computed(self) -> bool:
        """Whether the positions have been computed yet."""
        return self._nodes is not None

    def __repr__(self) -> str:
        """Say whether the positions were computed, without computing them."""
        state = f"{len(self._nodes)} nodes" if self._nodes is not None else "not computed"
        return f"LazyLocations({state})"


def load_yaml_fast(text: str, *, first_line: int = 2, limits: Limits = DEFAULT_LIMITS) -> YamlResult:
    """`articlekit.yamlsafe.load_yaml`, through the fast path when the text allows.

    Gives the same data and issues; positions are `LazyLocations`, and
    ``index`` is the rules' index of the data, found while parsing.
    """
    parsed = _parse_indexed(text, limits)
    if parsed is None:
        return load_yaml(text, first_line=first_line, limits=limits)
    return YamlResult(parsed[0], LazyLocations(text, first_line, limits), [], parsed[1])
