"""Fuzz cases for `articlekit.fuzz`.

The seed documents, the mutators, generated documents and `case`, which builds
case `i` of a run from its own random generator.
"""

from __future__ import annotations

import base64
import random
import re
from collections.abc import Callable, Sequence
from typing import Any

import yaml

from ._fuzzseeds import (
    _CHARS,
    _KEYS,
    _SECURED,
    _SNIPPETS,
    SEEDS,
    SMALL_LIMITS,
)
from .limits import DEFAULT_LIMITS, Limits
from .positions import BREAK as _BREAK

_Chooser = random.Random


# -- mutators ---------------------------------------------------------------


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _bytes_of(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogatepass")


def _text_of(data: bytes) -> str:
    return data.decode("utf-8", errors="surrogateescape")


def _flip_bytes(text: str, rng: _Chooser) -> str:
    data = bytearray(_bytes_of(text))
    if not data:
        return text
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(data))
        data[i] ^= 1 << rng.randrange(8)
    return _text_of(bytes(data))


def _truncate(text: str, rng: _Chooser) -> str:
    return text[: rng.randrange(len(text) + 1)]


def _delete_line(text: str, rng: _Chooser) -> str:
    lines = _lines(text)
    if lines:
        del lines[rng.randrange(len(lines))]
    return "".join(lines)


def _duplicate_line(text: str, rng: _Chooser) -> str:
    lines = _lines(text)
    if lines:
        i = rng.randrange(len(lines))
        lines[i:i] = [lines[i]] * rng.randint(1, 3)
    return "".join(lines)


def _swap_lines(text: str, rng: _Chooser) -> str:
    lines = _lines(text)
    if len(lines) > 1:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return "".join(lines)


