"""Suppression comments inside the front matter: ``# articlekit: ignore[AK401]``.

Two forms, both YAML comments in the front matter, each naming one or more
codes (comma-separated, exact codes, not prefixes):

```yaml
---
# articlekit: ignore-file[AK305]
title: "Legacy"
images:
  - url: /img/a-10x10.png
    width: 12  # articlekit: ignore[AK401]
# articlekit: ignore[AK853]
topics: ["a", "a"]
---
```

- ``ignore[...]`` as a trailing comment suppresses those codes for issues
  reported on its line; on a line of its own it applies to the next line that
  is neither blank nor a comment (several such lines in a row all apply to it).
- ``ignore-file[...]``, on a line of its own anywhere in the front matter,
  suppresses those codes in the whole file.

Only real YAML comments count: a ``#`` inside a quoted string or a block
scalar is text.  A suppression that names no code, names an unknown code, or
is not understood is a warning at the comment (AK001), and so is an
``ignore-file`` that is not on a line of its own (it then applies nowhere); a
suppression that suppressed nothing is a warning too (AK002), so that stale
ones do not pile up.  Those two codes cannot themselves be suppressed by a
comment: switch them off in the configuration (``ignore = ["AK002"]``).

In a front matter that YAML cannot read, only the comments before the point
where reading stopped are recognised.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from ._frozen import made
from .issues import CODES, Issue
from .positions import BREAK as _BREAK
from .positions import line_starts

__all__ = [
    "BAD_SUPPRESSION",
    "UNUSED_SUPPRESSION",
    "Suppression",
    "Suppressions",
    "apply_suppressions",
    "find_suppressions",
]

BAD_SUPPRESSION = CODES["AK001"]
UNUSED_SUPPRESSION = CODES["AK002"]

_META = frozenset({BAD_SUPPRESSION.code, UNUSED_SUPPRESSION.code})
# the comment to the end of its line: ``rest`` is read as a form, then the codes in brackets (one
# search gives all three: the form and the codes always match, possibly empty, at the start of ``rest``)
_DIRECTIVE = re.compile(
    r"#[ \t]*articlekit[ \t]*:[ \t]*(?P<rest>(?P<form>[A-Za-z_-]*)[ \t]*(?:\[(?P<codes>[^\]\[]*)\])?.*)"
)
_USAGE = "write '# articlekit: ignore[CODE, ...]' or '# articlekit: ignore-file[CODE, ...]'"
_CODE = re.compile(r"[A-Z]{2,5}[0-9]{3}")
# what PyYAML's reader refuses (it checks the whole text first); replaced by spaces to scan
_NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Suppression:
    """One suppression comment.

    Attributes:
        line: the comment's line in the file (the opening fence is line 1).
        column: the column of its ``#``.
        codes: the known codes it names.
        target: the line it applies to (``None`` for ``ignore-file``, or when
            no line follows a suppression on a line of its own).
        whole_file: ``True`` for ``ignore-file``.
        text: the comment as written, from ``#``.
    """

    line: int
    column: int
    codes: tuple[str, ...]
    target: int | None
    whole_file: bool
    text: str


@dataclass(frozen=True)
class Suppressions:
    """The suppressions of one front matter, and the AK001 warnings about malformed ones."""

    items: tuple[Suppression, ...] = ()
    problems: tuple[Issue, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.items or self.problems)


NONE = Suppressions()


def _made(
    line: int, column: int, codes: tuple[str, ...], target: int | None, whole_file: bool, text: str
) -> Suppression:
    """``Suppression(line, column, codes, target, whole_file, text)``, made without its `__init__`
    (`articlekit._frozen`; tests/test_suppressions_fast.py compares it with the constructor's)."""
    return made(
        Suppression,
        {
            "line": line,
            "column": column,
            "codes": codes,
            "target": target,
            "whole_file": whole_file,
            "text": text,
        },
    )


def _found(items: tuple[Suppression, ...], problems: tuple[Issue, ...]) -> Suppressions:
    """``Suppressions(items, problems)``, made as `_made` makes a `Suppression`."""
    return made(Suppressions, {"items": items, "problems": problems})


# libyaml's scanner (PyYAML's C loader), when PyYAML was built with it: same tokens, ~10x faster
_C_LOADER: type[yaml.SafeLoader] | None = getattr(yaml, "CSafeLoader", None)
_FLOW_STARTS = (yaml.tokens.FlowSequenceStartToken, yaml.tokens.FlowMappingStartToken)
_FLOW_ENDS = (yaml.tokens.FlowSequenceEndToken, yaml.tokens.FlowMappingEndToken)
_DIRECTIVE_TOKEN = yaml.tokens.DirectiveToken
_SCALAR_TOKEN = yaml.tokens.ScalarToken
_BLOCK = ("|", ">")
# a block scalar's header as PyYAML reads it: indicators, then spaces and a comment, then a line break
_BLOCK_HEADER = re.compile(
    r"[|>](?:[-+]?[1-9]?|[1-9][-+])(?: +(?:#[^\r\n\x85\u2028\u2029]*)?)?(?:[\r\n\x85\u2028\u2029]|\Z)"
)
# whitespace and comment-only lines: where the next line with content starts (``\s`` is what
# ``str.strip()`` strips; lines end at CR or LF, where a comment ends)
_BLANK_OR_COMMENT_LINES = re.compile(r"(?:\s*#[^\r\n]*)*\s*")
# the blank and comment-only lines a front matter opens with: no token, no error can start there
_LEADING_COMMENTS = re.compile(r"(?: *(?:#[^\r\n\x85\u2028\u2029]*)?(?:\r\n|[\r\n\x85\u2028\u2029]))*")


class _Tokens:
    """Where YAML's tokens (scalars, tags...) are: a ``#`` inside one is not a comment.

    PyYAML's scanner decides, read with libyaml's when it is available (the same
    tokens at the same character indexes); where libyaml stops on an error, or
    when ``pure`` is set, PyYAML's own pure-Python scanner decides, which also
    tells how far the tokens are known.
    """

    def __init__(self, text: str, *, pure: bool = False) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.limit = len(text) + 1  # comments at or past this index are not known to be comments
        scanned = _NON_PRINTABLE.sub(" ", text)
        # libyaml takes tabs between tokens, and skips a byte order mark at the start of
        # any line; PyYAML stops at such a tab, and skips a mark only at the start of the text
        if pure or _C_LOADER is None or "\t" in scanned or "\ufeff" in scanned or not self._scan_c(scanned):
            self._scan_pure(scanned)

    def _scan_c(self, text: str) -> bool:
        """Scan with libyaml; ``False`` (nothing kept) where PyYAML's scanner might not agree.

        That is: libyaml stops on an error; a ``]`` or ``}`` closes nothing (PyYAML
        then scans the rest as if in a flow collection); a directive; a block
        scalar header that PyYAML refuses (``|#``, which libyaml reads).
        """
        assert _C_LOADER is not None
        starts: list[int] = []
        ends: list[int] = []
        depth = 0
        loader = _C_LOADER(text)
        try:
            while loader.check_token():
                token = loader.get_token()  # type: ignore[no-untyped-call]
                start, end = token.start_mark.index, token.end_mark.index
                if end > start:
                    starts.append(start)
                    ends.append(end)
                    kind = token.__class__
                    if kind in _FLOW_STARTS:
                        depth += 1
                    elif kind in _FLOW_ENDS:
                        if not depth:
                            return False
                        depth -= 1
                    elif kind is _DIRECTIVE_TOKEN or (
                        kind is _SCALAR_TOKEN
                        and token.style in _BLOCK
                        and not _BLOCK_HEADER.match(text, start)
                    ):
                        return False
        except yaml.YAMLError:
            return False
        finally:
            loader.dispose()
        self.starts, self.ends = starts, ends
        return True

    def _scan_pure(self, text: str) -> None:
        loader = yaml.SafeLoader(text)
        try:
            while loader.check_token():
                token = loader.get_token()  # type: ignore[no-untyped-call]
                start, end = token.start_mark.index, token.end_mark.index
                if end > start:
                    self.starts.append(start)
                    self.ends.append(end)
        except yaml.YAMLError as exc:
            marks = [getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)]
            marks += [t.start_mark for t in loader.tokens]
            indexes = [m.index for m in marks if m is not None]
            indexes += [key.index for key in loader.possible_simple_keys.values()]
            self.limit = min(indexes, default=0)
        finally:
            loader.dispose()

    def is_comment(self, index: int) -> bool:
        if index >= self.limit:
            return False
        at = bisect.bisect_right(self.starts, index) - 1
        return at < 0 or index >= self.ends[at]


