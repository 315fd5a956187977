"""Autofix: repair what can be repaired, with minimal edits.

[`fix`][articlekit.fix] applies every safe fix to a file's text (with
``unsafe=True`` also those that change the data) and returns a
[`FixResult`][articlekit.FixResult]; [`fixes_for`][articlekit.fixes.fixes_for] lists
the fixes of a text without applying them (an editor's quick fixes).  A fix
is a value: the code and issue it repairs, a title, its
[`TextEdit`][articlekit.fixes.TextEdit]s (line and column ranges) and whether it is safe.

Edits change only the text of the values they repair: comments, quoting, key
order, blank lines, newlines and the body stay as they are.  Each round of
fixes is loaded back and checked before it is kept: a fix that does not
remove its issue, adds another, or changes the data other than it says is
not applied (it is in [`FixResult.failed`][articlekit.FixResult]).
"""

from __future__ import annotations

import difflib
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..issues import CODES, Issue, KeyPath
from ..splitter import _not_text
from ._context import REMOVED, Fix, FixContext, TextEdit, apply_data_changes, apply_edits, apply_offset_edits

if TYPE_CHECKING:
    from pydantic import BaseModel

    from ..api import _Analysis, _Plan
    from ..config import Config
    from ..limits import Limits
    from ..rules import RuleOptions

__all__ = [
    "MAX_ROUNDS",
    "REMOVED",
    "FailedFix",
    "Fix",
    "FixContext",
    "FixResult",
    "TextEdit",
    "apply_edits",
    "fix",
    "fixable_codes",
    "fixes_for",
]

MAX_ROUNDS = 10
"""Most rounds of fixing (a fix may make another possible); each round is checked before it is kept."""

_UNWRITABLE = frozenset({"AK101", "AK105", "AK107", "AK111"})
"""Codes of a file whose text cannot be written back as it was read: such a file is left alone."""


@dataclass(frozen=True)
class FailedFix:
    """A fix that was not applied because the text it made did not pass the check.

    Attributes:
        fix: the fix (located in the text it was made for).
        reason: why, e.g. ``"it adds an AK303 issue"``.
    """

    fix: Fix
    reason: str


@dataclass
class FixResult:
    """What [`fix`][articlekit.fix] did to a file.

    Attributes:
        text: the repaired file (the input, unchanged, when nothing could be fixed;
            a leading BOM is kept).
        fixed: the issues that were fixed, each as it was found (in the text of
            the round that fixed it; the first round's text is the input).
        remaining: the issues of `text` (located in it), as [`check`][articlekit.check] gives them.
        applied: the fixes applied, in order (`Fix.issue` and `Fix.edits` are in the
            text of their round).
        failed: fixes that were tried and left out, with the reason.
        unapplied: fixes available for `remaining` that were not applied: the unsafe
            ones when ``unsafe`` was not given (see `FixResult.unsafe_fixable`).
        original: the input text.
    """

    text: str
    fixed: list[Issue] = field(default_factory=list)
    remaining: list[Issue] = field(default_factory=list)
    applied: list[Fix] = field(default_factory=list)
    failed: list[FailedFix] = field(default_factory=list)
    unapplied: list[Fix] = field(default_factory=list)
    original: str = field(default="", repr=False)

    @property
    def changed(self) -> bool:
        """Whether `text` differs from the input."""
        return self.text != self.original

    @property
    def unsafe_fixable(self) -> int:
        """How many of the `remaining` issues ``unsafe=True`` would fix."""
        return len({id(f.issue) for f in self.unapplied if not f.safe})

    def diff(self, name: str = "file") -> str:
        """The unified diff from the input to `text` (``""`` when unchanged)."""
        if not self.changed:
            return ""
        lines = difflib.unified_diff(
            self.original.splitlines(keepends=True),
            self.text.splitlines(keepends=True),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
        )
        out: list[str] = []
        for line in lines:
            if line.endswith(("\n", "\r")):
                out.append(line)
            else:
                out.append(line + "\n\\ No newline at end of file\n")
        return "".join(out)


