"""A fast path for the regular YAML subset that article front matter uses.

Real front matter is a block mapping of plain and double-quoted one-line
scalars, nested block mappings and block sequences (of scalars or of
mappings).  For such text `parse_subset` builds exactly the data that
PyYAML's ``SafeLoader`` builds (YAML 1.1 resolution: ``yes`` is ``True``,
``012`` is ``10``, ``2020-08-11T13:41:00Z`` is an aware ``datetime``), from
one C-level regular-expression pass over the lines and a tight loop,
without libyaml's event objects.

The loop has two implementations with one signature, as markupsafe draws its
C/Python boundary: `articlekit._speedups` (C, optional) and
`articlekit._speedups_py` (pure Python).  This module picks one at import (C
when it is built and loads, unless `ARTICLEKIT_PURE_PYTHON=1`) and hands it
its callbacks.  Tests and the fuzzer compare the two through a small internal
API: `IMPLEMENTATIONS`, `parse_with`, `parse_indexed_with`, `using`, `loop_arguments`,
`Fallback`.

It also reads what other sites' front matter uses: comments (on their own
lines and after values), keys with spaces and punctuation, quoted keys
(printable ASCII, no escapes), plain scalars continued on more-indented
lines, block scalars (``|`` and ``>``, with chomping and indentation
indicators; no line of spaces only, no more-indented line in a folded one)
and one-line flow collections (sequences and mappings of scalars, nested a
few deep).  It answers ``None`` -- "use the full loader" -- on the first
thing outside that subset or on any doubt: anchors, aliases, tags, flow
collections over several lines (or with empty entries, ``?`` keys, keys the
rules' index lists), multi-line quoted scalars (and escaped line breaks), a
blank line or comment inside a multi-line plain scalar, tabs, lone CRs,
characters YAML cannot hold, keys that resolve to something other than text
(quoted ones included: ``"yes"``), duplicate keys, and anything near a
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
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import partial
from types import ModuleType
from typing import Any, Literal, NamedTuple

from . import _speedups_py
from ._dataindex import DataIndex, index_of, key_kind
from ._speedups_py import (
    _DECIMAL,
    _INDICATORS,
    _MAX_TYPED,
    _MAYBE_TYPED,
    _NOT_A_WORD,
    _ODD_WORDS,
    _SIMPLE_FLOAT,
    _WORDS,
)
from ._yamltags import construct_plain
from .issues import KeyPath
from .limits import DEFAULT_LIMITS, Limits
from .positions import LazyLocations, NodeInfo
from .yamlsafe import YamlResult, load_yaml, resolve_plain

__all__ = ["LazyLocations", "load_yaml_fast", "parse_subset"]
# `LazyLocations` lives in `articlekit.positions`; it stays importable from here.

_YAML_NS = "tag:yaml.org,2002:"
_STR = _YAML_NS + "str"
_INT = _YAML_NS + "int"
_FLOAT = _YAML_NS + "float"
_CONSTRUCTED_TAGS = frozenset(
    {_YAML_NS + "int", _YAML_NS + "float", _YAML_NS + "bool", _YAML_NS + "null", _YAML_NS + "timestamp"}
)

# What may follow a "\" in the double-quoted strings handled here.
_DQ_BODY = re.compile(
    # "unrolled": runs of ordinary characters, each escape followed by the next run (the same
    # language as "(?:[^"\\]|\\escape)*", without one repetition per character: ~6x faster)
    r'[^"\\]*(?:\\(?:[0abtnvfre "/\\N_LP]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})[^"\\]*)*'
)
# A whole one-line quoted scalar, and an optional comment after it.
_DQ_LINE = re.compile(rf'"({_DQ_BODY.pattern})"(?: *| +#.*)')
_SQ_LINE = re.compile(r"'([^']*(?:''[^']*)*)'(?: *| +#.*)")
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
_EMPTY_FLOW = ("[]", "{}")
# A one-line flow sequence of scalars: "[a, 'b', \"c\"]".  A plain item here may
# not start with an indicator nor hold ":", "#", "?", a quote or a flow indicator;
# quoted items are read by _scalar.  No trailing comma, nothing nested.
_FLOW_PLAIN = r"""[^\s,\[\]{}#:?"'!&*|>%@`-](?:[^,\[\]{}#:?"']*[^\s,\[\]{}#:?"'])?"""
_FLOW_ITEM = rf"""(?:{_FLOW_PLAIN}|"[^"\\]*(?:\\.[^"\\]*)*"|'[^']*(?:''[^']*)*'(?!'))"""
_FLOW_SEQ = re.compile(rf"\[ *{_FLOW_ITEM}(?: *, *{_FLOW_ITEM})* *\] *")
_FLOW_ITEMS = re.compile(rf" *({_FLOW_ITEM}) *(?:,|\] *$)")
_STAMP = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})Z")
_UTC = timezone.utc
_ISO_STAMPS = sys.version_info >= (3, 11)  # `datetime.fromisoformat` reads "...T13:41:00Z"
# _MAX_TYPED (from _speedups_py): longer numbers (0b1111..., 1:2:3:...) are guarded by the full loader