# The common suppression, read without `_find`'s machinery (`_leading_ignore`): one
# ``# articlekit: ignore[CODE]`` of one known code on a line of its own among the blank and comment
# lines a front matter opens with (where `_LEADING_COMMENTS` makes every ``#`` a comment), its line
# ending in LF, and no other mention of articlekit.  Most often it is the first line, as written
# here (`_PLAIN_IGNORE`), and a line with content follows; else one match reads it: the lines before
# it, it, then from its LF the blank and comment lines `_content_line` skips (the same pattern at
# the same place).
_PLAIN_IGNORE = "# articlekit: ignore["
_LEADING_IGNORE = re.compile(
    r"(?: *(?:#[^\r\n\x85\u2028\u2029]*)?\n)*?"
    r"(?P<indent> *)(?P<text>#[ \t]*articlekit[ \t]*:[ \t]*ignore[ \t]*"
    r"\[[ \t]*(?P<code>[A-Z]{2,5}[0-9]{3})[ \t]*\])"
    r"[ \t]*(?=\n)(?:\s*#[^\r\n]*)*\s*"
)
_PLAIN_KEPT = 256
# the results of `_PLAIN_IGNORE` lines, by code and first line: the same line, the same (frozen) result
_plain: dict[tuple[str, int], Suppressions] = {}
# what the match found last: the same comment in the same place is the same result
_last_leading: tuple[tuple[int, int, str, int | None, str], Suppressions] | None = None


