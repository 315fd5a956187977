"""`--format json`: one JSON list of every issue (an empty list when there is none)."""

from __future__ import annotations

import json

from .base import Report, Reporter

__all__ = ["JsonReporter"]


class JsonReporter(Reporter):
    """A JSON list of `{path, line, column, code, severity, message, key_path}` objects."""

    help = "a JSON list of issues"

    def render(self, report: Report) -> str:
        items = [
            {
                "path": path,
                "line": issue.line,
                "column": issue.column,
                "code": issue.code,
                "severity": issue.severity,
                "message": issue.message,
                "key_path": list(issue.path),
            }
            for path, issue in report.issues
        ]
        return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