_Special = list[tuple[int, KeyPath, str, dict[str, Any]]]
_Found = tuple[dict[str, Any], list[dict[str, Any]], _Special, list[str]]
"""What `_run` answers: the root, its mappings, the special keys and the typed scalars' texts."""
_KEY_CACHE_SIZE = 4096
_key_info: dict[str, int] = {}


class Fallback(Exception):
    """Raised inside the fast path's loop and its callbacks: let the full loader read this text."""


def _key_info_of(key: str) -> int:
    """-1 when a plain key resolves to other than a string (``yes``, ``null``, ...); else its
    `key_kind` (what the rules' index does with its value)."""
    info = _key_info.get(key)
    if info is None:
        info = key_kind(key) if key not in _WORDS and len(key) <= 200 and resolve_plain(key) == _STR else -1
        if len(_key_info) >= _KEY_CACHE_SIZE:
            _key_info.clear()  # a file of many odd keys must not leave the cache full for good
        _key_info[key] = info
    return info


def _typed(text: str, typed: list[str] | None = None) -> Any:
    """A plain scalar that may not be a string, resolved and constructed as SafeLoader does.

    ``typed`` gets ``text`` when the value is a boolean other than true or false or a
    number not written as a decimal integer (see `_speedups_py.parse_subset`).
    """
    value = _WORDS.get(text, _NOT_A_WORD)
    if value is not _NOT_A_WORD:
        if typed is not None and text in _ODD_WORDS:
            typed.append(text)
        return value
    if len(text) == 20 and _STAMP.fullmatch(text) is not None:
        return _stamp(text)  # (before the integers: no timestamp is one)
    if _DECIMAL.fullmatch(text):
        return int(text)
    if len(text) <= _MAX_TYPED and _SIMPLE_FLOAT.fullmatch(text):
        # "4.632458": a float, whose value is float(text) (tests/test_fastyaml_floats.py)
        if typed is not None:
            typed.append(text)
        return float(text)
    tag = resolve_plain(text)
    if tag == _STR:
        return text
    if tag not in _CONSTRUCTED_TAGS or len(text) > _MAX_TYPED:
        raise Fallback  # "<<", "=", or a huge number: the full loader decides
    try:
        value = construct_plain(tag, text)
    except Exception:  # any doubt: the full loader reports it
        raise Fallback from None
    if typed is not None and tag in (_INT, _FLOAT):
        typed.append(text)
    return value


def _stamp(text: str) -> datetime:
    """The aware `datetime` of a `_STAMP` text, as `SafeConstructor` builds it; `Fallback` for a
    date or time that does not exist (the full loader reports it).

    `datetime.fromisoformat` reads that form (with its "Z") from Python 3.11 on, ten times as
    fast as six `int` calls and the constructor, and refuses the same texts (months and days
    00 to 99 in leap and common years, hours, minutes and seconds 00 to 99:
    tests/test_fastyaml_stamps.py); hours from 24 on are left to the constructor, which
    refuses them, whatever a later Python's `fromisoformat` makes of "24:00:00".
    """
    try:
        if _ISO_STAMPS and text[11:13] < "24":
            return datetime.fromisoformat(text)
        return datetime(
            int(text[:4]),
            int(text[5:7]),
            int(text[8:10]),
            int(text[11:13]),
            int(text[14:16]),
            int(text[17:19]),
            tzinfo=_UTC,
        )
    except ValueError:
        raise Fallback from None