def find_suppressions(front_matter: str, *, first_line: int = 2) -> Suppressions:
    """The suppression comments of a front matter (its text between the fences).

    ``first_line`` is the file line of the front matter's first line (2: the
    opening fence is line 1).
    """
    if "articlekit" not in front_matter:
        return NONE
    found = _leading_ignore(front_matter, first_line)
    if found is not None:
        return found
    return _find(front_matter, first_line, pure=False)


def _leading_ignore(front_matter: str, first_line: int) -> Suppressions | None:
    """`_find`'s result when the front matter's only mention of ``articlekit`` is one ``ignore`` of one
    known code on a line of its own before any content (LF breaks only); ``None`` for anything else.

    (tests/test_suppressions_leading.py compares it with `_find` on generated front matters.)
    """
    if "\r" in front_matter:
        return None
    if front_matter.startswith(_PLAIN_IGNORE):
        close = front_matter.find("]\n", 21)
        after = front_matter[close + 2 : close + 3]  # the next line's first character
        if close > 21 and after and after != "#" and not after.isspace():
            code = front_matter[21:close]
            if code in CODES and front_matter.find("articlekit", close) < 0:
                found = _plain.get((code, first_line))
                if found is not None:
                    return found
                if code not in _META and _CODE.fullmatch(code):
                    text = front_matter[: close + 1]
                    found = _found((_made(first_line, 1, (code,), first_line + 1, False, text),), ())
                    if len(_plain) >= _PLAIN_KEPT:
                        _plain.clear()
                    _plain[code, first_line] = found
                    return found
    return _matched_ignore(front_matter, first_line)


def _matched_ignore(front_matter: str, first_line: int) -> Suppressions | None:
    """`_leading_ignore` read by `_LEADING_IGNORE` (no CR in ``front_matter``)."""
    global _last_leading
    match = _LEADING_IGNORE.match(front_matter)
    if match is None:
        return None
    indent, text, code = match.group("indent", "text", "code")
    if code not in CODES or code in _META:  # (AK001 about it: `_parse` reports it)
        return None
    begin = match.start("text")
    if (
        front_matter.find("articlekit", begin + len(text)) >= 0
        or front_matter.find("articlekit", 0, begin) >= 0
    ):
        return None  # another mention: `_find` reads them all
    line = first_line + front_matter.count("\n", 0, begin)
    at = match.end()  # where the next line with content starts, as `_content_line` finds it
    target = None if at == len(front_matter) else first_line + front_matter.count("\n", 0, at)
    key = (line, len(indent) + 1, code, target, text)
    last = _last_leading
    if last is not None and last[0] == key:
        return last[1]
    found = _found((_made(line, key[1], (code,), target, False, text),), ())
    _last_leading = (key, found)
    return found


