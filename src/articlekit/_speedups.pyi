# The optional C accelerator (src/articlekit/_speedups.c); see articlekit.fastyaml.
# Its header comment documents these three functions; articlekit._speedups_py has the
# same three in pure Python, and articlekit.fastyaml calls whichever it picked.
from collections.abc import Callable
from typing import Any

from ._dataindex import DataIndex

_Special = list[tuple[int, tuple[str | int, ...], str, dict[str, Any]]]

def parse_subset(
    text: str,
    max_depth: int,
    key_info: dict[str, int],
    key_info_of: Callable[[str], int],
    scalar: Callable[..., Any],
    flow: Callable[..., Any],
    max_len: int,
    typed: list[str] | None = None,
    /,
) -> tuple[dict[str, Any], list[dict[str, Any]], _Special] | None:
    """_speedups_py.parse_subset in C: None, (root, mappings, special), or raises the set_fallback() class.

    With a `typed` list, scalar and flow are called as scalar(rest, max_len, typed), and the
    texts of the yes, no, on and off and of the floats (4.632458) the loop reads itself are
    appended to it.

    The module's table of keys seen belongs to one (key_info, key_info_of) pair at a time:
    a call with another pair empties it first.
    """

def set_fallback(cls: type[Exception], /) -> None:
    """The exception class that means "use the full loader" (required before parse_subset)."""

def index_of(
    mappings: list[dict[str, Any]], special: _Special, typed_texts: list[str] | None, /
) -> DataIndex:
    """_dataindex.index_of in C, for what parse_subset answered (its mappings are exact dicts)."""
