"""`check --add-suppressions`: a suppression comment for every current error, as lossless line edits.

For adopting articlekit on a legacy repository (like ruff's ``--add-noqa``):
each issue gets ``# articlekit: ignore[CODE]`` where a suppression of its line
can go, and the file stays byte-identical but for one changed or added line
per suppression comment:

- on the issue's line, as a trailing comment (``  # articlekit: ignore[AK305]``),
  merged into a suppression comment already there (``ignore[AK305, AK401]``);
- where a trailing comment would fall inside a value (a multi-line quoted or
  plain scalar, a block scalar's ``|`` line), on a line of its own just above
  the issue's line, at its indentation (merged into such a comment already there);
- where no comment can point at the line (an issue on a fence, in the body,
  on a line inside a multi-line value, or about the whole file), as
  ``# articlekit: ignore-file[CODE]`` on a new line at the top of the front
  matter (merged into an ``ignore-file`` comment already there).

Every edit is checked before it is kept: the front matter must read back to
the same data with the suppression applying where it should, and the whole
file, checked again, must report none of the issues it was meant to silence
and no new one (otherwise the file is left unchanged).  Issues that no comment
can suppress are left and reported: a file with no front matter or one YAML
cannot read, a file that is not UTF-8, and AK001/AK002 (the suppressions' own
warnings).

>>> text = "---\\ntitle: x\\nheat: 200\\n---\\nbody\\n"
>>> from articlekit.issues import Issue
>>> issue = Issue("AK303", "error", "'heat' is too large", ("heat",), 3, 7)
>>> result = add_suppressions(text, [issue], lambda new: [])
>>> result.text
'---\\ntitle: x\\nheat: 200  # articlekit: ignore[AK303]\\n---\\nbody\\n'
>>> [(a.line, a.comment) for a in result.added]
[(3, '# articlekit: ignore[AK303]')]
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..issues import Issue
from ..positions import BREAK as _BREAK
from ..suppressions import BAD_SUPPRESSION, UNUSED_SUPPRESSION, Suppressions, find_suppressions
from .common import PROG, plural

if TYPE_CHECKING:
    from ..config import Config
    from .runner import Outcome

__all__ = ["Added", "Result", "add_suppressions", "run_add"]

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_META = (BAD_SUPPRESSION.code, UNUSED_SUPPRESSION.code)


@dataclass(frozen=True)
class Added:
    """One suppression comment written or extended.

    Attributes:
        line: its line in the new text.
        comment: the whole suppression comment as it now reads.
        codes: the codes added to it.
        merged: whether the codes went into a suppression comment that was already there.
    """

    line: int
    comment: str
    codes: tuple[str, ...]
    merged: bool = False


@dataclass
class Result:
    """What `add_suppressions` did to one file.

    Attributes:
        text: the new text (the old one when nothing was added).
        added: the suppression comments written or extended, by line.
        left: the issues no comment suppresses, each with the reason.
    """

    text: str
    added: list[Added] = field(default_factory=list)
    left: list[tuple[Issue, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Edit:
    """One suppression comment: ``text`` replaces the original line ``at``, or is inserted before it."""

    at: int
    insert: bool
    text: str
    comment: str
    codes: tuple[str, ...]
    merged: bool = False


def _lines(text: str) -> list[str]:
    return _LINE.findall(text)


def _ending(line: str) -> str:
    match = _BREAK.search(line)
    return match.group() if match else ""


def _fm_text(lines: Sequence[str], end: int) -> str:
    """The front matter: lines 2 to ``end`` (1-based, inclusive)."""
    return "".join(lines[1:end])


def _parsed(front_matter: str) -> tuple[bool, Any]:
    """Whether YAML reads the front matter, and its data."""
    from ..fastyaml import load_yaml_fast

    loaded = load_yaml_fast(front_matter, first_line=2)
    return loaded.data is not None or not any(i.is_error for i in loaded.issues), loaded.data


def _same_data(a: Any, b: Any) -> bool:
    return bool(a == b) or repr(a) == repr(b)  # NaN is not equal to itself


def _comment(codes: Sequence[str], whole_file: bool = False) -> str:
    return f"# articlekit: {'ignore-file' if whole_file else 'ignore'}[{', '.join(codes)}]"


def _merged(line: str, column: int, codes: Sequence[str]) -> tuple[str, str] | None:
    """``line`` with ``codes`` added to the suppression comment at ``column`` (1-based), and the comment."""
    content = line[: len(line) - len(_ending(line))]
    close = content.find("]", column - 1)
    if close < 0:
        return None
    new = content[:close] + "".join(f", {c}" for c in codes) + content[close:]
    comment = new[column - 1 :].rstrip()
    return new + _ending(line), comment


class _Planner:
    """Works out the edits of one front matter (lines 2 .. ``end``), checking each."""

    def __init__(self, lines: list[str], end: int) -> None:
        self.lines = lines
        self.end = end
        self.data = _parsed(_fm_text(lines, end))[1]
        self.found: Suppressions = find_suppressions(_fm_text(lines, end), first_line=2)

    def _works(self, edit: _Edit, codes: Sequence[str], target: int | None) -> bool:
        """Whether the lines with ``edit`` made keep the data and have a suppression of every code
        of ``codes`` for ``target`` (a line of the edited text; ``None``: the whole file)."""
        trial = list(self.lines)
        if edit.insert:
            trial.insert(edit.at - 1, edit.text)
        else:
            trial[edit.at - 1] = edit.text
        front_matter = _fm_text(trial, self.end + edit.insert)
        ok, data = _parsed(front_matter)
        if not ok or not _same_data(data, self.data):
            return False
        found = find_suppressions(front_matter, first_line=2)
        if len(found.problems) > len(self.found.problems):
            return False
        return any(
            set(codes) <= set(item.codes) and (item.whole_file if target is None else item.target == target)
            for item in found.items
        )

    def _merge(self, codes: Sequence[str], whole_file: bool, target: int | None) -> _Edit | None:
        """``codes`` added to a suppression comment already there (for ``target``, or ``ignore-file``)."""
        for item in self.found.items:
            if item.whole_file != whole_file or (not whole_file and item.target != target):
                continue
            new_codes = tuple(c for c in codes if c not in item.codes)
            merged = _merged(self.lines[item.line - 1], item.column, new_codes)
            if merged is None:
                continue
            edit = _Edit(item.line, False, merged[0], merged[1], new_codes, merged=True)
            if self._works(edit, [*item.codes, *new_codes], target):
                return edit
        return None

    def line_edit(self, number: int, codes: Sequence[str]) -> _Edit | None:
        """The edit that suppresses ``codes`` on line ``number``; ``None`` when no comment can."""
        line = self.lines[number - 1]
        newline = _ending(line)
        content = line[: len(line) - len(newline)]
        stripped = content.strip()
        if not stripped or stripped.startswith("#"):
            return None
        merged = self._merge(codes, False, number)
        if merged is not None:
            return merged
        comment = _comment(codes)
        trailing = _Edit(
            number, False, content.rstrip(" \t") + "  " + comment + newline, comment, tuple(codes)
        )
        if self._works(trailing, codes, number):
            return trailing
        indent = content[: len(content) - len(content.lstrip(" \t"))]
        above = _Edit(
            number, True, indent + comment + (newline or _ending(self.lines[0])), comment, tuple(codes)
        )
        if self._works(above, codes, number + 1):
            return above
        return None

    def file_edit(self, codes: Sequence[str]) -> _Edit | None:
        """The edit that suppresses ``codes`` in the whole file; ``None`` when no comment can."""
        merged = self._merge(codes, True, None)
        if merged is not None:
            return merged
        comment = _comment(codes, whole_file=True)
        top = _Edit(2, True, comment + (_ending(self.lines[0]) or "\n"), comment, tuple(codes))
        return top if self._works(top, codes, None) else None


def _plan(lines: list[str], end: int, issues: Sequence[Issue]) -> tuple[list[_Edit], list[tuple[Issue, str]]]:
    """The edits, and the issues no comment can suppress (with the reason)."""
    planner = _Planner(lines, end)
    by_line: dict[int, list[str]] = {}
    whole: list[str] = []
    left: list[tuple[Issue, str]] = []
    for issue in issues:
        if issue.code in _META:
            left.append((issue, f"{issue.code} cannot be suppressed by a comment: fix the comment"))
        elif 2 <= issue.line <= end:
            codes = by_line.setdefault(issue.line, [])
            if issue.code not in codes:
                codes.append(issue.code)
        elif issue.code not in whole:
            whole.append(issue.code)
    edits: list[_Edit] = []
    for number in sorted(by_line):
        codes = sorted(by_line[number])
        edit = planner.line_edit(number, codes)
        if edit is None:
            whole.extend(c for c in codes if c not in whole)
        else:
            edits.append(edit)
    if whole:
        edit = planner.file_edit(sorted(whole))
        if edit is None:
            left += [(i, "no suppression comment could be placed for it") for i in issues if i.code in whole]
        else:
            edits.insert(0, edit)  # first: above any other line inserted at the top
    return edits, left


def _assemble(lines: list[str], edits: Sequence[_Edit]) -> tuple[str, list[Added]]:
    """The new text, and where each suppression comment ended up."""
    by_line: dict[int, list[_Edit]] = {}
    for edit in edits:
        by_line.setdefault(edit.at, []).append(edit)
    out: list[str] = []
    added: list[Added] = []
    for number, line in enumerate(lines, start=1):
        replaced = line
        for edit in by_line.get(number, ()):
            if edit.insert:
                out.append(edit.text)
                added.append(Added(len(out), edit.comment, edit.codes, edit.merged))
            else:
                replaced = edit.text
                added.append(Added(len(out) + 1, edit.comment, edit.codes, edit.merged))
        out.append(replaced)
    added.sort(key=lambda a: a.line)
    return "".join(out), added


def add_suppressions(text: str, issues: Sequence[Issue], recheck: Callable[[str], Sequence[Issue]]) -> Result:
    """Suppress ``issues`` (those of ``text`` that fail the run) by comments in ``text``.

    ``recheck(new_text)`` gives the issues of the new text that fail the run
    (checked the same way as ``issues`` were): the edits are kept only when it
    reports exactly the issues left unsuppressed.
    """
    from ..splitter import split_front_matter

    if not issues:
        return Result(text)
    split = split_front_matter(text)
    if split.front_matter is None:
        return Result(text, left=[(i, "the file has no front matter to hold a comment") for i in issues])
    if not _parsed(split.front_matter)[0]:
        return Result(text, left=[(i, "YAML cannot read the front matter: fix it first") for i in issues])
    lines = _lines(text)
    end = 1 + len(_BREAK.findall(split.front_matter))
    edits, left = _plan(lines, end, issues)
    if not edits:
        return Result(text, left=left)
    new_text, added = _assemble(lines, edits)
    if Counter(i.code for i in recheck(new_text)) != Counter(i.code for i, _ in left):
        reason = "a suppression comment here would not silence it (the file was left unchanged)"
        return Result(text, left=[(i, reason) for i in issues])
    return Result(new_text, added, left)


def run_add(
    paths: Sequence[str],
    outcomes: Sequence[Outcome],
    configs: Sequence[Config],
    kwargs: dict[str, Any],
    failing: Callable[[Issue], bool],
    quiet: bool,
) -> tuple[int, int, list[tuple[str, str]]]:
    """`check --add-suppressions` once the files are checked: edit them, print what was done.

    `outcomes` are `runner.run_checks`'s; `failing(issue)` says whether an issue
    fails the run (after `--select`/`--ignore`, an error, or a warning with
    `--warnings-as-errors`).  Prints on standard output a line per suppression
    comment written (``PATH:LINE: added # articlekit: ignore[CODE]``) and each
    issue that is left, with the reason; returns the number of files changed,
    the number of issues left, and the files that could not be read or written.
    """
    from .. import api
    from .atomic import read_bytes, write_atomic

    problems: list[tuple[str, str]] = []
    changed = 0
    left_count = 0
    added_count = 0
    for outcome in outcomes:
        path = paths[outcome.file_index]
        if outcome.error is not None:
            problems.append((path, outcome.error))
            continue
        targets = [issue for issue in outcome.issues if failing(issue)]
        if not targets:
            continue
        raw = read_bytes(path, problems)
        if raw is None:
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            result = Result("", left=[(i, "the file is not UTF-8: fix its encoding first") for i in targets])
        else:
            config = configs[outcome.file_index]

            def recheck(new: str, config: Config = config, path: str = path) -> list[Issue]:
                return [i for i in api.check(new, config=config, path=path, **kwargs) if failing(i)]

            result = add_suppressions(text, targets, recheck)
        if result.added:
            try:
                write_atomic(path, result.text.encode("utf-8"))
            except OSError as exc:
                problems.append((path, f"cannot write: {exc.strerror or exc}"))
                continue
            changed += 1
            added_count += len(result.added)
            for added in result.added:
                what = f"added {', '.join(added.codes)} to" if added.merged else "added"
                print(f"{path}:{added.line}: {what} {added.comment}")
        for issue, reason in result.left:
            left_count += 1
            print(f"{path}:{issue} (not suppressed: {reason})")
    sys.stdout.flush()
    if not quiet:
        note = f"; {plural(left_count, 'issue')} could not be suppressed (listed above)" if left_count else ""
        print(
            f"{PROG}: added {plural(added_count, 'suppression comment')} to {plural(changed, 'file')}{note}",
            file=sys.stderr,
        )
    return changed, left_count, problems
