"""A mutation fuzzer for the never-crash guarantee.

articlekit reads files that strangers wrote.  This module mutates real and
generated front-matter files the ways files get broken or crafted — byte
flips, truncation, deleted and duplicated lines, indentation and tab changes,
swapped quotes, changed newlines, inserted YAML syntax (anchors, aliases,
tags, flow brackets, merge keys) and hostile characters — and checks each
result against the guarantees:

* [`articlekit.check`][articlekit.check] never raises;
* [`articlekit.loads`][articlekit.loads] and [`articlekit.parse`][articlekit.parse] raise only
  [`ArticleKitError`][articlekit.ArticleKitError] subclasses, whose text renders;
* every issue has a registered code, a line and a column inside the file;
* a ``secured`` value (at any depth, also one kept as an unknown key) never
  appears whole in a message, an exception's text, or the ``repr`` or ``str``
  of a document or its model;
* when the writer is present, what it writes loads back to the same data.

The long run (the figures in ``SECURITY.md`` come from it):

```sh
python -m articlekit.fuzz --count 100000 --seed 1 --corpus tests/data
```

Each case ``i`` of a run with seed ``S`` is generated from its own random
generator, so ``--seed S --index i`` replays exactly that case (``--index``
takes several), and ``--start i`` begins a run there.  Any failure
is written to ``--out`` (default ``fuzz-failures/``) as a reproducer file, with
a one-line Python command that shows the exception.

The same mutators drive the Hypothesis tests in ``tests/fuzz/``:

>>> import random
>>> text = mutate(SEEDS[0], random.Random(0))
>>> check_input(text) is None
True
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import re
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import api, fastyaml, yamlsafe
from ._mask import secured_in
from .errors import ArticleKitError
from .issues import CODES, Issue
from .limits import DEFAULT_LIMITS, Limits
from .positions import BREAK as _BREAK
from .splitter import decode, split_front_matter

__all__ = [
    "MUTATORS",
    "SEEDS",
    "SMALL_LIMITS",
    "FuzzFailure",
    "FuzzStats",
    "case",
    "check_input",
    "generate_document",
    "main",
    "mutate",
    "run",
]

_SECURED = (
    "yUdXMcbhJtVMwf0WPhGWGvPqbgqzPPSnD6iIC5k1NW+jFV3iGqb5i4LFZ3XYYbn2o9p4BrZzcoQIVK3L1CQc3Q==;"
    "AAECAwQFBgcICQoLDA0ODw=="
)

SEEDS: tuple[str, ...] = (
    "---\n"
    'title: "Finland is using prisoners to train AI"\n'
    'excerpt: "Inmates label data for a start-up ..."\n'
    "publishedDateTime: 2019-03-28T15:21:00Z\n"
    'originalUrl: "https://www.theverge.com/2019/3/28/finland-prisons-ai"\n'
    'webUrl: "https://www.theverge.com/2019/3/28/finland-prisons-ai"\n'
    'ampWebUrl: "https://www.theverge.com/platform/amp/2019/3/28/finland-prisons-ai"\n'
    'cdnAmpWebUrl: "https://www-theverge-com.cdn.ampproject.org/c/s/www.theverge.com/platform/amp/'
    '2019/3/28/finland-prisons-ai"\n'
    "type: article\n"
    "quality: 66\n"
    "heat: 80\n"
    "published: true\n"
    "category: news\n"
    "\n"
    "provider:\n"
    '  name: "The Verge"\n'
    '  domain: "theverge.com"\n'
    "  images:\n"
    '    - url: "https://cdn.example.com/theverge.com-50x50.jpg"\n'
    "      width: 50\n"
    "      height: 50\n"
    "\n"
    "topics:\n"
    "  - AI\n"
    "  - Prisons\n"
    "\n"
    "images:\n"
    '  - url: "https://cdn.vox-cdn.com/thumbor/fin-1200x800.jpg"\n'
    "    width: 1200\n"
    "    height: 800\n"
    "    isCached: true\n"
    "\n"
    "related:\n"
    '  - title: "A related story"\n'
    '    excerpt: "More of it"\n'
    "    publishedDateTime: 2019-03-27T10:00:00Z\n"
    '    webUrl: "https://example.com/related"\n'
    "    type: article\n"
    "    quality: 50\n"
    "    provider:\n"
    '      name: "Example"\n'
    '      domain: "example.com"\n'
    "\n"
    f'secured: "{_SECURED}"\n'
    "---\n"
    "\n"
    "Body text with *Markdown*.\n",
    "---\r\n"
    "category: news\r\n"
    'title: "CRLF file"\r\n'
    "publishedDateTime: 2020-02-29T13:41:00Z\r\n"
    'originalUrl: "https://example.com/a"\r\n'
    "topics: [AI, Cloud]\r\n"
    f'secured: "{_SECURED}"\r\n'
    "---\r\n",
    "---\n"
    "type: video\n"
    'title: "A video"\n'
    "length: PT13M34S\n"
    "price: 0\n"
    "provider: {name: X, domain: x.com, authors: [{name: Ann}]}\n"
    "ratings: {count: 3, average: 4.5}\n"
    "levels: [beginner]\n"
    "---\n",
    "\ufeff---\n"
    "category: news\n"
    "base: &b\n"
    "  name: Shared\n"
    "  domain: shared.example\n"
    "provider:\n"
    "  <<: *b\n"
    "  name: Override\n"
    "excerpt: |\n"
    "  line one\n"
    "  line two\n"
    "note: >-\n"
    "  folded\n"
    "  text\n"
    "heat: 10:00\n"
    "flag: yes\n"
    "when: 2020-01-01\n"
    "---\n"
    "# Body\n",
)
"""Built-in seed files: a news item, a CRLF file, another kind, and YAML features."""

SMALL_LIMITS = Limits(
    max_bytes=4096,
    max_depth=4,
    max_aliases=3,
    max_alias_expansion=40,
    max_keys=8,
    max_string_length=64,
)
"""Tight limits, used for some cases so that every limit is reached often."""

_SNIPPETS = (
    "&a ",
    "*a",
    "&a [*a, *a]",
    "*b",
    "<<: *a",
    "<<: [*a, *a]",
    "<<: 1",
    "!!python/object/apply:os.system ['echo pwned']",
    "!!python/name:os.system",
    "!!python/object/new:subprocess.Popen [['true']]",
    "!foo ",
    "!<tag:yaml.org,2002:str> ",
    "!!binary aGk=",
    "!!int ",
    "!!float ",
    "!!bool ",
    "!!null ",
    "!!timestamp ",
    "!!str ",
    "!!map ",
    "!!seq ",
    "!!set ",
    "[",
    "]",
    "{",
    "}",
    "[[[[[[[[",
    "{a: {b: {c: ",
    "? ",
    "? [a, b]\n: c",
    "- ",
    ": ",
    ", ",
    "# comment",
    "|",
    ">-",
    "|2-",
    "---",
    "--- x",
    "...",
    "%YAML 1.1\n",
    "%TAG ! tag:example.com,2000:\n",
    '"',
    "'",
    "\\",
    '"\\u0000\\x1b\\N"',
    '"\\ud800"',
    "@",
    "`",
    "2021-02-29T13:41:00Z",
    "2020-13-45",
    "10:00",
    "1:2:3:4:5:6:7:8:9:10:11:12:13:14:15:16:17:18:19:20:21:22:23:24:25:26:27:28:29:30:31:32:33",
    "0b" + "1" * 50,
    "0x_",
    "1e999",
    ".nan",
    "-.inf",
    "yes",
    "~",
    "null",
    "''",
    '""',
    "title: again",
    "secured: again",
    "related:\n  - related: [1]",
    "images:\n  - {url: /x-10x20.jpg, width: 10, height: 20}",
    "\t",
    "  ",
    "\n",
)
_CHARS = (
    "\x00",
    "\ufeff",
    "\ud800",
    "\udfff",
    "\x85",
    "\u2028",
    "\u2029",
    "\x1b",
    "\x0c",
    "\x7f",
    "\x9b",
    "\ufffe",
    "\t",
    "\r",
    "\r\n",
    "\n",
    "\u00e9",
    "\U0001f600",
    "\u200b",
    "\ufffd",
)
_KEYS = (
    "title",
    "excerpt",
    "publishedDateTime",
    "originalUrl",
    "webUrl",
    "ampWebUrl",
    "cdnAmpWebUrl",
    "type",
    "quality",
    "heat",
    "published",
    "category",
    "featuredContent",
    "provider",
    "topics",
    "images",
    "related",
    "secured",
    "price",
    "length",
    "ratings",
    "levels",
    "items",
    "name",
    "domain",
    "url",
    "width",
    "height",
)

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


@dataclass(frozen=True)
class FuzzFailure:
    """A broken guarantee: which one, and the traceback or details."""

    kind: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.detail}"


_SECURED_LINE = re.compile(r'^[ \t]*(?:-[ \t]+)?secured:[ \t]*"?([A-Za-z0-9+/=;]{44,})"?[ \t]*$', re.M)


def _text(data: str | bytes) -> str:
    return data if isinstance(data, str) else data.decode("utf-8", errors="replace")


def _secured_in(data: str | bytes) -> str | None:
    """A ``secured`` value (at any depth) written plainly in ``data``, even when the file does not load."""
    m = _SECURED_LINE.search(_text(data))
    return m.group(1) if m else None


def _issue_problem(issue: Issue, lines: list[str] | None) -> str | None:
    if not isinstance(issue, Issue):
        return f"not an Issue: {issue!r}"
    if issue.code not in CODES:
        return f"unregistered code {issue.code}"
    if issue.severity not in ("error", "warning"):
        return f"bad severity {issue.severity!r}"
    if not isinstance(issue.message, str) or not issue.message:
        return "empty message"
    if not isinstance(issue.path, tuple) or not all(isinstance(p, str | int) for p in issue.path):
        return f"bad path {issue.path!r}"
    if not (isinstance(issue.line, int) and isinstance(issue.column, int)):
        return "line or column is not an int"
    if issue.line < 1 or issue.column < 1:
        return f"position {issue.line}:{issue.column} is below 1:1"
    if lines is not None:
        if issue.line > len(lines):
            return f"line {issue.line} is past the end of the file ({len(lines)} lines)"
        if issue.column > len(lines[issue.line - 1]) + 1:
            return f"column {issue.column} is past the end of line {issue.line}"
    return None


def _writer(name: str) -> Callable[..., str] | None:
    """``articlekit.dumps`` or ``articlekit.format``, when the writer is installed."""
    import articlekit

    function = getattr(articlekit, name, None)
    return function if callable(function) else None


def check_input(data: str | bytes, limits: Limits = DEFAULT_LIMITS) -> FuzzFailure | None:
    """Run ``data`` through every entry point; the first broken guarantee, or ``None``."""
    return _examine(data, limits)[0]


def _examine(data: str | bytes, limits: Limits) -> tuple[FuzzFailure | None, list[Issue]]:
    try:
        issues = api.check(data, limits=limits)
    except Exception:
        return FuzzFailure("check() raised", traceback.format_exc()), []
    return _examine_rest(data, limits, issues), issues


def _parsers_agree(data: str | bytes, limits: Limits) -> FuzzFailure | None:
    """The C accelerator (when in use) and the pure-Python loop answer alike for the front matter."""
    if "c" not in fastyaml.IMPLEMENTATIONS:
        return None
    try:
        text = split_front_matter(data, limits).front_matter
    except Exception:
        return FuzzFailure("split_front_matter() raised", traceback.format_exc())
    if text is None or len(text) > limits.max_string_length or text.count("\n") >= limits.max_keys:
        return None  # such texts take the Python loop anyway

    def shape(implementation: str) -> str:
        answer = fastyaml.parse_with(implementation, text, limits)
        if answer.verdict != "ok" or answer.data is None:
            return answer.verdict if answer.verdict != "ok" else "none"
        special = [(i, p, k, list(m)) for i, p, k, m in answer.special]
        return repr((answer.data, [list(m) for m in answer.mappings], special))

    try:
        want, got = shape("python"), shape("c")
    except Exception:
        return FuzzFailure("a YAML fast-path loop raised", traceback.format_exc())
    if want != got:
        return FuzzFailure("C and Python fast paths differ", f"Python: {want[:300]}\nC: {got[:300]}")
    return None


def _examine_rest(data: str | bytes, limits: Limits, issues: list[Issue]) -> FuzzFailure | None:
    failure = _parsers_agree(data, limits)
    if failure is not None:
        return failure
    too_large = any(i.code == "AK105" for i in issues)
    lines = None if too_large else _BREAK.split(decode(data)[0])
    for issue in issues:
        problem = _issue_problem(issue, lines)
        if problem:
            return FuzzFailure("bad issue", f"{problem}: {issue!r}")

    doc = None
    error_text = ""
    try:
        doc = api.loads(data, limits=limits)
        shown = repr(doc) + "\n" + str(doc.meta)
    except ArticleKitError as exc:
        try:
            error_text = str(exc) + repr(exc)
        except Exception:
            return FuzzFailure("str(ArticleKitError) raised", traceback.format_exc())
        shown = ""
    except Exception:
        return FuzzFailure("loads() raised a foreign exception", traceback.format_exc())
    secrets: list[str] = []
    try:
        meta, _body = api.parse(data, limits=limits)
        # every `secured` text (a list of them too), at any depth, also as an unknown key;
        # not what a mapping under `secured` holds: the rules speak of its keys as of any other
        secrets = [value for value in secured_in(meta, deep=False)[0] if len(value) >= 44]
    except ArticleKitError as exc:
        error_text += str(exc) + repr(exc)
    except Exception:
        return FuzzFailure("parse() raised a foreign exception", traceback.format_exc())
    if not secrets and doc is None:
        found = _secured_in(data)
        secrets = [found] if found is not None else []
    messages = " ".join(i.message for i in issues)
    for secret in secrets:
        if _text(data).count(secret) != 1:  # a copy elsewhere may be shown
            continue
        for where, text in (("an issue message", messages), ("exception text", error_text), ("repr", shown)):
            if secret in text:
                return FuzzFailure("secret leaked", f"the whole secured value appears in {where}")

    failure = _check_format(data, doc, limits)
    if failure is not None:
        return failure
    dumps = _writer("dumps")
    if doc is not None and dumps is not None:
        try:
            written = dumps(doc)
        except ArticleKitError:
            return None
        except Exception:
            return FuzzFailure("dumps() raised a foreign exception", traceback.format_exc())
        try:
            again = api.loads(written, limits=Limits(max_bytes=max(limits.max_bytes, 4 * len(written))))
        except ArticleKitError as exc:
            return FuzzFailure("dumps() wrote text that does not load", f"{exc}\n--- written ---\n{written}")
        except Exception:
            return FuzzFailure("loads(dumps()) raised a foreign exception", traceback.format_exc())
        if again.meta != doc.meta or again.body != doc.body:
            return FuzzFailure("dumps() did not round-trip", f"--- written ---\n{written}")
    return None


def _check_format(data: str | bytes, doc: Any, limits: Limits) -> FuzzFailure | None:
    """``format`` of a file that loads: same data and body, and a second pass changes nothing."""
    fmt = _writer("format")
    if doc is None or fmt is None or limits != DEFAULT_LIMITS:
        return None
    try:
        formatted = fmt(data)
    except ArticleKitError:
        return None  # refusing is allowed; corrupting is not
    except Exception:
        return FuzzFailure("format() raised a foreign exception", traceback.format_exc())
    try:
        again = api.loads(formatted)
    except ArticleKitError as exc:
        return FuzzFailure("format() wrote text that does not load", f"{exc}\n--- written ---\n{formatted}")
    except Exception:
        return FuzzFailure("loads(format()) raised a foreign exception", traceback.format_exc())
    if again.meta != doc.meta or again.body != doc.body:
        return FuzzFailure("format() changed the data", f"--- written ---\n{formatted}")
    try:
        twice = fmt(formatted)
    except Exception:
        return FuzzFailure("format() of its own output raised", traceback.format_exc())
    if twice != formatted:
        return FuzzFailure("format() is not idempotent", f"--- once ---\n{formatted}\n--- twice ---\n{twice}")
    return None


# -- the run ----------------------------------------------------------------


@dataclass
class FuzzStats:
    """Figures from a run.

    Attributes:
        count: cases run.
        seconds: wall-clock time of the run.
        failures: ``(index, failure)`` for each broken guarantee.
        outcomes: how many inputs loaded, failed to parse, failed to validate.
        codes: how often each issue code was reported.
    """

    count: int = 0
    seconds: float = 0.0
    failures: list[tuple[int, FuzzFailure]] | None = None
    outcomes: Counter[str] | None = None
    codes: Counter[str] | None = None

    def summary(self) -> str:
        """A few lines for a terminal."""
        rate = self.count / self.seconds if self.seconds else 0.0
        outcomes = ", ".join(f"{k} {v:,}" for k, v in sorted((self.outcomes or Counter()).items()))
        return (
            f"{self.count:,} inputs in {self.seconds:.1f} s ({rate:,.0f}/s); "
            f"{len(self.failures or []):,} failures\n"
            f"outcomes: {outcomes}\n"
            f"distinct issue codes seen: {len(self.codes or {})}"
        )


def _outcome(issues: list[Issue]) -> str:
    if any(i.code == "AK207" or i.code == "AK105" for i in issues):
        return "limit"
    if any(i.is_error and i.code[:3] in ("AK1", "AK2") for i in issues):
        return "parse-error"
    if any(i.is_error for i in issues):
        return "invalid"
    return "valid"


def _write_reproducer(out: Path, seed: int, index: int, data: str | bytes, failure: FuzzFailure) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"seed{seed}-case{index}.md"
    path.write_bytes(data if isinstance(data, bytes) else _bytes_of(data))
    (out / f"seed{seed}-case{index}.txt").write_text(str(failure), encoding="utf-8")
    return path


def run(
    count: int,
    seed: int = 0,
    *,
    seeds: Sequence[str] = SEEDS,
    out: Path | None = None,
    progress: Callable[[str], None] | None = None,
    start: int = 0,
) -> FuzzStats:
    """Run cases ``start`` to ``start + count - 1`` of ``seed``; failures are written to ``out``."""
    stats = FuzzStats(failures=[], outcomes=Counter(), codes=Counter())
    assert stats.failures is not None
    assert stats.outcomes is not None
    assert stats.codes is not None
    began = time.perf_counter()
    for index in range(start, start + count):
        data, limits = case(seed, index, seeds)
        failure, issues = _examine(data, limits)
        stats.outcomes["crash" if failure else _outcome(issues)] += 1
        stats.codes.update(i.code for i in issues)
        if failure is not None:
            stats.failures.append((index, failure))
            if out is not None:
                path = _write_reproducer(out, seed, index, data, failure)
                if progress:
                    progress(
                        f"FAIL case {index}: {failure.kind}\n  replay: python -m articlekit.fuzz "
                        f'--seed {seed} --index {index}\n  or: python -c "import articlekit; '
                        f"articlekit.loads(open('{path}', 'rb').read())\""
                    )
        stats.count += 1
        if progress and stats.count % 5000 == 0:
            progress(f"{stats.count:,} inputs, {len(stats.failures)} failures")
    stats.seconds = time.perf_counter() - began
    return stats


def _read_seeds(paths: Iterable[str]) -> list[str]:
    found: list[str] = []
    for name in paths:
        path = Path(name)
        files = sorted(path.rglob("*.md")) if path.is_dir() else [path]
        for file in files:
            found.append(_text_of(file.read_bytes()))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: ``python -m articlekit.fuzz --count N --seed S``; exit 1 on a failure."""
    parser = argparse.ArgumentParser(prog="python -m articlekit.fuzz", description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="inputs to try (default 10,000)")
    parser.add_argument("--seed", type=int, default=0, help="the run's seed (default 0)")
    parser.add_argument("--start", type=int, default=0, help="first case index (to split a run)")
    parser.add_argument(
        "--index",
        type=int,
        nargs="+",
        metavar="I",
        help="replay these cases (one or more indexes) and show what each breaks",
    )
    parser.add_argument(
        "--corpus", action="append", default=[], help="a file or directory of .md seed files (repeatable)"
    )
    parser.add_argument("--pure", action="store_true", help="use PyYAML's pure-Python parser, not libyaml")
    parser.add_argument("--out", default="fuzz-failures", help="where reproducers go")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if args.pure:
        yamlsafe._Loader = yaml.SafeLoader
    seeds = list(SEEDS) + _read_seeds(args.corpus)
    if args.index is not None:
        failed = 0
        for index in args.index:
            data, limits = case(args.seed, index, seeds)
            if len(args.index) > 1:
                print(f"case {index}:")
            print(repr(data))
            failure = check_input(data, limits)
            print(failure if failure else "no failure")
            failed += failure is not None
        return 1 if failed else 0
    stats = run(
        args.count,
        args.seed,
        seeds=seeds,
        out=Path(args.out),
        progress=lambda line: print(line, file=sys.stderr, flush=True),
        start=args.start,
    )
    if args.json:
        print(
            json.dumps(
                {
                    "count": stats.count,
                    "seed": args.seed,
                    "seeds": len(seeds),
                    "seconds": round(stats.seconds, 2),
                    "failures": [[i, f.kind] for i, f in stats.failures or []],
                    "outcomes": dict(stats.outcomes or {}),
                    "codes": dict(sorted((stats.codes or {}).items())),
                }
            )
        )
    else:
        print(stats.summary())
    return 1 if stats.failures else 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
