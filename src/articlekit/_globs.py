"""Gitignore-style globs, compiled once by ``pathspec`` and matched fast.

The configuration's ``include``, ``exclude``, ``per-file-ignores`` and
``kinds`` and every ``.gitignore`` file are matched with these: a glob without
``/`` matches at any depth, one with ``/`` is anchored, ``**`` spans folders,
a trailing ``/`` matches folders only, and ``!glob`` re-includes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

__all__ = ["Globs"]


class Globs:
    """Gitignore patterns (compiled by ``pathspec``), matched by gitignore's rule: the last match decides.

    >>> Globs(["*.md", "!keep/*.md"]).match("a/b.md"), Globs(["*.md", "!keep/*.md"]).match("keep/c.md")
    (True, False)
    """

    __slots__ = ("_tests",)

    def __init__(self, lines: Iterable[str]) -> None:
        import pathspec  # here, not at import: finding no configuration file must not pay for it

        spec = pathspec.GitIgnoreSpec.from_lines(lines)
        tests = []
        for pattern in reversed(spec.patterns):
            regex = getattr(pattern, "regex", None)
            if pattern.include is not None and regex is not None:
                tests.append((regex.search, bool(pattern.include)))
        self._tests: tuple[tuple[Callable[[str], object], bool], ...] = tuple(tests)

    def match(self, rel: str) -> bool:
        """Whether ``rel`` (a relative path with ``/``; a folder ends with ``/``) is matched."""
        return self.decide(rel) is True

    def decide(self, rel: str) -> bool | None:
        """``True`` (matched), ``False`` (a ``!pattern`` matched last) or ``None`` (no pattern matched)."""
        for search, include in self._tests:
            if search(rel) is not None:
                return include
        return None