# -- where fixes come from -----------------------------------------------------------------
_MAKERS: dict[str, Any] | None = None


def _makers() -> dict[str, Any]:
    global _MAKERS
    if _MAKERS is None:
        from ..rules import all_rules
        from ._builtin import MAKERS

        makers: dict[str, Any] = dict(MAKERS)
        for rule in all_rules():
            if rule.fix is not None:
                for info in rule.codes:
                    makers[info.code] = rule.fix
        _MAKERS = makers
    return _MAKERS


def fixable_codes() -> dict[str, str]:
    """``{code: "safe" | "unsafe"}`` for every code that has a fix (from the code registry)."""
    _makers()
    return {code: info.fixable for code, info in sorted(CODES.items()) if info.fixable != "no"}


def _made(ctx: FixContext, issue: Issue) -> list[Fix]:
    maker = _makers().get(issue.code)
    if maker is None:
        return []
    made = maker(ctx, issue)
    if made is None:
        return []
    if isinstance(made, Fix):
        return [made]
    return [f for f in made if isinstance(f, Fix)]


# -- analysis ---------------------------------------------------------------------------------
class _Round:
    """One analysis of a text: what `check` reports, and the context fix-makers see."""

    __slots__ = ("context", "issues", "result")

    def __init__(self, text: str | bytes, plan: _Plan) -> None:
        from ..api import _analyze, _reported

        self.result: _Analysis = _analyze(
            text, kind=plan.kind, ignore=plan.ignored, limits=plan.limits, options=plan.options
        )
        self.issues: list[Issue] = _reported(self.result, plan)
        result = self.result
        self.context: FixContext | None = None
        if result.data is not None and result.locations is not None and not self.unwritable:
            self.context = FixContext(result.split, result.data, result.locations, result.kind, plan.options)

    @property
    def unwritable(self) -> bool:
        return any(i.code in _UNWRITABLE for i in self.result.split.issues)

    def fixes(self) -> Iterator[list[Fix]]:
        """The fixes of each issue (alternatives, best first)."""
        ctx = self.context
        if ctx is None:
            return
        for issue in self.issues:
            found = _made(ctx, issue)
            if found:
                yield found


def _plan(
    config: Config | None,
    path: str | os.PathLike[str] | None,
    ignore: Iterable[str] | None,
    kind: type[BaseModel] | None,
    limits: Limits | None,
    options: RuleOptions | None,
    secured_key: bytes | None,
) -> _Plan:
    from ..api import _Plan

    return _Plan(config, path, ignore, kind, limits, options, secured_key)


def _as_text(data: str | bytes) -> tuple[str, str, bool]:
    """``(the input as text, the text without a leading BOM, whether it can be rewritten)``."""
    if not isinstance(data, str | bytes | bytearray):
        raise TypeError(f"expected str or bytes, got {type(data).__name__}")
    if isinstance(data, str):
        return data, data[1:] if data.startswith("\ufeff") else data, True
    raw = bytes(data)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        shown = raw.decode("utf-8", "replace")
        return shown, shown.removeprefix("\ufeff"), False
    # UTF-16 without a byte order mark decodes as UTF-8 (its NULs are characters), but `check`
    # reads such bytes as one AK111: nothing in them is rewritten
    return text, text.removeprefix("\ufeff"), _not_text(raw) is None


# -- checking a round ---------------------------------------------------------------------------
def _apply_fixes(text: str, fixes: Sequence[Fix]) -> str:
    edits = sorted((e.start_offset, e.end_offset, e.new_text) for f in fixes for e in f.edits)
    return apply_offset_edits(text, edits)


def _overlaps(taken: list[tuple[int, int]], fix: Fix) -> bool:
    for edit in fix.edits:
        s, e = edit.start_offset, edit.end_offset
        for ts, te in taken:
            if s < te and ts < e:
                return True
            if s == e == ts or ts == te == s or (s == ts and (s == e or ts == te)):
                return True
    return False


