"""The `articlekit` command line: `check`, `format`, `schema`, `convert`, `codes` and `config`.

[`run`][articlekit.cli.run] does the work and returns the exit status;
[`main`][articlekit.cli.main] (the `articlekit` console script and
`python -m articlekit`) wraps it:

>>> from articlekit.cli import run
>>> run(["check", "examples/"])  # doctest: +SKIP
0

Exit statuses: `0` nothing wrong, `1` errors found (or files that would be
reformatted, with `format --check`), `2` a usage error, a path that could not
be read or a folder with no file to process (the other paths are still
processed).  See `docs/cli.md`.

Layout (`run` and `main` are the public API; the modules are the command line's own):

* `parser` builds the parser from the command modules `check`, `format`,
  `schema`, `convert`, `codes` and `config` (each has `add_parser` and `run`);
* `params` holds the arguments that several commands share, `discovery`
  finds the files, `atomic` writes files, `runner` checks files in parallel,
  `terminal` handles colour and the progress bar;
* `reporters` is the registry of `check --format` output formats.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .common import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, PROG, UsageError, error, mark_as_program

if TYPE_CHECKING:
    import argparse

__all__ = ["EXIT_ERRORS", "EXIT_OK", "EXIT_USAGE", "main", "run"]


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (without the program name) and return the exit status.

    `argv` defaults to `sys.argv[1:]`.  Output goes to `sys.stdout` and
    `sys.stderr`; nothing calls `sys.exit`.
    """
    from .parser import build_parser

    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(argv[0] if argv else None)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed by argparse
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    handler: Callable[[argparse.Namespace], int] = args.handler
    from ..errors import ConfigError, PluginError

    try:
        return handler(args)
    except UsageError as exc:
        error(str(exc))
        return EXIT_USAGE
    except PluginError as exc:  # a plugin that fails to import: one line naming it, not a traceback
        error(str(exc))
        return EXIT_USAGE
    except ConfigError as exc:  # a bad configuration file: 'path:line:col: key: message'
        print(exc, file=sys.stderr)
        error("invalid configuration file; nothing was done")
        return EXIT_USAGE


def main() -> None:
    """Entry point of the `articlekit` script and of `python -m articlekit`.

    Exits with [`run`][articlekit.cli.run]'s status; 130 on Ctrl-C; 141 when the reader of
    standard output goes away (`articlekit check . | head`), silently.

    Called from a program's `__main__` module (the `articlekit` script,
    `python -m articlekit`), it ends the process at once after flushing
    standard output and error (`os._exit`): the interpreter's teardown,
    which frees every model and module one by one, would add ~30 ms to each
    run.  Called from anywhere else (a test), it raises `SystemExit`.
    """
    caller = sys._getframe(1) if hasattr(sys, "_getframe") else None
    program = caller is not None and caller.f_globals.get("__name__") == "__main__"
    mark_as_program(program)
    try:
        status = run()
        sys.stdout.flush()
    except KeyboardInterrupt:
        print(f"\n{PROG}: interrupted", file=sys.stderr)
        status = 130
    except BrokenPipeError:
        # Python flushes stdout again at exit: point it at /dev/null so that does not fail too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        status = 141
    if program:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        os._exit(status)
    sys.exit(status)
