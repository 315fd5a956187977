"""The fast YAML path's line loop in pure Python: the twin of `articlekit._speedups`.

`parse_subset`, `set_fallback` and `index_of` take exactly the arguments of the C
extension's functions (`_speedups.c`, `_speedups.pyi`) and give exactly its
answers, as markupsafe's `_native` module mirrors its `_speedups`.
`articlekit.fastyaml` picks one of the two at import (the C one when it is
built and loads, unless `ARTICLEKIT_PURE_PYTHON=1`) and hands it its
callbacks; the tests run the fast path against both
(`tests/conftest.py`'s `fast_loop` fixture).

Like the C loop, this one reads every line of the regular subset itself and
hands every other scalar (flow collection) to `scalar` (`flow`); unlike it,
it also checks the length of the values it builds when the text is longer than
`max_len`, so that `articlekit.fastyaml` may give it texts of any length.
Neither counts keys: the caller checks `Limits.max_keys` on the mappings.

Python pays for every operation on every line, so this loop reads most lines
without a regex: the text is cut with `str.split`, a line with `str.partition`,
and the head of a ``key: value`` line read before (``"  key"``) is looked up in
a table (`_HEADS`); only a line whose head is new goes through `_LINE`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice
from operator import length_hint
from typing import Any

from ._dataindex import DataIndex
from ._dataindex import index_of as _index_of
from .issues import KeyPath

__all__ = ["index_of", "parse_subset", "set_fallback"]

# One line: indent, an optional "- " item indicator, an optional plain word key with
# its ":", and the rest of the line.  Every line matches (all parts are optional).  Other
# keys are found by _KEY in the rest.
_LINE = re.compile(
    r"^( *)(- +)?(?:([A-Za-z_][A-Za-z0-9_.-]{0,200}):(?: +|$))?(.*)$",
    re.MULTILINE,
)
# A key, then ":" and spaces (or the end): plain (printable ASCII that starts with a letter,
# a digit or "_", holds no quote, "#", ",", "\\", flow indicator, nor ":" but before a key
# character, and ends with no space), double-quoted or single-quoted (printable ASCII, no
# escapes).  Long keys are for the full loader (fastyaml._key_info_of).
_KEY_CHAR = r"[!$%&()*+\-./0-9;<=>?@A-Z^_`a-z|~]"
_KEY_BODY = rf"[ {_KEY_CHAR[1:-1]}]*"
_KEY = re.compile(
    rf"""(?:([A-Za-z0-9_]{_KEY_BODY}(?::{_KEY_CHAR}{_KEY_BODY})*)(?<! )"""
    r"""|"([ !#-\[\]-~]*)"|'([ -&(-~]*)'):(?: +|$)"""
)
# A block scalar's header (after "key: "): style, chomping and indentation in
# either order, and an optional comment.
_BLOCK_HEADER = re.compile(r"([|>])([+-]?)([1-9]?)([+-]?)(?: *| +#.*)")
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
# (one regex search each: faster than a `bytes.find` per character)
_BOM_NONCHAR_UTF8 = re.compile(b"\xef(?:\xbb\xbf|\xbf[\xbe\xbf])")  # U+FEFF, U+FFFE, U+FFFF
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
_ODD_WORDS = frozenset(("yes", "Yes", "YES", "on", "On", "ON", "no", "No", "NO", "off", "Off", "OFF"))
"""The booleans of _WORDS other than true and false: what `typed` gets (see `parse_subset`)."""
_DECIMAL = re.compile(r"[1-9][0-9]{0,17}|0")
# A float written as digits, ".", digits and an optional signed exponent: the part of YAML 1.1's
# float form (`[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?`, ...) without "_", ":", ".inf",
# ".nan" nor a "." first (".5" is a float, "-.5" text).  Its value is ``float(text)``, what
# SafeConstructor builds for it (tests/test_fastyaml_floats.py), when it is at most _MAX_TYPED
# characters long (longer numbers are left to the full loader).
_SIMPLE_FLOAT = re.compile(r"[-+]?[0-9]+\.[0-9]*(?:[eE][-+][0-9]+)?")
_MAX_TYPED = 64
_NOT_A_WORD: Any = object()
_NEW_KEY = -2  # a key `key_info` does not hold yet
_MAP = 0
_SEQ = 1

_Special = list[tuple[int, KeyPath, str, dict[str, Any]]]

_fallback: type[Exception] | None = None

# The heads of "key: value" lines the loop has read, as `str.partition(": ")` cuts them
# ("  key", "  - key"), and the whole of "key:" lines ("  key:"): (the indent of a line
# without "- ", else -2; the key; what `_LINE` finds before the key: spaces, "- ").
# A line with a head here is such a line, with that key, whatever its rest (`_LINE`
# reads a line's head alone), so the loop reads it without a regex.  Only the syntax is
# kept: what a key means (`key_info`) is looked up every time.
_Head = tuple[int, str, str, str]
_HEADS: dict[str, _Head] = {}
_OPENERS: dict[str, _Head] = {}
_NO_HEADS: dict[str, _Head] = {}  # never filled: for texts with "key:  value"
_HEADS_SIZE = 4096
_HEAD_MAX = 256
_SPACES = frozenset(" " * n for n in range(101))  # the indents a "- item" line is read at without a regex


# Whether ":  " is in a text: the regex finds it in half the time of `str.__contains__`,
# whose search stops at every space of the text.
_COLON_SPACES = re.compile(":  ").search


def _spaced(text: str) -> bool:
    """Whether a line of ``text`` has a space after its first ": " ("key:  value")."""
    pos = text.find(":  ")
    while pos >= 0:
        if text.find(": ", text.rfind("\n", 0, pos) + 1, pos) < 0:
            return True  # no ": " before this one on its line
        end = text.find("\n", pos)  # (the line's other ":  " are not its first ": ")
        if end < 0:
            return False
        pos = text.find(":  ", end)
    return False


def _remember(heads: dict[str, _Head], head: str, key: str, spaces: str, dash: str) -> None:
    """Put ``head`` in ``heads`` (`_HEADS` or `_OPENERS`); emptied when full, so that a
    file of many odd keys does not keep it full for good.  Long heads (keys longer than
    any text key the fast path takes, deep indents) are not kept."""
    if len(head) > _HEAD_MAX:
        return
    if len(heads) >= _HEADS_SIZE:
        heads.clear()
    heads[head] = (-2 if dash else len(spaces), key, spaces, dash)


def set_fallback(cls: type[Exception], /) -> None:
    """The exception class that means "use the full loader" (required before `parse_subset`)."""
    global _fallback
    if not (isinstance(cls, type) and issubclass(cls, BaseException)):
        raise TypeError("set_fallback() takes an exception class")
    _fallback = cls


def _holdable(text: str) -> bool:
    """Whether ``_OUTSIDE`` matches no character of ``text`` (tests/rules/test_fast.py proves it)."""
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
    if b"\xe2" in rest and ("\u2028" in text or "\u2029" in text):  # (faster on the text than on bytes)
        return False
    return b"\xef" not in rest or _BOM_NONCHAR_UTF8.search(raw) is None


def _block_scalar(
    raw: list[str], n: int, header: str, base: int, check_len: bool, max_len: int, fallback: type[Exception]
) -> tuple[str, int]:
    """The block scalar whose header ``header`` ends line ``n`` of ``raw`` (the text's lines) in a
    mapping at indent ``base``: its value and how many lines it takes after the header.

    Only the regular forms: blank lines empty, no line of spaces only, no more-indented
    lines in a folded scalar, some text, and every line as PyYAML's scanner reads it.
    """
    m = _BLOCK_HEADER.fullmatch(header)
    if m is None:
        raise fallback
    style, chomp, increment, chomp_after = m.groups()
    if chomp and chomp_after:
        raise fallback
    chomp = chomp or chomp_after
    last = len(raw) - 1  # raw[last] is what follows the last line break ("" when the text ends with one)
    j = n + 1
    lead = 0
    while j < last and not raw[j]:
        lead += 1
        j += 1
    if j > last or (j == last and not raw[j]):
        raise fallback  # nothing but blank lines: an empty scalar
    first = raw[j]
    found = len(first) - len(first.lstrip(" "))
    indent = base + int(increment) if increment else found
    if found < indent or indent <= base or found == len(first):
        raise fallback  # an empty scalar, or a line of spaces
    folded = style == ">"
    parts: list[str] = ["\n" * lead] if lead else []
    gap = -1  # blank lines since the last line of text; -1: none yet
    end = j
    while j <= last:
        line = raw[j]
        if not line:
            if j == last:
                break
            if gap >= 0:
                gap += 1
            j += 1
            continue
        spaces = len(line) - len(line.lstrip(" "))
        if spaces == len(line):
            raise fallback  # a line of spaces
        if spaces < indent:
            break
        content = line[indent:]
        if folded and content[0] == " ":
            raise fallback  # a more-indented line keeps its breaks
        if gap > 0:
            parts.append("\n" * (gap if folded else gap + 1))
        elif gap == 0:
            parts.append(" " if folded else "\n")
        parts.append(content)
        gap = 0
        end = j
        j += 1
    if chomp != "-" and end < last:
        parts.append("\n")  # the last line's break ("" at the end of the text)
        if chomp == "+":
            # the blank lines after it, up to the next line or the end
            k = end + 1
            while k < last and not raw[k]:
                parts.append("\n")
                k += 1
    value = "".join(parts)
    if check_len and len(value) > max_len:
        raise fallback
    return value, end - n


def parse_subset(
    text: str,
    max_depth: int,
    key_info: dict[str, int],
    key_info_of: Callable[[str], int],
    scalar: Callable[..., Any],
    flow: Callable[..., Any],
    max_len: int,
    typed: list[str] | None = None,
    /,
) -> tuple[dict[str, Any], list[dict[str, Any]], _Special] | None:
    """`articlekit._speedups.parse_subset` in Python: the same arguments, the same answers.

    `None` (a character the fast path does not take, or no mapping at all),
    `(root, mappings, special)`, or the class given to `set_fallback` raised.
    With a `typed` list, `scalar` and `flow` are called as ``scalar(rest, max_len, typed)``,
    and the loop appends to it the text of each yes, no, on or off (`_ODD_WORDS`) and of
    each float (`_SIMPLE_FLOAT`: ``4.632458``) it reads itself (see `_speedups.c`): with the
    callbacks' texts, every plain scalar that YAML 1.1 may read as other than it looks.
    """
    if typed is None:  # (the loop calls them with `typed`, as the fast path gives it)
        scalar, flow = _dropping(scalar), _dropping(flow)
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if not _holdable(text):
        return None
    fallback = _fallback
    if fallback is None:
        raise RuntimeError("set_fallback() was not called")
    lines = text.split("\n")
    # No scalar can be longer than the text: most texts need no length check.
    check_len = len(text) > max_len
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
    maybe_typed = _MAYBE_TYPED
    indicators = _INDICATORS
    words = _WORDS
    word_letters = _WORD_LETTERS
    not_a_word = _NOT_A_WORD
    decimal = _DECIMAL.fullmatch
    simple_float = _SIMPLE_FLOAT.fullmatch
    new_key = _NEW_KEY
    # the last continued plain scalar: (the index of its last line, its text so far, its key)
    continued: tuple[int, str, str] | None = None
    after_block = -1  # the index of the line after the last block scalar
    # The indent of the mapping a "key: value" line continues (-1: none; a value is pending,
    # or a sequence is open): such a line whose head is in `heads` is read at once.
    common = -1
    # "key:  value" (more spaces) leaves a line's rest with spaces that `_LINE` would eat.
    heads, openers = (_NO_HEADS, _NO_HEADS) if _COLON_SPACES(text) and _spaced(text) else (_HEADS, _OPENERS)
    it = iter(lines)

    for line in it:
        head, _, rest = line.partition(": ")
        got = heads.get(head) if rest else openers.get(line)
        if got is not None and got[0] == common:
            key = got[1]  # the common line: "key: value" (or "key:") in the open mapping
        else:
            if got is not None:
                _, key, spaces, dash = got  # a line whose head was read before
                fresh = False
            elif not line:
                continue
            else:
                spaces, dash, rest = line.partition("- ")
                fresh = not (dash and spaces in _SPACES and ":" not in rest and rest[:1] != " ")
                if fresh:
                    spaces, dash, key, rest = _LINE.match(line).groups()  # type: ignore[union-attr]
                    if not key and ":" in rest:
                        key, rest = _split_key(rest, fallback)  # a key with spaces, punctuation or quotes
                else:
                    key = ""  # "- item" (no ":"), as `_LINE` reads it
            if not dash and not key:
                if not rest or rest[0] == "#":
                    continue  # blank line or full-line comment
                # a line that continues a plain scalar, or something else
                number = len(lines) - length_hint(it) - 1  # this line's index
                so_far = _continuable(
                    lines, number, after_block, continued, top_indent, len(spaces), rest, fallback
                )
                if so_far is None:
                    raise fallback
                origin_key = so_far[1]
                joined = f"{so_far[0]} {rest.rstrip(' ')}"
                if check_len and len(joined) > max_len:
                    raise fallback
                value = scalar(joined, max_len, typed) if joined[0] in maybe_typed else joined
                if origin_key:
                    top[origin_key] = value
                else:
                    top[-1] = value  # "- text"
                continued = (number, joined, so_far[1])
                continue
            indent = len(spaces)
            common = -1  # (until the line is read: it may open or close collections)
            if root is None:
                if dash or indent:
                    raise fallback  # a list at the top (an issue), or an indented root
                root = {}
                mappings.append(root)
                stack.append((0, _MAP, root, ()))
                top_indent, top_kind, top, top_path = 0, _MAP, root, ()

            if pending is not None:
                parent, pkey, pindent, ppath = pending
                pending = None
                if indent > pindent or (indent == pindent and dash):
                    if len(stack) >= max_depth:
                        raise fallback
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
                    raise fallback
                top_indent, top_kind, top, top_path = stack[-1]
                if top_indent != indent:
                    raise fallback

            if dash:
                if top_kind != _SEQ:
                    raise fallback
                if key:
                    # "- key: ..." starts a mapping item at the key's column
                    if len(stack) >= max_depth:
                        raise fallback
                    item: dict[str, Any] = {}
                    top_path = (*top_path, len(top))
                    top.append(item)
                    mappings.append(item)
                    top_indent = indent + len(dash)
                    top_kind = _MAP
                    top = item
                    stack.append((top_indent, _MAP, item, top_path))
                else:
                    if not rest or rest[0] == "#":
                        raise fallback  # "-" with the item on the next lines
                    first = rest[0]
                    if (first not in maybe_typed and first not in indicators) or (
                        first in word_letters and rest.rstrip(" ") not in words
                    ):
                        # the common case: a plain string
                        value = rest.rstrip(" ")
                        if " #" in value:
                            value = value[: value.index(" #")].rstrip(" ")  # a comment
                        if ": " in value or value[-1] == ":" or (check_len and len(value) > max_len):
                            raise fallback
                        if value in words:
                            if typed is not None and value in _ODD_WORDS:
                                typed.append(value)
                            value = words[value]  # "no # comment"
                        top.append(value)
                    elif first in "[{" and len(stack) < max_depth:
                        value = flow(rest, max_len, typed)  # "- []", "- {}", "- [a, b]", "- {a: b}"
                        if value:
                            _nested(value, mappings, max_depth - len(stack), fallback)
                        top.append(value)
                    else:
                        value = rest.rstrip(" ")
                        if (
                            len(value) <= _MAX_TYPED
                            and simple_float(value) is not None
                            and not (check_len and len(value) > max_len)
                        ):
                            top.append(float(value))  # "- 4.5", as `scalar` reads it
                            if typed is not None:
                                typed.append(value)
                        else:
                            top.append(scalar(rest, max_len, typed))
                    continue
            elif top_kind != _MAP:
                raise fallback
            common = top_indent
            if fresh and line[len(head) + 2 :] == rest:  # `_LINE` read the line as partition() did
                _remember(_HEADS if rest else _OPENERS, head if rest else line, key, spaces, dash)

        # "key: rest" in the mapping `top`
        info = key_info.get(key, new_key)
        if info:  # not a plain text key (0): new, not text (-1) or one the index lists
            if info == new_key:
                info = key_info_of(key)
            if info < 0:
                raise fallback
            if info:
                special.append((info, top_path, key, top))
        if key in top:
            raise fallback
        if not rest:
            pending = (top, key, top_indent, top_path)
            common = -1
            continue
        first = rest[0]
        if first == '"':
            if rest[-1] == '"' and len(rest) > 1:  # (with spaces or a comment after it: `scalar`)
                body = rest[1:-1]
                if "\\" not in body and '"' not in body and not (check_len and len(body) > max_len):
                    top[key] = body
                    continue
            top[key] = scalar(rest, max_len, typed)
        elif first not in maybe_typed:
            if first in indicators:
                if first == "#":  # "key:  # comment": the value is on the next lines
                    pending = (top, key, top_indent, top_path)
                    common = -1
                elif first in "[{" and len(stack) < max_depth:
                    value = flow(rest, max_len, typed)  # "key: []", "key: {}", "key: [a, b]", "key: {a: b}"
                    if value:
                        _nested(value, mappings, max_depth - len(stack), fallback)
                    top[key] = value
                elif first in "|>":
                    number = len(lines) - length_hint(it) - 1  # this line's index
                    top[key], skip = _block_scalar(
                        lines, number, rest, top_indent, check_len, max_len, fallback
                    )
                    next(islice(it, skip - 1, None), None)  # the scalar's lines
                    after_block = number + skip + 1
                else:
                    top[key] = scalar(rest, max_len, typed)
                continue
            value = rest.rstrip(" ")
            if " #" in value:
                value = value[: value.index(" #")].rstrip(" ")  # a comment
            if ": " in value or value[-1] == ":" or (check_len and len(value) > max_len):
                raise fallback
            top[key] = value
        else:
            # true, false, null, a decimal integer: nothing else starts with these
            value = rest.rstrip(" ")
            if " #" in value:
                value = value[: value.index(" #")].rstrip(" ")  # a comment
            word = words.get(value, not_a_word)
            if word is not not_a_word:
                top[key] = word
                if typed is not None and value in _ODD_WORDS:
                    typed.append(value)
            elif decimal(value) is not None:
                top[key] = int(value)
            elif (
                len(value) <= _MAX_TYPED
                and simple_float(value) is not None
                and not (check_len and len(value) > max_len)
            ):
                top[key] = float(value)  # as `scalar` reads it (fastyaml._typed)
                if typed is not None:
                    typed.append(value)
            elif first in word_letters:  # not one of _WORDS: text
                if ": " in value or value[-1] == ":" or (check_len and len(value) > max_len):
                    raise fallback
                top[key] = value
            else:
                top[key] = scalar(value, max_len, typed)

    if pending is not None:
        pending[0][pending[1]] = None
    if root is None:
        return None
    return root, mappings, special


def _dropping(callback: Callable[[str, int], Any]) -> Callable[[str, int, None], Any]:
    """``callback``, called with a third argument (``typed``, `None`) that it does not take."""

    def call(rest: str, max_len: int, typed: None) -> Any:
        return callback(rest, max_len)

    return call


def _nested(value: Any, mappings: list[dict[str, Any]], room: int, fallback: type[Exception]) -> None:
    """List the mappings of a flow collection `flow` gave (``value``, not empty) in ``mappings``;
    ``room``: how many collections may still open, ``value`` included."""
    if room < 1:
        raise fallback
    if type(value) is dict:
        mappings.append(value)
        value = value.values()
    for item in value:
        if type(item) is dict or type(item) is list:
            _nested(item, mappings, room - 1, fallback)


def _split_key(rest: str, fallback: type[Exception]) -> tuple[str, str]:
    """``(key, rest)`` of a line's rest that starts with a `_KEY` (else ``("", rest)``)."""
    m = _KEY.match(rest)
    if m is None:
        return "", rest
    key = m[1] or m[2] or m[3]
    if not key:
        raise fallback  # "": the empty key (a null when plain)
    return key, rest[m.end() :]


def _continuable(
    lines: list[str],
    number: int,
    after_block: int,
    continued: tuple[int, str, str] | None,
    top_indent: int,
    indent: int,
    rest: str,
    fallback: type[Exception],
) -> tuple[str, str] | None:
    """The text so far of the plain scalar that line ``number`` (at ``indent``, its text
    ``rest``) continues, and its key (``""``: it is the last item of a sequence); or
    `None` (then the line is something the fast path does not take).

    Only a plain scalar written without a comment continues, onto the next line when it
    holds plain text indented deeper than the collection that holds the scalar.
    """
    if indent <= top_indent or rest[0] in _INDICATORS or number == after_block or number == 0:
        return None  # (the line before the one after a block scalar is the scalar's)
    text = rest.rstrip(" ")
    if ": " in text or " #" in text or text[-1] == ":":
        return None
    if continued is not None and continued[0] == number - 1:
        return continued[1], continued[2]
    _, dash, key, first_rest = _LINE.match(lines[number - 1]).groups()  # type: ignore[union-attr]
    if not key and ":" in first_rest:
        key, first_rest = _split_key(first_rest, fallback)
    if not (dash or key) or not first_rest:
        return None  # a blank or comment line, a "key:" with its value below
    first = first_rest.rstrip(" ")
    if first[0] in _INDICATORS or " #" in first or ": " in first or first[-1] == ":":
        return None  # quoted, flow, block, commented, or not a scalar the fast path took
    return first, key


def index_of(
    mappings: list[dict[str, Any]], special: _Special, typed_texts: list[str] | None, /
) -> DataIndex:
    """`articlekit._speedups.index_of` in Python: `articlekit._dataindex.index_of` itself."""
    return _index_of(mappings, special, typed_texts)
