# The optional C accelerator (src/articlekit/_speedups.c); see articlekit.fastyaml.
# Its header comment documents these two functions; articlekit._speedups_py has the
# same two in pure Python, and articlekit.fastyaml calls whichever it picked.
from collections.abc import Callable
from typing import Any

_Special = list[tuple[int, tuple[str | int, ...], str, dict[str, Any]]]

def parse_subset(
    text: str,
    max_depth: int,
    key_info: dict[str, int],
    key_info_of: Callable[[str], int],
    scalar: Callable[[str, int], Any],
    flow: Callable[[str, int], Any],
    max_len: int,
    /,
) -> tuple[dict[str, Any], list[dict[str, Any]], _Special] | None:
    """_speedups_py.parse_subset in C: None, (root, mappings, special), or raises the set_fallback() class.

    The module's table of keys seen belongs to one (key_info, key_info_of) pair at a time:
    a call with another pair empties it first.
    """

def set_fallback(cls: type[Exception], /) -> None:
    """The exception class that means "use the full loader" (required before parse_subset)."""