def _indent(text: str, rng: _Chooser) -> str:
    lines = _lines(text)
    if not lines:
        return text
    i = rng.randrange(len(lines))
    line = lines[i]
    roll = rng.random()
    if roll < 0.35:
        lines[i] = " " * rng.randint(1, 4) + line
    elif roll < 0.6:
        lines[i] = line[len(line) - len(line.lstrip(" ")) :] if line.startswith(" ") else line[1:]
    elif roll < 0.85:
        stripped = line.lstrip(" ")
        lines[i] = "\t" * max(1, (len(line) - len(stripped)) // 2) + stripped
    else:
        lines[i] = line.replace(": ", ":\t", 1)
    return "".join(lines)


def _swap_quotes(text: str, rng: _Chooser) -> str:
    spots = [i for i, c in enumerate(text) if c in "\"'"]
    if not spots:
        return text
    i = rng.choice(spots)
    replacement = rng.choice(("'", '"', "", '""', "\\", "`"))
    return text[:i] + replacement + text[i + 1 :]


def _change_newlines(text: str, rng: _Chooser) -> str:
    roll = rng.random()
    target = rng.choice(("\n", "\r\n", "\r"))
    if roll < 0.3:
        return _BREAK.sub(target, text)
    breaks = [m.start() for m in re.finditer(r"\n", text)]
    if not breaks:
        return text
    i = rng.choice(breaks)
    return text[:i] + rng.choice(("\r\n", "\r", "\n\n", "\x85", "\u2028", "")) + text[i + 1 :]


def _insert_snippet(text: str, rng: _Chooser) -> str:
    i = rng.randrange(len(text) + 1)
    return text[:i] + rng.choice(_SNIPPETS) + text[i:]


def _insert_char(text: str, rng: _Chooser) -> str:
    i = rng.randrange(len(text) + 1)
    return text[:i] + rng.choice(_CHARS) * rng.randint(1, 3) + text[i:]


def _replace_value(text: str, rng: _Chooser) -> str:
    spots = [m.end() for m in re.finditer(r": ", text)]
    if not spots:
        return text
    i = rng.choice(spots)
    end = text.find("\n", i)
    end = len(text) if end < 0 else end
    value = rng.choice(
        (
            rng.choice(_SNIPPETS),
            str(rng.randint(-(10**6), 10**6)),
            repr(rng.random()),
            '"' + "x" * rng.randint(0, 80) + '"',
            "[" + ", ".join(rng.choice(_SNIPPETS[:6] + ("a", "1")) for _ in range(rng.randint(0, 4))) + "]",
            "{}",
            "[]",
            "",
        )
    )
    return text[:i] + value + text[end:]


def _alias_bomb(text: str, rng: _Chooser) -> str:
    depth = rng.randint(2, 9)
    lines = ['l0: &l0 "lol"']
    lines += [f"l{k}: &l{k} [" + ", ".join([f"*l{k - 1}"] * 9) + "]" for k in range(1, depth)]
    at = text.find("\n") + 1
    return text[:at] + "\n".join(lines) + "\n" + text[at:]


def _deep_nesting(text: str, rng: _Chooser) -> str:
    n = rng.choice((10, 70, 1001, 3000))
    opener = rng.choice(("[", "{a: ", "[ ", "- "))
    i = rng.randrange(len(text) + 1)
    return text[:i] + opener * n + text[i:]


def _repeat_block(text: str, rng: _Chooser) -> str:
    lines = _lines(text)
    if not lines:
        return text
    i = rng.randrange(len(lines))
    j = min(len(lines), i + rng.randint(1, 5))
    return "".join(lines[:j] + lines[i:j] * rng.randint(2, 40) + lines[j:])


def _splice(text: str, rng: _Chooser) -> str:
    other = rng.choice(SEEDS)
    a = rng.randrange(len(other) + 1)
    b = min(len(other), a + rng.randint(1, 200))
    i = rng.randrange(len(text) + 1)
    return text[:i] + other[a:b] + text[i:]


MUTATORS: dict[str, Callable[[str, random.Random], str]] = {
    "flip_bytes": _flip_bytes,
    "truncate": _truncate,
    "delete_line": _delete_line,
    "duplicate_line": _duplicate_line,
    "swap_lines": _swap_lines,
    "indent": _indent,
    "swap_quotes": _swap_quotes,
    "change_newlines": _change_newlines,
    "insert_snippet": _insert_snippet,
    "insert_char": _insert_char,
    "replace_value": _replace_value,
    "alias_bomb": _alias_bomb,
    "deep_nesting": _deep_nesting,
    "repeat_block": _repeat_block,
    "splice": _splice,
}
"""Every mutation, by name: ``f(text, rng) -> text``.  Byte flips may leave
invalid UTF-8, carried as surrogate escapes (`case` turns them back into bytes)."""

_WEIGHTS = dict.fromkeys(MUTATORS, 1.0) | {
    "insert_snippet": 4,
    "replace_value": 3,
    "flip_bytes": 2,
    "insert_char": 2,
    "alias_bomb": 0.3,
    "deep_nesting": 0.3,
}


def mutate(text: str, rng: random.Random, *, steps: int | None = None) -> str:
    """Apply one to four (or ``steps``) random mutations to ``text``."""
    names = list(MUTATORS)
    weights = [_WEIGHTS[n] for n in names]
    for _ in range(steps if steps is not None else rng.choice((1, 1, 2, 2, 3, 4))):
        text = MUTATORS[rng.choices(names, weights)[0]](text, rng)
    return text


# -- generated documents ----------------------------------------------------


def _random_scalar(rng: random.Random) -> Any:
    kind = rng.randrange(9)
    if kind == 0:
        return rng.randint(-5, 5000)
    if kind == 1:
        return rng.random() * 100
    if kind == 2:
        return rng.choice((True, False, None))
    if kind == 3:
        return rng.choice(("https://example.com/a", "/site/path-10x20.png", "http://x", "ftp://y"))
    if kind == 4:
        return rng.choice(("2020-02-29T13:41:00Z", "2020-02-30", "yesterday"))
    if kind == 5:
        return "".join(rng.choice("ab é\"'\\:#-[]{},&*!|>%@`\t\n") for _ in range(rng.randint(0, 30)))
    if kind == 6:
        return _SECURED
    if kind == 7:
        return base64.b64encode(rng.randbytes(rng.choice((0, 15, 16, 32)))).decode()
    return rng.choice(_KEYS)


def _random_value(rng: random.Random, depth: int) -> Any:
    roll = rng.random()
    if depth < 4 and roll < 0.15:
        return [_random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if depth < 4 and roll < 0.3:
        return {rng.choice(_KEYS): _random_value(rng, depth + 1) for _ in range(rng.randint(0, 5))}
    return _random_scalar(rng)


def generate_document(rng: random.Random) -> str:
    """A random front-matter file: format keys with values of random types and styles."""
    data = {rng.choice(_KEYS): _random_value(rng, 0) for _ in range(rng.randint(0, 14))}
    yaml_text = yaml.safe_dump(
        data,
        default_flow_style=rng.choice((False, None, True)),
        allow_unicode=rng.random() < 0.5,
        default_style=rng.choice((None, None, '"', "'")),
        width=rng.choice((80, 20, 1000)),
        sort_keys=False,
    )
    newline = rng.choice(("\n", "\n", "\r\n"))
    text = "---\n" + yaml_text + "---\n" + rng.choice(("", "Body.\n", "<p>x</p>\n"))
    return text.replace("\n", newline) if newline != "\n" else text


# -- one case ---------------------------------------------------------------


def case(seed: int, index: int, seeds: Sequence[str] = SEEDS) -> tuple[str | bytes, Limits]:
    """The input and limits of case ``index`` of a run with ``seed`` (deterministic)."""
    rng = random.Random(f"{seed}:{index}")
    base = generate_document(rng) if rng.random() < 0.3 else rng.choice(seeds)
    text = mutate(base, rng)
    limits = SMALL_LIMITS if rng.random() < 0.15 else DEFAULT_LIMITS
    if rng.random() < 0.5:
        try:  # invalid UTF-8 from byte flips becomes raw bytes again
            return text.encode("utf-8", errors="surrogateescape"), limits
        except UnicodeEncodeError:  # other lone surrogates
            return _bytes_of(text), limits
    return text, limits
