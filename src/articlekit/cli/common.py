"""What every command shares: exit statuses, usage errors, messages and loading the library.

The library (models, parser, rules) is imported by `load_library`, which the
commands that need it call first, never at import time: `articlekit --help`
and the start-up of every command stay cheap.
"""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Iterator

__all__ = [
    "EXIT_ERRORS",
    "EXIT_OK",
    "EXIT_USAGE",
    "PROG",
    "STDIN",
    "STDIN_NAME",
    "UsageError",
    "collector_paused",
    "error",
    "load_library",
    "mark_as_program",
    "plural",
]

EXIT_OK = 0
"""Exit status: nothing wrong."""
EXIT_ERRORS = 1
"""Exit status: errors found, files that would change (`format --check`) or could not be formatted."""
EXIT_USAGE = 2
"""Exit status: a usage error, a path that could not be read, or a path with no file to process."""

PROG = "articlekit"
STDIN = "-"
"""The path that stands for standard input."""
STDIN_NAME = "<stdin>"
"""The name shown for standard input unless `--stdin-filename` gives one."""


class UsageError(Exception):
    """A mistake on the command line: reported on stderr, exit status 2."""


def error(message: str) -> None:
    """Print `articlekit: error: MESSAGE` on stderr."""
    print(f"{PROG}: error: {message}", file=sys.stderr)


def plural(n: int, word: str) -> str:
    """`1 file`, `2 files`."""
    return f"{n} {word}{'' if n == 1 else 's'}"


class _State:
    loaded = False
    program = False  # set by main(): this process is the articlekit program, not a library's caller
    pauses = 0  # `collector_paused` blocks entered and not left


def mark_as_program(program: bool) -> None:
    """Record whether this process is the `articlekit` program (see `load_library`)."""
    _State.program = program


def load_library() -> None:
    """Import the parser, the models, every built-in rule and the installed plugins, once.

    Called before any file is checked.  A plugin that fails to load raises
    `articlekit.PluginError` (`run` reports it: exit status 2).

    The garbage collector is paused meanwhile: importing makes tens of thousands
    of objects and no garbage, and the collections it would trigger cost about
    a tenth of the time.  As the program (`main`), the objects made so far are
    then moved out of the collector's sight for good (`gc.freeze`): they live
    until the end, and worker processes forked later do not copy the memory
    pages that the collector would otherwise touch.
    """
    if _State.loaded:
        return
    with collector_paused():
        from .. import api  # noqa: F401
        from ..rules import all_rules

        all_rules()  # the built-in rules, loaded before worker processes are forked
        from ..plugins import load_plugins

        load_plugins()  # the installed plugins' kinds, codes and rules (a failure: PluginError, exit 2)
    _State.loaded = True


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the garbage collector meanwhile (for imports); as the program, freeze what was made.

    What `load_library` does around the library, and ``articlekit lsp`` around
    pygls and lsprotocol too (tens of thousands of objects: the collections
    they would trigger cost about 5% of the server's start-up).  Nested uses
    leave the collector paused until the outermost ends.
    """
    enabled = gc.isenabled()
    gc.disable()
    _State.pauses += 1
    try:
        yield
    finally:
        _State.pauses -= 1
        if enabled:
            gc.enable()
    if _State.program and not _State.pauses:
        gc.freeze()
