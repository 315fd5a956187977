"""What a reporter is given (`Report`) and what it must do (`Reporter`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from ...issues import Issue

__all__ = ["Report", "Reporter"]


@dataclass(frozen=True)
class Report:
    """The outcome of `articlekit check`, as the reporters see it.

    Attributes:
        files: every file checked, as shown (`--stdin-filename` for `-`), in the order found;
            files with no issue are here too.
        issues: `(path, issue)` of every issue reported (after `--select` and `--ignore`),
            sorted by path, then position.
        unreadable: `(path, reason)` of the paths that could not be read or checked.
        elapsed: seconds taken.
        suppressed: `(path, issue)` of the issues silenced by a suppression comment in the
            file (`# articlekit: ignore[CODE]`), sorted like `issues`.  Only formats that
            can show a suppressed finding as such (SARIF) show them; the others leave them out.
        lines: the text of each line that an issue points at, by `(path, line)`: what
            fingerprints hash (see `articlekit.cli.baseline`).  Filled when the format asks
            for it (`Reporter.needs_lines`).
    """

    files: Sequence[str]
    issues: Sequence[tuple[str, Issue]]
    unreadable: Sequence[tuple[str, str]] = ()
    elapsed: float = 0.0
    suppressed: Sequence[tuple[str, Issue]] = ()
    lines: Mapping[tuple[str, int], str] = field(default_factory=dict)
    _errors: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_errors", sum(1 for _, issue in self.issues if issue.is_error))

    @property
    def errors(self) -> int:
        """How many issues are errors."""
        return self._errors

    @property
    def warnings(self) -> int:
        """How many issues are warnings."""
        return len(self.issues) - self._errors

    def by_file(self) -> dict[str, list[Issue]]:
        """Each checked file's issues (an empty list for a clean file), in the order of `files`."""
        out: dict[str, list[Issue]] = {path: [] for path in self.files}
        for path, issue in self.issues:
            out.setdefault(path, []).append(issue)
        return out


class Reporter:
    """Turns a `Report` into the text written to standard output.

    A reporter gets the whole report at the end, so it can write a whole
    document (a JSON list, an XML or SARIF file) as well as one line per issue.
    A new output format is a subclass in its own module under
    `articlekit/cli/reporters/` and one entry in `reporters.REPORTERS`; the
    entry's name is a `check --format` choice and `help` its description.

    Attributes:
        help: a few words for `articlekit check --help`.
        needs_lines: whether `render` reads `Report.lines` (for fingerprints); the text of
            the lines with issues is then kept while checking.
        color: whether the output may use ANSI colours (`--color`; only a terminal format uses it).
    """

    help: ClassVar[str] = ""
    needs_lines: ClassVar[bool] = False

    def __init__(self, *, color: bool = False) -> None:
        self.color = color

    def render(self, report: Report) -> str:
        """The whole output for `report`, ending with a newline (or empty: nothing is written)."""
        raise NotImplementedError
