"""Suppressions are found on the right lines, with the right targets, however the lines are cut.

`suppressions._find` cuts out only the lines that name ``articlekit`` (and reads
the lines after an own-line suppression one by one) instead of splitting the
whole front matter; here its lines and targets are held to the plain
``str.split`` reading, for LF, CRLF and CR texts.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articlekit.suppressions import find_suppressions

_DIRECTIVE = "# articlekit: ignore[AK305]"
_LINES = [
    _DIRECTIVE,
    f"  {_DIRECTIVE}",
    f"title: x  {_DIRECTIVE}",
    "# articlekit: ignore-file[AK401]",
    "title: x",
    "  - item",
    "",
    "   ",
    "# a comment",
    "  # an indented comment",
    'note: "articlekit is a name"',
    "images:",
]


def _expected(lines: list[str], first_line: int) -> list[tuple[int, int | None]]:
    """(line, target) of each ``ignore`` suppression, read from the split lines."""
    found = []
    for number, line in enumerate(lines):
        if "ignore[AK305]" not in line:
            continue
        own = line.lstrip().startswith("#")
        target: int | None = first_line + number
        if own:
            target = None
            for later in range(number + 1, len(lines)):
                stripped = lines[later].strip()
                if stripped and not stripped.startswith("#"):
                    target = first_line + later
                    break
        found.append((first_line + number, target))
    return found


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(_LINES), min_size=1, max_size=12),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.booleans(),
    st.integers(1, 5),
)
def test_lines_and_targets_are_those_of_the_split_text(
    lines: list[str], newline: str, final_break: bool, first_line: int
) -> None:
    text = newline.join(lines) + (newline if final_break else "")
    got = [
        (item.line, item.target)
        for item in find_suppressions(text, first_line=first_line).items
        if not item.whole_file
    ]
    assert got == _expected(lines, first_line)
