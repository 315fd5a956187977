"""A griffe extension for the API pages: bare doctest blocks in docstrings become code blocks.

Docstrings are Markdown and hold ``>>>`` examples as bare doctest blocks (a
paragraph of ``>>>`` lines and their output, so that ``doctest`` runs them).
Markdown would read them as nested block quotes (and ``x["key"]`` as links);
this wraps each such block in one ``pycon`` fence, indented like the block, and
drops doctest directives (``# doctest: +SKIP``), which are for the test runner,
not for the reader.  Code already in a fence is left alone, except that
directives on its ``>>>`` lines are dropped too.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

__all__ = ["DoctestBlocks", "fence_doctests", "strip_directives"]

_DIRECTIVE = re.compile(r"\s*#\s*doctest:[^#]*$")
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})")


def strip_directives(line: str) -> str:
    """``line`` without a trailing ``# doctest: ...`` directive (only on ``>>>`` and ``...`` lines)."""
    if line.lstrip().startswith((">>>", "...")):
        return _DIRECTIVE.sub("", line)
    return line


def fence_doctests(text: str) -> str:
    """``text`` with every bare doctest block (outside fences) wrapped in a ```` ```pycon ```` fence."""
    out: list[str] = []
    fence: str | None = None  # the marker of the fence we are in, if any
    doctest_indent: str | None = None  # the indent of the doctest block we are in, if any
    for line in text.splitlines():
        stripped = line.strip()
        if doctest_indent is not None and not stripped:
            out.append(f"{doctest_indent}```")
            doctest_indent = None
        if doctest_indent is None:
            match = _FENCE.match(line)
            if match and fence is None:
                fence = match.group(2)
            elif match and fence is not None and stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = None
            elif fence is None and stripped.startswith(">>>"):
                doctest_indent = line[: len(line) - len(line.lstrip())]
                out.append(f"{doctest_indent}```pycon")
        out.append(strip_directives(line))
    if doctest_indent is not None:
        out.append(f"{doctest_indent}```")
    return "\n".join(out)


class DoctestBlocks(griffe.Extension):
    """Fence the bare doctest blocks of every docstring griffe loads."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite ``obj``'s docstring in place."""
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(obj.docstring.value)
