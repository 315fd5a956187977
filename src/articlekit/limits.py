"""Resource limits that keep hostile input from hanging or exhausting a process.

Every limit is configurable; the defaults are far above anything a real
article file needs (real files are a few KiB, nest six levels deep and use no
aliases):

>>> import articlekit
>>> strict = articlekit.Limits(max_bytes=64 * 1024)
>>> [issue.code for issue in articlekit.check("---\\ntitle: x\\n---\\n" + "x" * 70_000, limits=strict)]
['AK105']
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_LIMITS", "Limits"]


@dataclass(frozen=True)
class Limits:
    """Bounds on what a document may make articlekit do.

    Attributes:
        max_bytes: largest input accepted, in bytes of UTF-8 (1 MiB).
        max_depth: deepest nesting of mappings and sequences (64; at most
            1,000, libyaml's own limit, whatever is set here).
        max_aliases: most ``*alias`` uses in one document (100).
        max_alias_expansion: most nodes the aliases of a document may stand
            for once expanded (10,000); this stops "billion laughs".
        max_keys: most keys in one mapping (1,000).
        max_string_length: longest scalar, in characters (262,144).
    """

    max_bytes: int = 1024 * 1024
    max_depth: int = 64
    max_aliases: int = 100
    max_alias_expansion: int = 10_000
    max_keys: int = 1_000
    max_string_length: int = 256 * 1024

    def __post_init__(self) -> None:
        for name in (
            "max_bytes",
            "max_depth",
            "max_aliases",
            "max_alias_expansion",
            "max_keys",
            "max_string_length",
        ):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"Limits.{name} must be a non-negative integer, got {value!r}")


DEFAULT_LIMITS = Limits()
"""The limits used when none are given."""
