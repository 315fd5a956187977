"""`--format text`: one line per issue, `PATH:LINE:COL: severity CODE message`, coloured on demand."""

from __future__ import annotations

from .base import Report, Reporter

__all__ = ["TextReporter"]


class _Style:
    """ANSI colours for the text output, or none."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def _wrap(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.enabled else text

    def path(self, text: str) -> str:
        return self._wrap(text, "1")

    def severity(self, severity: str) -> str:
        return self._wrap(severity, "1;31" if severity == "error" else "1;33")

    def code(self, text: str) -> str:
        return self._wrap(text, "36")


class TextReporter(Reporter):
    """One line per issue, for people and editors: `PATH:LINE:COL: severity CODE message`."""

    help = "one line per issue (default)"

    def render(self, report: Report) -> str:
        style = _Style(self.color)
        lines = [
            f"{style.path(path)}:{issue.line}:{issue.column}: {style.severity(issue.severity)} "
            f"{style.code(issue.code)} {issue.message}"
            for path, issue in report.issues
        ]
        return "".join(line + "\n" for line in lines)
