"""`articlekit config`: print the effective configuration for a file or folder."""

from __future__ import annotations

import argparse
import os
import sys

from .common import EXIT_OK, UsageError, load_library
from .params import FORMATTER, add_config_options

__all__ = ["add_parser", "run"]

_EPILOG = """\
Prints, as TOML, every setting that applies to PATH (default: the current
folder) and where each comes from: the configuration file found for it (the
nearest articlekit.toml, .articlekit.toml or pyproject.toml with a
[tool.articlekit] table, from PATH's folder upward), or the defaults.  For a
file, it also says which kind it is validated as, which per-file-ignores
apply, and whether it is checked when its folder is searched.  Like
'ruff check --show-settings'.

examples:
  articlekit config
  articlekit config _news/2021-05-25-gpt-3.md
  articlekit config --config ci/articlekit.toml content/

exit status: 0 printed, 2 usage error, a missing PATH or an invalid
configuration file (its path, line and column on standard error).
"""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `config` command to the subcommands `sub`."""
    p = sub.add_parser(
        "config",
        help="print the effective configuration for a file or folder",
        description="Print the configuration that applies to a file or folder, and where each value is from.",
        epilog=_EPILOG,
        formatter_class=FORMATTER,
    )
    p.add_argument("path", nargs="?", default=os.curdir, metavar="PATH", help="a file or folder (default: .)")
    add_config_options(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run `articlekit config` with the parsed `args`; the exit status."""
    load_library()
    from ..config import Config
    from .discovery import Configs

    path: str = args.path
    if not os.path.exists(path):
        raise UsageError(f"{path}: No such file or directory")
    configs = Configs.from_args(args)
    if os.path.isdir(path):
        config = configs.fixed if configs.fixed is not None else Config.discover(path)
        text = config.to_display()
    else:
        config = configs.base_for(path)
        text = config.to_display(path)
    sys.stdout.write(text)
    return EXIT_OK
