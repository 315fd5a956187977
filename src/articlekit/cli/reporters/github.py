"""`--format github`: GitHub Actions workflow commands, one annotation per issue."""

from __future__ import annotations

from .base import Report, Reporter

__all__ = ["GithubReporter", "escape_data", "escape_property"]


def escape_data(text: str) -> str:
    """Escape the message part of a GitHub Actions workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (`file=...`) of a GitHub Actions workflow command."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """`::error file=...,line=...,col=...,title=...::CODE message` lines that GitHub shows on the diff."""

    help = "GitHub Actions annotations"

    def render(self, report: Report) -> str:
        lines = []
        for path, issue in report.issues:
            command = "error" if issue.is_error else "warning"
            title = escape_property(f"articlekit {issue.code}")
            lines.append(
                f"::{command} file={escape_property(path)},line={issue.line},col={issue.column},"
                f"title={title}::{escape_data(f'{issue.code} {issue.message}')}\n"
            )
        return "".join(lines)