def _scalar(rest: str, limit: int, typed: list[str] | None = None) -> Any:
    """The value of a one-line scalar written as ``rest`` (the text after ``key: `` or ``- ``),
    which may end with a comment; ``typed`` as for `_typed`."""
    first = rest[0]
    if first == '"':
        if rest[-1] == '"' and len(rest) > 1:
            body = rest[1:-1]
            quotes = body.count('\\"')
            if quotes == body.count("\\") == body.count('"'):
                # every "\" escapes a quote, and every quote is escaped (the embed codes of real
                # files: <iframe src=\"...\">): the scalar is the whole of `rest`, without a regex
                if len(body) - quotes > limit:
                    raise Fallback
                return body.replace('\\"', '"')
        m = _DQ_LINE.fullmatch(rest)
        if m is None:
            raise Fallback
        body = m.group(1)
        if "\\" in body:
            body = _DQ_ESCAPE.sub(_unescape, body)
        if len(body) > limit:
            raise Fallback
        return body
    if first == "'":
        m = _SQ_LINE.fullmatch(rest)
        if m is None:
            raise Fallback
        body = m.group(1).replace("''", "'")
        if len(body) > limit:
            raise Fallback
        return body
    text = rest.rstrip(" ")
    if " #" in text:
        text = text[: text.index(" #")].rstrip(" ")  # a comment
    if (
        (first in _INDICATORS and (first != "-" or len(text) < 2 or text[1] == " "))
        or ": " in text
        or text[-1] == ":"
        or len(text) > limit
    ):
        raise Fallback
    if first in _MAYBE_TYPED:
        return _typed(text, typed)
    return text


def _flow(rest: str, limit: int, typed: list[str] | None = None) -> list[Any] | dict[str, Any]:
    """An empty ``[]`` or ``{}``, or a one-line flow collection written as ``rest`` (see
    `_flow_collection`), which may end with a comment; ``typed`` as for `_typed`."""
    text = rest.rstrip(" ")
    if text in _EMPTY_FLOW:
        return [] if text == "[]" else {}
    if _FLOW_SEQ.fullmatch(text) is None:
        return _flow_collection(text, limit, typed)
    items: list[Any] = []
    for item in _FLOW_ITEMS.findall(text, 1):
        first = item[0]
        if first == '"' or first == "'":
            items.append(_scalar(item, limit))
        elif len(item) > limit:
            raise Fallback
        else:
            items.append(_typed(item, typed) if first in _MAYBE_TYPED else item)
    return items


# The tokens of a one-line flow collection: an indicator, a ":" before a space, a quoted
# scalar, or a plain one (no indicator first; no "#", "?", quote, "," or bracket in it; a ":"
# only before a character it may hold; single spaces between words).
_FLOW_CHAR = r"""[^\s,\[\]{}#:?"']"""
_FLOW_WORD = rf"""[^\s,\[\]{{}}#:?"'!&*|>%@`-](?: *(?:{_FLOW_CHAR}|:(?={_FLOW_CHAR})))*"""
_FLOW_TOKEN = re.compile(
    rf""" *(?:([\[\]{{}},])|(:)(?= )|("[^"\\]*(?:\\.[^"\\]*)*"|'[^']*(?:''[^']*)*'(?!'))|({_FLOW_WORD}))"""
)
_FLOW_END = re.compile(r" *(?:#.*)?")
_FLOW_MAX_KEYS = 32  # longer flow mappings: the full loader counts their keys
_FLOW_MAX_NESTING = 4


