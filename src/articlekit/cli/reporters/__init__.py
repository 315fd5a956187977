"""The output formats of `articlekit check --format`: a registry of reporters.

`REPORTERS` maps each `--format` name to its `Reporter` class; the choices
and help of `--format` come from it.  To add a format, write a module here
with a `Reporter` subclass (its `render(report)` gets every checked file and
every issue at the end) and add one entry to `_BUILTIN` below (its module,
class name, help and `needs_lines`, so that the module is imported only when
its format is chosen: `check` of one file does not pay for XML or SARIF).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator, MutableMapping
from typing import NamedTuple

from ..common import STDIN
from .base import Report, Reporter

__all__ = ["DEFAULT", "REPORTERS", "Report", "Reporter", "deliver"]


class _Lazy(NamedTuple):
    """A built-in format not imported yet: where its class is, and what `check` must know beforehand."""

    module: str
    name: str
    help: str
    needs_lines: bool


_BUILTIN = {
    "text": _Lazy("text", "TextReporter", "one line per issue (default)", False),
    "json": _Lazy("json", "JsonReporter", "a JSON list of issues", False),
    "github": _Lazy("github", "GithubReporter", "GitHub Actions annotations", False),
    "sarif": _Lazy("sarif", "SarifReporter", "SARIF 2.1.0 (GitHub code scanning)", True),
    "junit": _Lazy("junit", "JunitReporter", "JUnit XML (a test case per file)", False),
    "gitlab": _Lazy("gitlab", "GitlabReporter", "GitLab Code Quality report", True),
}


class _Reporters(MutableMapping[str, type[Reporter]]):
    """Format name -> `Reporter` class; a built-in format's module is imported on first use.

    `help` and `needs_lines` answer without importing it (the `--format` help
    and `check`'s setup need them for every run).
    """

    def __init__(self, entries: dict[str, _Lazy]) -> None:
        self._entries: dict[str, type[Reporter] | _Lazy] = dict(entries)

    def __getitem__(self, name: str) -> type[Reporter]:
        entry = self._entries[name]
        if isinstance(entry, _Lazy):
            module = importlib.import_module(f"{__name__}.{entry.module}")
            entry = self._entries[name] = getattr(module, entry.name)
        return entry

    def __setitem__(self, name: str, reporter: type[Reporter]) -> None:
        self._entries[name] = reporter

    def __delitem__(self, name: str) -> None:
        del self._entries[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def help(self, name: str) -> str:
        """The format's `Reporter.help`, without importing its module."""
        return self._entries[name].help

    def needs_lines(self, name: str) -> bool:
        """The format's `Reporter.needs_lines`, without importing its module."""
        return self._entries[name].needs_lines


REPORTERS = _Reporters(_BUILTIN)
"""Every output format by its `--format` name (a mapping of `Reporter` classes, imported when first used)."""

DEFAULT = "text"
"""The format used without `--format`."""


def deliver(
    report: Report, output_format: str, output_file: str | None, statistics: bool, color: bool
) -> None:
    """Write `report` as `check` does: in `output_format` to standard output, or to `output_file`.

    With `output_file` (not `-`) the report goes to that file (atomically, never coloured)
    and the text format to standard output, for the people reading the CI log.  With
    `statistics`, standard output gets the count per code instead (`render_statistics`).

    Raises:
        UsageError: `output_file` cannot be written.
    """
    from ..atomic import write_output

    to_file = output_file is not None and output_file != STDIN
    if to_file:
        write_output(output_file, REPORTERS[output_format](color=False).render(report))
    if statistics:
        from .statistics import render_statistics

        text = render_statistics(report)
    else:
        terminal = REPORTERS[DEFAULT if to_file else output_format](color=color)
        text = terminal.render(report)
    sys.stdout.write(text)
    sys.stdout.flush()
