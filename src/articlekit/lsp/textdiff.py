"""The smallest set of whole-line edits that turns one text into another (one per changed hunk).

>>> old = "---\\ntitle:   x\\nheat: 1\\n---\\nbody\\n"
>>> new = "---\\ntitle: x\\nheat: 1\\n---\\nbody\\n"
>>> line_edits(old, new)
[(4, 15, 'title: x\\n')]
>>> apply_offset_edits(old, line_edits(old, new)) == new
True
"""

from __future__ import annotations

import difflib

from ..fixes._context import apply_offset_edits  # the one splice of offset edits, shared with the autofix
from .positions import split_lines

__all__ = ["apply_offset_edits", "line_edits"]


def line_edits(old: str, new: str) -> list[tuple[int, int, str]]:
    """Edits ``(start, end, text)`` (offsets in ``old``, in order, not overlapping) that make ``new``."""
    if old == new:
        return []
    a, b = split_lines(old), split_lines(new)
    starts = [0]
    for line in a:
        starts.append(starts[-1] + len(line))
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return [
        (starts[i1], starts[i2], "".join(b[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]