def _flow_collection(text: str, limit: int, typed: list[str] | None = None) -> list[Any] | dict[str, Any]:
    """A one-line flow sequence or mapping of scalars and of such collections, nested at most
    `_FLOW_MAX_NESTING` deep, with no empty entry, no trailing ",", no ``?`` key, text keys
    (none that the rules' index lists) written ``key: value`` -- or `Fallback`.
    """
    tokens: list[tuple[str, str, int]] = []  # (kind: an indicator, "s" or "p"; its text; its start)
    pos = 0
    depth = 0
    for m in _FLOW_TOKEN.finditer(text):
        if m.start() != pos:
            raise Fallback
        indicator, colon, quoted, plain = m.groups()
        token = indicator or colon or quoted or plain
        start = m.end() - len(token)
        if indicator or colon:
            tokens.append((token, "", start))
            if token in "[{":
                depth += 1
            elif token in "]}":
                depth -= 1
        else:
            tokens.append(("s" if quoted else "p", token, start))
        pos = m.end()
        if depth <= 0:
            break
    rest = text[pos:]
    if depth or tokens[0][0] not in "[{" or (rest and (rest[0] != " " or not _FLOW_END.fullmatch(rest))):
        raise Fallback
    try:
        value, at = _flow_value(tokens, 0, limit, _FLOW_MAX_NESTING, typed)
    except IndexError:
        raise Fallback from None
    if at != len(tokens):
        raise Fallback
    return value  # type: ignore[no-any-return]


def _flow_value(
    tokens: list[tuple[str, str, int]], i: int, limit: int, room: int, typed: list[str] | None
) -> tuple[Any, int]:
    """The value that starts at ``tokens[i]``, and the index of the token after it."""
    kind, text, _ = tokens[i]
    if kind == "s":
        return _scalar(text, limit), i + 1
    if kind == "p":
        if len(text) > limit:
            raise Fallback
        return (_typed(text, typed) if text[0] in _MAYBE_TYPED else text), i + 1
    if room < 1 or kind not in "[{":
        raise Fallback
    close = "]" if kind == "[" else "}"
    i += 1
    if tokens[i][0] == close:
        return ([] if kind == "[" else {}), i + 1
    if kind == "[":
        items: list[Any] = []
        while True:
            item, i = _flow_value(tokens, i, limit, room - 1, typed)
            items.append(item)
            if tokens[i][0] == close:
                return items, i + 1
            if tokens[i][0] != ",":
                raise Fallback
            i += 1
    mapping: dict[str, Any] = {}
    while True:
        key_kind_, key, key_start = tokens[i]
        if key_kind_ == "s":
            key = _scalar(key, limit)
        elif key_kind_ != "p":
            raise Fallback
        colon = tokens[i + 1]
        previous_end = key_start + len(tokens[i][1])
        if colon[0] != ":" or colon[2] != previous_end or key in mapping or _key_info_of(key) != 0:
            raise Fallback  # "key : v", "key" alone, a repeated key, a key the index lists or not text
        if len(mapping) >= _FLOW_MAX_KEYS:
            raise Fallback
        mapping[key], i = _flow_value(tokens, i + 2, limit, room - 1, typed)
        if tokens[i][0] == close:
            return mapping, i + 1
        if tokens[i][0] != ",":
            raise Fallback
        i += 1


def _unescape(m: re.Match[str]) -> str:
    escape = m.group(1)
    if len(escape) == 1:
        return _ESCAPES[escape]
    code = int(escape[1:], 16)
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        raise Fallback  # libyaml refuses these
    return chr(code)


def _load_speedups() -> ModuleType | None:
    """The C accelerator `articlekit._speedups`, or `None` (not built, or turned off).

    `ARTICLEKIT_PURE_PYTHON=1` in the environment turns it off: articlekit then
    parses with `articlekit._speedups_py` only (same results, slower).  Any
    failure to load it (not only an `ImportError`: a warning turned into an
    error, such as a free-threaded CPython's "the GIL has been enabled" under
    `-W error`, or a stale build) also gives `None`; `SPEEDUPS_FAILURE` then
    says why.
    """
    global SPEEDUPS_FAILURE
    if os.environ.get("ARTICLEKIT_PURE_PYTHON"):
        return None
    try:
        from . import _speedups

        _speedups.set_fallback(Fallback)
    except Exception as exc:  # the pure-Python loop gives the same results
        SPEEDUPS_FAILURE = f"{type(exc).__name__}: {exc}"
        return None
    return _speedups


_speedups_py.set_fallback(Fallback)
SPEEDUPS_FAILURE: str | None = None
"""Why the C accelerator could not be loaded, or `None`."""
_c_loop = _load_speedups()

# -- the internal API for tests and the fuzzer: which loop, and parsing with one ------------

