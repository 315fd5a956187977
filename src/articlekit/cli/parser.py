"""The `articlekit` argument parser, built from the commands' own `add_parser` functions."""

from __future__ import annotations

import argparse

from .common import PROG
from .params import FORMATTER

__all__ = ["COMMANDS", "build_parser"]

COMMANDS = ("check", "format", "schema", "convert", "codes", "config", "plugins", "lsp")
"""The commands, in the order `articlekit --help` lists them: each is the module `articlekit.cli.NAME`
with `add_parser(subparsers)` (which sets the `handler` default to its `run(args)`)."""

_EPILOG = """\
examples:
  articlekit check content/                 check every *.md / *.markdown below content/
  articlekit check --format github .        annotations for GitHub Actions
  articlekit format --check --diff posts/   show what the formatter would change
  articlekit schema --output article.schema.json
  articlekit convert _news/ --to jsonl > news.jsonl
  articlekit codes AK301                    what an issue code means
  articlekit config _news/post.md           the configuration that applies to a file
  articlekit plugins                        the plugins loaded, and what each registered

exit status: 0 nothing wrong, 1 errors found (or files would be reformatted),
2 usage error or unreadable path.  Run 'articlekit COMMAND --help' for details.
"""


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of the whole command line, one subcommand per module of `COMMANDS`.

    With `command` (one of `COMMANDS`), only that subcommand is added: what
    `run` builds when the command line names one, since importing the other
    command modules and building their parsers costs a tenth of a check's
    start-up.  The parse is the same; only `articlekit --help` and an unknown
    command (which name no command) need every subcommand.
    """
    import importlib

    from .. import __version__

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Check, format and convert Markdown files with article YAML front matter.",
        epilog=_EPILOG,
        formatter_class=FORMATTER,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS if command not in COMMANDS else (command,):
        importlib.import_module(f"{__package__}.{name}").add_parser(sub)
    return parser
