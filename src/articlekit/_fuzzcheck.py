"""The guarantees `articlekit.fuzz` checks each input against.

`check_input` returns a `FuzzFailure` when an input breaks one of them.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import api, fastyaml
from ._mask import secured_in
from .errors import ArticleKitError
from .issues import CODES, Issue
from .limits import DEFAULT_LIMITS, Limits
from .positions import BREAK as _BREAK
from .splitter import decode, split_front_matter


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
    """The C accelerator (when in use) and the pure-Python loop answer alike for the front matter:
    the same data, mappings, special keys, typed texts (`DataIndex.typed_texts`) and rules' index."""
    if "c" not in fastyaml.IMPLEMENTATIONS:
        return None
    try:
        text = split_front_matter(data, limits).front_matter
    except Exception:
        return FuzzFailure("split_front_matter() raised", traceback.format_exc())
    if text is None or len(text) > limits.max_string_length:
        return None  # such texts take the Python loop anyway

    def shape(implementation: str) -> tuple[str, set[Any]]:
        """The answer as text (`repr`: ``1`` and ``True`` differ), with the rules' index made of
        it by the same module (C or Python `index_of`) and its typed texts; and the index's keys
        (a set: compared as one, its order is the hashes')."""
        answer, index = fastyaml.parse_indexed_with(implementation, text, limits)
        if answer.verdict != "ok" or answer.data is None or index is None:
            return (answer.verdict if answer.verdict != "ok" else "none"), set()
        special = [(i, p, k, list(m)) for i, p, k, m in answer.special]
        _, *found = index.as_tuple()
        shown = (answer.data, [list(m) for m in answer.mappings], special, found, index.typed_texts)
        return repr(shown), index.keys

    try:
        want, got = shape("python"), shape("c")
    except Exception:
        return FuzzFailure("a YAML fast-path loop raised", traceback.format_exc())
    if want != got:
        if want[0] != got[0]:
            # from a little before the first difference (the answers share a long head)
            at = max(0, _first_difference(want[0], got[0]) - 100)
            detail = f"Python: {want[0][at : at + 300]}\nC: {got[0][at : at + 300]}"
        else:
            detail = f"the index's keys: Python {sorted(map(repr, want[1]))}, C {sorted(map(repr, got[1]))}"
        return FuzzFailure("C and Python fast paths differ", detail[:700])
    return None


def _first_difference(a: str, b: str) -> int:
    """Where ``a`` and ``b`` first differ (the shorter one's length when it starts the other)."""
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


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
        grown = Limits(max_bytes=max(limits.max_bytes, 4 * len(written)))
        return _reloads_alike(doc, written, "dumps", "did not round-trip", grown)
    return None


def _reloads_alike(doc: Any, written: str, writer: str, differs: str, limits: Limits) -> FuzzFailure | None:
    """``written`` (by ``writer``) loads again with ``doc``'s data and body."""
    try:
        again = api.loads(written, limits=limits)
    except ArticleKitError as exc:
        return FuzzFailure(f"{writer}() wrote text that does not load", f"{exc}\n--- written ---\n{written}")
    except Exception:
        return FuzzFailure(f"loads({writer}()) raised a foreign exception", traceback.format_exc())
    if again.meta != doc.meta or again.body != doc.body:
        return FuzzFailure(f"{writer}() {differs}", f"--- written ---\n{written}")
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
    failure = _reloads_alike(doc, formatted, "format", "changed the data", DEFAULT_LIMITS)
    if failure is not None:
        return failure
    try:
        twice = fmt(formatted)
    except Exception:
        return FuzzFailure("format() of its own output raised", traceback.format_exc())
    if twice != formatted:
        return FuzzFailure("format() is not idempotent", f"--- once ---\n{formatted}\n--- twice ---\n{twice}")
    return None
