"""The output formats of `articlekit check --format`: a registry of reporters.

`REPORTERS` maps each `--format` name to its `Reporter` class; the choices
and help of `--format` come from it.  To add a format, write a module here
with a `Reporter` subclass (its `render(report)` gets every checked file and
every issue at the end) and add one entry below.
"""

from __future__ import annotations

import sys

from ..common import STDIN
from .base import Report, Reporter
from .github import GithubReporter
from .gitlab import GitlabReporter
from .json import JsonReporter
from .junit import JunitReporter
from .sarif import SarifReporter
from .statistics import render_statistics
from .text import TextReporter

__all__ = ["DEFAULT", "REPORTERS", "Report", "Reporter", "deliver"]

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
    "sarif": SarifReporter,
    "junit": JunitReporter,
    "gitlab": GitlabReporter,
}
"""Every output format by its `--format` name."""

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
        text = render_statistics(report)
    else:
        terminal = REPORTERS[DEFAULT if to_file else output_format](color=color)
        text = terminal.render(report)
    sys.stdout.write(text)
    sys.stdout.flush()
