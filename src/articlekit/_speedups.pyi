# The optional C accelerator (src/articlekit/_speedups.c); see articlekit.fastyaml.
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
) -> tuple[dict[str, Any], list[dict[str, Any]], _Special] | None: ...
def set_fallback(cls: type[Exception], /) -> None: ...