def _find(front_matter: str, first_line: int, *, pure: bool) -> Suppressions:
    """`find_suppressions`; ``pure``: decide every ``#`` with PyYAML's pure-Python scanner alone."""
    starts: list[int] | None = None
    lines: list[str] = []
    if "\r" in front_matter:  # lines end at CRLF or CR too: each line keeps its break
        starts = line_starts(front_matter)
        lines = [front_matter[s:e] for s, e in zip(starts, [*starts[1:], len(front_matter)], strict=True)]
    # else only LF: the lines that name articlekit are cut out one by one (no split of the whole text)
    leading = None if pure else _LEADING_COMMENTS.match(front_matter)
    head = 0 if leading is None else leading.end()  # a '#' before ``head`` is a comment
    tokens: _Tokens | None = None

    def is_comment(index: int) -> bool:
        nonlocal tokens
        if index < head:
            return True
        if tokens is None:
            tokens = _Tokens(front_matter, pure=pure)
        return tokens.is_comment(index)

    items: list[Suppression] = []
    problems: list[Issue] = []
    number = start = 0  # the line of the last hit, and where it starts
    at = front_matter.find("articlekit")
    while at >= 0:  # only the lines that name articlekit are looked at
        if starts is None:
            number += front_matter.count("\n", start, at)
            start = front_matter.rfind("\n", 0, at) + 1
            end = front_matter.find("\n", at)
            if end < 0:
                end = len(front_matter)
            text = front_matter[start:end]
        else:
            number = bisect.bisect_right(starts, at) - 1
            start = starts[number]
            end = start + len(lines[number])
            text = _BREAK.sub("", lines[number])
        at = front_matter.find("articlekit", end)
        line = first_line + number
        found = _directive(text, start, line, is_comment, problems)
        if found is None:
            continue
        column, form, codes, own_line, written = found
        target: int | None = line
        if form == "ignore-file":
            target = None
        elif own_line:  # it applies to the next line with content
            later = _content_line(front_matter, end, number, starts)
            target = None if later is None else first_line + later
        items.append(_made(line, column, codes, target, form == "ignore-file", written))
    if not items and not problems:
        return NONE
    return _found(tuple(items), tuple(problems))


def _content_line(text: str, end: int, number: int, starts: list[int] | None) -> int | None:
    """The number (0-based, as ``number``) of the first line of ``text`` after line ``number`` that is
    neither blank nor a comment (its first character that is not whitespace is not ``#``).

    Line ``number`` ends at ``end`` (its break, or the start of the next line); ``starts``: where
    each line starts when breaks may be CRLF or CR (``None``: LF only).
    """
    skipped = _BLANK_OR_COMMENT_LINES.match(text, end)
    assert skipped is not None  # the pattern matches the empty string
    at = skipped.end()
    if at == len(text):
        return None
    if starts is None:
        return number + text.count("\n", end, at)
    return bisect.bisect_right(starts, at) - 1


def _directive(
    text: str, start: int, line: int, is_comment: Callable[[int], bool], problems: list[Issue]
) -> tuple[int, str, tuple[str, ...], bool, str] | None:
    """The suppression on ``text``, file line ``line`` (starting at offset ``start`` of the front
    matter), if any: its column, form, codes, whether it is on a line of its own, and its text."""
    comment = _comment_start(text, start, is_comment)
    if comment is None:
        return None
    directive = _DIRECTIVE.search(text, comment)
    if directive is None:
        return None
    column = directive.start() + 1
    own_line = not comment or not text[:comment].strip()
    found = _parse(directive, line, column, problems, own_line)
    if found is None:
        return None
    return column, found[0], found[1], own_line, directive.group().rstrip()


def _comment_start(text: str, offset: int, is_comment: Callable[[int], bool]) -> int | None:
    """The column (0-based) where the line's YAML comment starts, or ``None``."""
    at = text.find("#")
    while at >= 0:
        if (at == 0 or text[at - 1] in " \t") and is_comment(offset + at):
            return at
        at = text.find("#", at + 1)
    return None


def _bad(problems: list[Issue], message: str, line: int, column: int) -> None:
    problems.append(BAD_SUPPRESSION.issue(message, (), line, column))


def _parse(
    directive: re.Match[str], line: int, column: int, problems: list[Issue], own_line: bool
) -> tuple[str, tuple[str, ...]] | None:
    """The form and the known codes of a directive; malformed parts go to ``problems`` as AK001."""
    name, listed = directive.group("form", "codes")
    if name != "ignore" and name != "ignore-file":
        _bad(problems, f"{directive.group().rstrip()!r} is not a suppression: {_USAGE}", line, column)
        return None
    if name == "ignore-file" and not own_line:
        written = directive.group().rstrip()
        _bad(problems, f"{written!r} must be on a line of its own; it suppresses nothing here", line, column)
        return None
    if listed and "," not in listed:  # one code (most suppressions): what the loop below finds for it
        code = listed.strip().upper()
        if code in CODES and code not in _META and _CODE.fullmatch(code):
            return name, (code,)
    parts = [p.strip() for p in (listed or "").split(",") if p.strip()]
    if not parts:
        _bad(problems, f"{directive.group().rstrip()!r} names no code: {_USAGE}", line, column)
        return None
    codes: list[str] = []
    for part in parts:
        code = part.upper()
        if code in _META:
            _bad(
                problems,
                f"{code} cannot be suppressed by a comment: ignore it in the configuration",
                line,
                column,
            )
        elif not _CODE.fullmatch(code) or code not in CODES:
            _bad(
                problems,
                f"{part!r} is not an issue code (suppressions name exact codes, like AK305)",
                line,
                column,
            )
        elif code not in codes:
            codes.append(code)
    return (name, tuple(codes)) if codes else None


