"""The terminal: whether to colour the output, and a progress bar on stderr."""

from __future__ import annotations

import os
from typing import TextIO

__all__ = ["Progress", "isatty", "use_color"]


def use_color(choice: str, stream: TextIO) -> bool:
    """Whether `--color CHOICE` colours what goes to `stream` (`NO_COLOR` always turns it off)."""
    if os.environ.get("NO_COLOR") or choice == "never":
        return False
    if choice == "always":
        return True
    return isatty(stream) and os.environ.get("TERM") != "dumb"


def isatty(stream: TextIO) -> bool:
    """Whether `stream` is a terminal (False for anything that cannot tell)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """A progress bar on stderr, drawn only when enabled (a terminal, many files)."""

    def __init__(self, total: int, stream: TextIO, enabled: bool) -> None:
        self.total = total
        self.stream = stream
        self.enabled = enabled and total > 0
        self.done = 0
        self._drawn = -1

    def advance(self, n: int) -> None:
        """Count `n` more files done, and redraw the bar when the percentage changes."""
        if not self.enabled:
            return
        self.done += n
        percent = self.done * 100 // self.total
        if percent != self._drawn:
            self._drawn = percent
            width = 30
            filled = width * self.done // self.total
            bar = "#" * filled + "-" * (width - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total} files")
            self.stream.flush()

    def close(self) -> None:
        """Erase the bar, if one was drawn."""
        if self.enabled and self._drawn >= 0:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
