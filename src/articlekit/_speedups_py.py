"""The fast YAML path's line loop in pure Python: the twin of `articlekit._speedups`.

`parse_subset` and `set_fallback` take exactly the arguments of the C
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
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice
from operator import length_hint
from typing import Any

from .issues import KeyPath

__all__ = ["parse_subset", "set_fallback"]

# One line: indent, an optional "- " item indicator, an optional plain word key with
# its ":", and the rest of the line.  Every line matches (all parts are optional), so
# findall() cuts the whole text into lines in C.  Other keys are found by _KEY in the rest.
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
_DECIMAL = re.compile(r"[1-9][0-9]{0,17}|0")
_NOT_A_WORD: Any = object()
_MAP = 0
_SEQ = 1

_Special = list[tuple[int, KeyPath, str, dict[str, Any]]]
_Line = tuple[str, str, str, str]  # what _LINE finds in a line

_fallback: type[Exception] | None = None


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
    if b"\xe2" in rest and (b"\xe2\x80\xa8" in raw or b"\xe2\x80\xa9" in raw):
        return False  # U+2028, U+2029
    # U+FEFF, U+FFFE, U+FFFF
    return not (
        b"\xef" in rest and (b"\xef\xbb\xbf" in raw or b"\xef\xbf\xbe" in raw or b"\xef\xbf\xbf" in raw)
    )


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
    scalar: Callable[[str, int], Any],
    flow: Callable[[str, int], Any],
    max_len: int,
    /,
) -> tuple[dict[str, Any], list[dict[str, Any]], _Special] | None:
    """`articlekit._speedups.parse_subset` in Python: the same arguments, the same answers.

    `None` (a character the fast path does not take, or no mapping at all),
    `(root, mappings, special)`, or the class given to `set_fallback` raised.
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if not _holdable(text):
        return None
    fallback = _fallback
    if fallback is None:
        raise RuntimeError("set_fallback() was not called")
    lines = _LINE.findall(text)
    raw: list[str] | None = None  # the text's lines, split when a block scalar needs them
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
    # the last continued plain scalar: (its last line, its text so far, the line of its key or item)
    continued: tuple[_Line, str, str] | None = None
    after_block = -1  # the index of the line after the last block scalar
    it = iter(lines)

    for spaces, dash, key, rest in it:
        if key and not dash and pending is None and top_kind == _MAP and len(spaces) == top_indent:
            pass  # the common line: "key: value" in the open mapping
        else:
            if not key and ":" in rest:
                key, rest = _split_key(rest, fallback)  # a key with spaces, punctuation or quotes
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
                value = scalar(joined, max_len) if joined[0] in maybe_typed else joined
                if origin_key:
                    top[origin_key] = value
                else:
                    top[-1] = value  # "- text"
                continued = (lines[number], joined, so_far[1])
                continue
            indent = len(spaces)
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
                            value = words[value]  # "no # comment"
                        top.append(value)
                    elif first in "[{" and len(stack) < max_depth:
                        value = flow(rest, max_len)  # "- []", "- {}", "- [a, b]", "- {a: b}"
                        if value:
                            _nested(value, mappings, max_depth - len(stack), fallback)
                        top.append(value)
                    else:
                        top.append(scalar(rest, max_len))
                    continue
            elif top_kind != _MAP:
                raise fallback

        # "key: rest" in the mapping `top`
        info = key_info.get(key)
        if info is None:
            info = key_info_of(key)
        if key in top or info < 0:
            raise fallback
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
                if first == "#":  # "key:  # comment": the value is on the next lines
                    pending = (top, key, top_indent, top_path)
                elif first in "[{" and len(stack) < max_depth:
                    value = flow(rest, max_len)  # "key: []", "key: {}", "key: [a, b]", "key: {a: b}"
                    if value:
                        _nested(value, mappings, max_depth - len(stack), fallback)
                    top[key] = value
                elif first in "|>":
                    if raw is None:
                        raw = text.split("\n")
                    number = len(lines) - length_hint(it) - 1  # this line's index
                    top[key], skip = _block_scalar(
                        raw, number, rest, top_indent, check_len, max_len, fallback
                    )
                    next(islice(it, skip - 1, None), None)  # the scalar's lines
                    after_block = number + skip + 1
                else:
                    top[key] = scalar(rest, max_len)
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
            elif decimal(value) is not None:
                top[key] = int(value)
            elif first in word_letters:  # not one of _WORDS: text
                if ": " in value or value[-1] == ":" or (check_len and len(value) > max_len):
                    raise fallback
                top[key] = value
            else:
                top[key] = scalar(value, max_len)

    if pending is not None:
        pending[0][pending[1]] = None
    if root is None:
        return None
    return root, mappings, special


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
    lines: list[_Line],
    number: int,
    after_block: int,
    continued: tuple[_Line, str, str] | None,
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
    previous = lines[number - 1]
    if continued is not None and continued[0] is previous:
        return continued[1], continued[2]
    _, dash, key, first_rest = previous
    if not key and ":" in first_rest:
        key, first_rest = _split_key(first_rest, fallback)
    if not (dash or key) or not first_rest:
        return None  # a blank or comment line, a "key:" with its value below
    first = first_rest.rstrip(" ")
    if first[0] in _INDICATORS or " #" in first or ": " in first or first[-1] == ":":
        return None  # quoted, flow, block, commented, or not a scalar the fast path took
    return first, key