def apply_suppressions(
    issues: list[Issue],
    found: Suppressions,
    enabled: Callable[[str], bool],
    silenced: list[Issue] | None = None,
) -> list[Issue]:
    """``issues`` less the suppressed ones, plus AK001 and AK002 warnings (when ``enabled``).

    ``enabled(code)`` says whether a code is reported at all for this file: a
    suppression of a code that is not is never reported as unused.  The
    suppressed issues are appended to ``silenced`` when it is given (reports
    such as SARIF show them as suppressed).
    """
    if not found:
        return issues
    items = found.items
    used: set[tuple[int, str]] = set()
    kept: list[Issue] = []
    if issues:  # (most files have none left to suppress: every suppression is then unused)
        by_line: dict[int, list[int]] = {}
        by_code: dict[str, list[int]] = {}
        for index, item in enumerate(items):
            if item.whole_file:
                for code in item.codes:
                    by_code.setdefault(code, []).append(index)
            elif item.target is not None:
                by_line.setdefault(item.target, []).append(index)
        for issue in issues:
            hit = False
            for index in by_line.get(issue.line, ()):
                if issue.code in items[index].codes:
                    used.add((index, issue.code))
                    hit = True
            for index in by_code.get(issue.code, ()):
                used.add((index, issue.code))
                hit = True
            if not hit:
                kept.append(issue)
            elif silenced is not None:
                silenced.append(issue)
    if found.problems and enabled(BAD_SUPPRESSION.code):
        kept.extend(found.problems)
    if items and enabled(UNUSED_SUPPRESSION.code):
        for index, item in enumerate(items):
            unused = [c for c in item.codes if (index, c) not in used and enabled(c)]
            if unused:
                kept.append(_unused(item, unused))
    return kept


def _suppressed(
    issues: list[Issue], front_matter: str, ignored: frozenset[str], silenced: list[Issue] | None
) -> list[Issue]:
    """`check`'s step: ``issues`` (sorted; no code of ``ignored``) with the suppressions of the front
    matter (whose file's line 2 it starts on) applied, sorted; ``issues`` itself when it has none."""
    found = find_suppressions(front_matter, first_line=2)
    if found is NONE:  # (what `find_suppressions` gives when it finds nothing)
        return issues
    items = found.items
    if len(items) != 1 or found.problems or items[0].whole_file:
        kept = apply_suppressions(issues, found, lambda code: code not in ignored, silenced)
    else:  # one ``ignore`` (most files that have any): `apply_suppressions` for it
        kept = _applied_one(issues, items[0], ignored, silenced)
    if len(kept) > 1:
        kept.sort()
    return kept


# the AK002 warning made last, and the suppression it is about (`_applied_one`)
_last_unused: tuple[Suppression, Issue] | None = None


def _applied_one(
    issues: list[Issue], item: Suppression, ignored: frozenset[str], silenced: list[Issue] | None
) -> list[Issue]:
    """`apply_suppressions` of one suppression that is not ``ignore-file``, with no AK001 warning,
    when the codes of ``ignored`` are not reported (tests/test_suppressions_leading.py compares them)."""
    global _last_unused
    codes = item.codes
    target = item.target
    kept: list[Issue] = []
    used: set[str] = set()
    for issue in issues:
        if issue.line == target and issue.code in codes:
            used.add(issue.code)
            if silenced is not None:
                silenced.append(issue)
        else:
            kept.append(issue)
    if UNUSED_SUPPRESSION.code not in ignored:
        unused = [c for c in codes if c not in used and c not in ignored]
        if unused:
            last = _last_unused
            if last is not None and last[0] is item and len(unused) == len(codes):
                kept.append(last[1])  # (an `Issue` is frozen: the same warning about the same comment)
            else:
                warning = _unused(item, unused)
                if len(unused) == len(codes):
                    _last_unused = (item, warning)
                kept.append(warning)
    return kept


def _unused(item: Suppression, codes: list[str]) -> Issue:
    listed = ", ".join(codes)
    if item.whole_file:
        where = "in this file"
    elif item.target is None:
        where = "on any line (no line follows it)"
    else:
        where = f"on line {item.target}"
    if len(codes) == len(item.codes):
        message = f"{item.text!r} suppressed nothing: no {listed} issue {where}; remove it"
    else:
        message = f"{item.text!r}: no {listed} issue {where} to suppress; remove {listed} from it"
    return UNUSED_SUPPRESSION.issue(message, (), item.line, item.column)
