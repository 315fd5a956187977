"""`check --statistics`: how many issues of each code, most frequent first (like `ruff --statistics`)."""

from __future__ import annotations

from collections import Counter

from ...issues import CODES
from .base import Report

__all__ = ["render_statistics"]


def render_statistics(report: Report) -> str:
    """One line per code that occurs: `COUNT  CODE  name`, by count (highest first), then code.

    The counts are right-aligned; nothing is written when there is no issue.
    """
    counts = Counter(issue.code for _, issue in report.issues)
    if not counts:
        return ""
    width = len(str(max(counts.values())))
    code_width = max(len(code) for code in counts)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    lines = []
    for code, count in rows:
        info = CODES.get(code)
        name = info.name if info is not None else ""
        lines.append(f"{count:>{width}}  {code:<{code_width}}  {name}".rstrip() + "\n")
    return "".join(lines)