IMPLEMENTATIONS: dict[str, ModuleType] = {"python": _speedups_py}
"""The line loops available here, by name: `"python"` (`articlekit._speedups_py`) always,
`"c"` (`articlekit._speedups`) when it is built, loads and is not turned off.

Both modules have the same two functions with the same signatures
(`parse_subset`, `set_fallback`; see `_speedups.pyi`)."""
if _c_loop is not None:
    IMPLEMENTATIONS["c"] = _c_loop
IMPLEMENTATION: str = "c" if _c_loop is not None else "python"
"""The name of the loop the fast path uses (a key of `IMPLEMENTATIONS`)."""
_loop: ModuleType = IMPLEMENTATIONS[IMPLEMENTATION]
ACCELERATED: bool = _c_loop is not None
"""Whether the fast path's line loop runs in C (`articlekit._speedups`)."""
_index_of: Callable[[list[dict[str, Any]], _Special, list[str]], DataIndex] = (
    _loop.index_of if _c_loop is not None else index_of  # (the pure loop's is this one, with a frame more)
)
"""`articlekit._dataindex.index_of`, in C with the C loop, for the loop's answer."""


def loop_arguments(limits: Limits = DEFAULT_LIMITS) -> tuple[Any, ...]:
    """The arguments after `text` that the fast path passes to a loop's `parse_subset`.

    `(max_depth, key_info, key_info_of, scalar, flow, max_len)`: this module's
    table of key verdicts, its callbacks (which raise `Fallback`), and the
    limits' bounds.  `module.parse_subset(text, *loop_arguments(limits), typed)`
    calls a loop module exactly as the fast path does (``typed``: a new empty
    list, which gets the texts of the scalars that YAML 1.1 may read as other
    than they look; the rules' `DataIndex.typed_texts`).
    """
    return (limits.max_depth - 2, _key_info, _key_info_of, _scalar, _flow, limits.max_string_length)


class LoopAnswer(NamedTuple):
    """What one loop answered for a text (see `parse_with`).

    Attributes:
        verdict: `"ok"`; `"none"` (a character the fast path does not take,
            or no mapping at all); or `"fallback"` (`Fallback` was raised).
        data: the front matter's data (`None` unless `"ok"`).
        mappings: every mapping of the data, for the rules' index.
        special: the keys the rules' index lists, with their mappings.
    """

    verdict: Literal["ok", "none", "fallback"]
    data: dict[str, Any] | None
    mappings: list[dict[str, Any]]
    special: _Special


def parse_with(implementation: str, text: str, limits: Limits = DEFAULT_LIMITS) -> LoopAnswer:
    """Read `text` with the named loop (a key of `IMPLEMENTATIONS`), as the fast path calls it.

    The fast path's own checks apply (limits too tight for the fast path,
    more keys in a mapping than `max_keys`: `"fallback"`), but not its choice
    of loop: the C loop does not count string lengths, so the fast path gives
    it no text longer than `max_string_length` (nor with `max_keys` lines or
    more), while this calls the named loop whatever the text.  For tests and
    `python -m articlekit.fuzz`, which compare the loops.
    """
    return parse_indexed_with(implementation, text, limits)[0]


def parse_indexed_with(
    implementation: str, text: str, limits: Limits = DEFAULT_LIMITS
) -> tuple[LoopAnswer, DataIndex | None]:
    """`parse_with`, and the rules' `DataIndex` that the named loop's module makes of its
    answer (its `index_of`, with the `DataIndex.typed_texts` the loop listed), or `None`
    unless the verdict is `"ok"`.  For `python -m articlekit.fuzz`, which compares them.
    """
    module = IMPLEMENTATIONS[implementation]
    try:
        found = _run(module, text, limits, text.count("\n") + 1)
    except Fallback:
        return LoopAnswer("fallback", None, [], []), None
    if found is None:
        return LoopAnswer("none", None, [], []), None
    root, mappings, special, typed = found
    return LoopAnswer("ok", root, mappings, special), module.index_of(mappings, special, typed)


@contextmanager
def using(implementation: str) -> Iterator[None]:
    """While open, the fast path reads with the named loop (a key of `IMPLEMENTATIONS`).

    For tests (`tests/conftest.py`'s `fast_loop` fixture); it changes a
    module-wide setting, so it is not for threads that parse meanwhile.
    """
    global _loop
    previous = _loop
    _loop = IMPLEMENTATIONS[implementation]
    try:
        yield
    finally:
        _loop = previous


