"""`--format gitlab`: a GitLab Code Quality report (`artifacts:reports:codequality`).

A JSON list with one object per issue: `description` (code and message),
`check_name` (the code), `fingerprint` (stable when lines are inserted above
the issue; see `articlekit.cli.baseline`), `severity` and `location` (`path`
relative to the current folder, `lines.begin`).  GitLab's severities are
`info`, `minor`, `major`, `critical` and `blocker`: an error is `major` (it
fails `check`; `critical` and `blocker` are left for security findings and
broken builds), a warning `minor`.  Issues silenced by a suppression comment
and paths that could not be read are left out (those make `check` exit 2 and
are reported on standard error).
"""

from __future__ import annotations

import json
import os

from ..baseline import fingerprints, relative_path
from .base import Report, Reporter

__all__ = ["SEVERITY", "GitlabReporter"]

SEVERITY = {"error": "major", "warning": "minor"}
"""GitLab's severity for each articlekit severity."""


class GitlabReporter(Reporter):
    """A JSON list of Code Quality objects, one per issue (an empty list when there is none)."""

    help = "GitLab Code Quality report"
    needs_lines = True

    def render(self, report: Report) -> str:
        root = os.getcwd()
        prints = fingerprints(report.issues, report.lines, root)
        items = [
            {
                "description": f"{issue.code} {issue.message}",
                "check_name": issue.code,
                "fingerprint": fingerprint,
                "severity": SEVERITY[issue.severity],
                "location": {"path": relative_path(path, root), "lines": {"begin": issue.line}},
            }
            for (path, issue), fingerprint in zip(report.issues, prints, strict=True)
        ]
        return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