def _disjoint(candidates: Sequence[Fix]) -> list[Fix]:
    """The candidates whose edits overlap none of an earlier one's (the others wait a round)."""
    taken: list[tuple[int, int]] = []
    chosen: list[Fix] = []
    for candidate in sorted(candidates, key=lambda f: (f.start_offset, f.end_offset)):
        if not candidate.edits or _overlaps(taken, candidate):
            continue
        chosen.append(candidate)
        taken.extend((e.start_offset, e.end_offset) for e in candidate.edits)
    return chosen


def _problem(before: _Round, after: _Round, fixes: Sequence[Fix]) -> str | None:
    """Why the text of ``after`` is not an acceptable result of ``fixes`` on ``before`` (or None)."""
    from .._same import same

    if after.result.data is None or after.unwritable:
        return "the fixed text does not load"
    if before.result.split.body != after.result.split.body and not all(f.code == "AK110" for f in fixes):
        return "the fix would change the body"
    changes = [change for f in fixes for change in f.changes]
    expected = apply_data_changes(before.result.data, changes) if changes else before.result.data
    if not same(expected, after.result.data):
        return "the fixed text loads to other data than the fix says"
    was = Counter(i.code for i in before.issues)
    now = Counter(i.code for i in after.issues)
    for code, count in sorted(now.items()):
        if count > was[code]:
            return f"it adds an {code} issue"
    wanted = Counter(f.code for f in fixes)
    for code, count in sorted(wanted.items()):
        if now[code] > was[code] - count:
            return f"it does not remove the {code} issue"
    return None


def _signature(fix: Fix) -> tuple[str, KeyPath, str, str]:
    return (fix.code, fix.issue.path, fix.issue.message, fix.title)


# -- the public functions -------------------------------------------------------------------------
def fixes_for(
    data: str | bytes,
    *,
    unsafe: bool = True,
    config: Config | None = None,
    path: str | os.PathLike[str] | None = None,
    ignore: Iterable[str] | None = None,
    kind: type[BaseModel] | None = None,
    limits: Limits | None = None,
    options: RuleOptions | None = None,
    secured_key: bytes | None = None,
) -> list[Fix]:
    """Every fix of the issues of a file, without applying any: what an editor offers as quick fixes.

    Each fix was tried alone on the text and passed the check (it removes its
    issue, adds none, and changes the data only as it says); an issue may have
    several (alternatives, best first).  Positions are in the text (without
    a leading BOM).  ``unsafe=False`` leaves out the unsafe ones.  The other
    arguments are those of [`check`][articlekit.check]: suppressed and ignored
    issues have no fix.  Never raises for content: a file that does not load
    has no fix.

    >>> import articlekit.fixes
    >>> text = ('---\\ncategory: news\\ntitle: "x"\\npublishedDateTime: 2020-08-11T13:41:00Z\\n'
    ...         'webUrl: "https://example.com/x"\\ntopics:\\n  - AI\\n  - AI\\n---\\n')
    >>> [(f.code, f.title, f.safe) for f in articlekit.fixes.fixes_for(text, ignore={"AK301"})]
    [('AK853', "remove topics[1] ('AI'), a repeat of topics[0]", True)]
    >>> fix = articlekit.fixes.fixes_for(text, ignore={"AK301"})[0]
    >>> [(e.start_line, e.start_column, e.end_line, e.end_column, e.new_text) for e in fix.edits]
    [(8, 1, 9, 1, '')]
    """
    plan = _plan(config, path, ignore, kind, limits, options, secured_key)
    original, text, writable = _as_text(data)
    if not writable:
        return []
    bom = original[: len(original) - len(text)]
    current = _Round(bom + text, plan)
    out: list[Fix] = []
    for alternatives in current.fixes():
        for candidate in alternatives:
            if not (candidate.safe or unsafe):
                continue
            after = _Round(bom + _apply_fixes(text, [candidate]), plan)
            if _problem(current, after, [candidate]) is None:
                out.append(candidate)
    return out