def _run(loop: ModuleType, text: str, limits: Limits, most_keys: int) -> _Found | None:
    """`loop.parse_subset` with this module's arguments, and the checks it leaves to its caller.

    `most_keys` bounds how many keys a block mapping of `text` can have: one per line
    (`text.count("\\n") + 1`), or one per three characters (`(len(text) + 1) // 3`: a key's
    line holds at least a character and ":", and a line break separates it from the next).
    The answer is the loop's, and the list of texts it gave as `typed`.
    """
    max_depth = limits.max_depth - 2
    max_keys = limits.max_keys
    if max_depth < 1 or limits.max_string_length < 256 or max_keys < 1:
        raise Fallback  # limits this tight: let the full loader apply them exactly
    typed: list[str] = []
    found: tuple[dict[str, Any], list[dict[str, Any]], _Special] | None = loop.parse_subset(
        text, max_depth, _key_info, _key_info_of, _scalar, _flow, limits.max_string_length, typed
    )
    # Most texts need no count (flow mappings hold at most _FLOW_MAX_KEYS keys).
    if (
        found is not None
        and (most_keys > max_keys or max_keys < _FLOW_MAX_KEYS)
        and any(len(m) > max_keys for m in found[1])
    ):
        raise Fallback
    return None if found is None else (*found, typed)


def _parse_any(text: str, limits: Limits) -> _Found | None:
    """The loop's answer, or `None`: in C when it is in use and the text is within its reach.

    The C loop does not count string lengths: texts long enough to reach
    `max_string_length` take the Python loop, which does.  Neither loop counts
    keys: `_run` does, for both, whenever the text is long enough for a mapping
    to have more than `max_keys` (so the lines need no count).
    """
    loop = _loop if len(text) <= limits.max_string_length else _speedups_py
    return _run(loop, text, limits, (len(text) + 1) // 3)


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
        found = _parse_any(text, limits)
    except Fallback:
        return None
    return None if found is None else found[0]


def _parse_indexed(text: str, limits: Limits) -> tuple[dict[str, Any], DataIndex] | None:
    """`parse_subset`, and the rules' `DataIndex` of the data.

    The index is the one `articlekit.rules._common.build_index` gives
    (tests/rules/test_fast.py proves it), found while parsing.  This is
    `_parse_any` and `_run` in one function, as it runs once for every
    document checked.
    """
    max_depth = limits.max_depth - 2
    max_keys = limits.max_keys
    max_len = limits.max_string_length
    if max_depth < 1 or max_len < 256 or max_keys < 1:
        return None  # limits this tight: let the full loader apply them exactly
    typed: list[str] = []
    try:
        found: tuple[dict[str, Any], list[dict[str, Any]], _Special] | None = (
            _loop if len(text) <= max_len else _speedups_py
        ).parse_subset(text, max_depth, _key_info, _key_info_of, _scalar, _flow, max_len, typed)
    except Fallback:
        return None
    if found is None or (
        ((len(text) + 1) // 3 > max_keys or max_keys < _FLOW_MAX_KEYS) and max(map(len, found[1])) > max_keys
    ):
        return None
    return found[0], _index_of(found[1], found[2], typed)


def load_yaml_fast(
    text: str, *, first_line: int = 2, limits: Limits = DEFAULT_LIMITS, report_characters: bool = True
) -> YamlResult:
    """`articlekit.yamlsafe.load_yaml`, through the fast path when the text allows.

    Gives the same data and issues; positions are `LazyLocations`, and
    ``index`` is the rules' index of the data, found while parsing.
    `report_characters` is `load_yaml`'s (the fast path takes no text that
    holds such characters).
    """
    parsed = _parse_indexed(text, limits)
    if parsed is None:
        return load_yaml(text, first_line=first_line, limits=limits, report_characters=report_characters)
    positions = partial(_positions, text, first_line, limits)
    return YamlResult(parsed[0], LazyLocations(text, first_line, positions), [], parsed[1])


def _positions(text: str, first_line: int, limits: Limits) -> dict[KeyPath, NodeInfo]:
    """The positions of `text` as the full loader finds them (what `LazyLocations` computes)."""
    return load_yaml(text, first_line=first_line, limits=limits).locations.nodes
