"""A griffe extension for the API pages: bare doctest blocks in docstrings become code blocks.

Docstrings hold ``>>>`` examples outside an ``Examples:`` section; Markdown would
read them as nested block quotes (and ``x["key"]`` as links).  This wraps each
run of ``>>>`` lines and their output in a ``pycon`` fence.
"""

from __future__ import annotations

from typing import Any

import griffe

__all__ = ["DoctestBlocks", "fence_doctests"]


def fence_doctests(text: str) -> str:
    """``text`` with every bare doctest block (outside fences) wrapped in a ```` ```pycon ```` fence."""
    out: list[str] = []
    in_fence = False
    in_doctest = False
    for line in text.splitlines():
        stripped = line.strip()
        if in_doctest and not stripped:
            out.append("```")
            in_doctest = False
        if not in_doctest and stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
        elif not in_fence and not in_doctest and stripped.startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}```pycon")
            in_doctest = True
        out.append(line)
    if in_doctest:
        out.append("```")
    return "\n".join(out)


class DoctestBlocks(griffe.Extension):
    """Fence the bare doctest blocks of every docstring griffe loads."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite ``obj``'s docstring in place."""
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(obj.docstring.value)
