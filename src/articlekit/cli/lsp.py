"""`articlekit lsp`: run the language server on stdin and stdout (needs the ``lsp`` extra)."""

from __future__ import annotations

import argparse
import os
import sys

from .common import EXIT_ERRORS, EXIT_OK, EXIT_USAGE, PROG, collector_paused, load_library
from .params import FORMATTER

__all__ = ["add_parser", "run"]

_EPILOG = """\
examples:
  articlekit lsp                             what an editor runs (see docs/editors.md)
  articlekit lsp --log-file /tmp/ak-lsp.log  the same, with a debug log

The server speaks the Language Server Protocol on stdin and stdout: diagnostics,
quick fixes, formatting, hover and completion for the front matter of Markdown
files.  It needs the 'lsp' extra: pip install 'articlekit[lsp]'.

exit status: 0 the client shut the server down, 1 the connection ended without a
shutdown request, 2 the 'lsp' extra is not installed.
"""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `lsp` command to the subcommands `sub`."""
    p = sub.add_parser(
        "lsp",
        help="run the language server (for editors) on stdio",
        description="Run the articlekit language server on stdin and stdout.",
        epilog=_EPILOG,
        formatter_class=FORMATTER,
    )
    p.add_argument(
        "--stdio", action="store_true", help="use stdin and stdout (the default; for clients that pass it)"
    )
    p.add_argument("--log-file", metavar="PATH", help="write a debug log to PATH")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run `articlekit lsp` with the parsed `args`; the exit status."""
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError as exc:
        print(
            f"{PROG}: error: the language server needs the 'lsp' extra ({exc.name or exc} is not installed): "
            "pip install 'articlekit[lsp]'",
            file=sys.stderr,
        )
        return EXIT_USAGE
    with collector_paused():  # pygls and lsprotocol too: the server's imports, all at once
        load_library()
        from ..lsp.server import serve

    status = serve(args.log_file)
    # the server closed standard output when the client said 'exit': later flushes must not fail
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115
    return EXIT_OK if status == 0 else EXIT_ERRORS