def fix(
    data: str | bytes,
    *,
    unsafe: bool = False,
    config: Config | None = None,
    path: str | os.PathLike[str] | None = None,
    ignore: Iterable[str] | None = None,
    kind: type[BaseModel] | None = None,
    limits: Limits | None = None,
    options: RuleOptions | None = None,
    secured_key: bytes | None = None,
) -> FixResult:
    """Repair what can be repaired in a file; see [`FixResult`][articlekit.FixResult].

    Safe fixes keep the data's meaning (a value written another way, a value
    that must equal another one set to it); ``unsafe=True`` also applies
    fixes that change the data (a repeated related item removed).  Fixing
    repeats, at most `MAX_ROUNDS` times, until nothing more changes.  Each
    round's text is loaded back and checked: a fix that does not remove its
    issue, adds another or changes other data is left out (`FixResult.failed`),
    never applied half.  Suppressed and ignored issues (``config``'s ``select``,
    ``ignore`` and ``per-file-ignores`` for ``path``, or ``ignore``) are not
    fixed; the arguments are those of [`check`][articlekit.check].

    Never raises for content: a file with a YAML syntax error, or that is not
    UTF-8 text, comes back unchanged with its issues.

    >>> import articlekit
    >>> text = ('---\\ncategory: news\\ntitle: "x"\\npublishedDateTime: 2020-08-11T13:41:00Z\\n'
    ...         'webUrl: "https://example.com/x"\\ntopics:\\n  - AI\\n  - ai\\n---\\n')
    >>> result = articlekit.fix(text, ignore={"AK301"})
    >>> print(result.text, end="")
    ---
    category: news
    title: "x"
    publishedDateTime: 2020-08-11T13:41:00Z
    webUrl: "https://example.com/x"
    topics:
      - AI
    ---
    >>> [i.code for i in result.fixed], result.remaining
    (['AK853'], [])
    """
    plan = _plan(config, path, ignore, kind, limits, options, secured_key)
    original, text, writable = _as_text(data)
    bom = original[: len(original) - len(text)]
    result = FixResult(text=original, original=original)
    current = _Round(original if writable else data, plan)
    if not writable or current.context is None:
        result.remaining = current.issues
        return result
    rejected: set[tuple[str, KeyPath, str, str]] = set()
    rounds = 0
    tries = 0
    while rounds < MAX_ROUNDS and tries < 4 * MAX_ROUNDS:
        tries += 1
        candidates: list[Fix] = []
        for alternatives in current.fixes():
            for candidate in alternatives:
                if (candidate.safe or unsafe) and _signature(candidate) not in rejected:
                    candidates.append(candidate)
                    break
        chosen = _disjoint(candidates)
        if not chosen:
            break
        new_text = _apply_fixes(text, chosen)
        after = _Round(bom + new_text, plan)
        reason = _problem(current, after, chosen)
        if reason is None:
            result.applied.extend(chosen)
            result.fixed.extend(f.issue for f in chosen)
            text = new_text
            current = after
            rounds += 1
            continue
        # find the culprits: try each fix alone; the others wait for the next round
        culprits = 0
        for candidate in chosen:
            alone = _Round(bom + _apply_fixes(text, [candidate]), plan)
            why = reason if len(chosen) == 1 else _problem(current, alone, [candidate])
            if why is not None:
                rejected.add(_signature(candidate))
                result.failed.append(FailedFix(candidate, why))
                culprits += 1
        if not culprits:  # each passes alone, not together: take the first alone
            first = chosen[0]
            text = _apply_fixes(text, [first])
            current = _Round(bom + text, plan)
            result.applied.append(first)
            result.fixed.append(first.issue)
            rounds += 1
    result.text = bom + text if result.applied else original
    result.remaining = current.issues
    if current.context is not None:
        for alternatives in current.fixes():
            result.unapplied.extend(f for f in alternatives if _signature(f) not in rejected)
    return result
