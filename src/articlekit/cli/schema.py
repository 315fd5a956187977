"""`articlekit schema`: write the JSON Schema of a kind of front matter."""

from __future__ import annotations

import argparse

from .atomic import write_output
from .common import EXIT_OK, load_library
from .params import FORMATTER, kind_arg
from .plugins import load_configured

__all__ = ["add_parser", "run"]

_EPILOG = """\
examples:
  articlekit schema                          the Article schema on stdout
  articlekit schema --output article.schema.json
  articlekit schema --kind article --indent 0

exit status: 0 written, 2 usage error (unknown kind, unwritable output).
"""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `schema` command to the subcommands `sub`."""
    p = sub.add_parser(
        "schema",
        help="write the JSON Schema of the front matter",
        description="Write the JSON Schema of a kind of front matter.",
        epilog=_EPILOG,
        formatter_class=FORMATTER,
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument(
        "--kind", metavar="NAME", default="article", help="the kind of document (default: article)"
    )
    p.add_argument("--indent", type=int, default=2, metavar="N", help="indentation (default: 2; 0: one line)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run `articlekit schema` with the parsed `args`; the exit status."""
    import json

    from ..schema import json_schema

    load_library()
    load_configured(args)  # the current folder's configuration's plugins: their kinds for --kind
    schema = json_schema(kind=kind_arg(args.kind))
    indent = args.indent if args.indent > 0 else None
    write_output(args.output, json.dumps(schema, indent=indent, ensure_ascii=False) + "\n")
    return EXIT_OK
