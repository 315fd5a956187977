"""`articlekit plugins`: list the plugins loaded, where each is from and what it registered.

Also `load_configured`, which the commands call before they read `--select`,
`--ignore` or `--kind`: the plugins listed by the configurations of the paths
given may register the codes and kinds those name.
"""

from __future__ import annotations

import argparse
import os

from .common import EXIT_OK, STDIN, load_library
from .params import FORMATTER, add_config_options

__all__ = ["add_parser", "load_configured", "run"]

_EPILOG = """\
Plugins are installed distributions that declare an entry point in the group
'articlekit.plugins', and the modules a configuration file lists in
'plugins = [...]' (found in that file's folder).  Each registers kinds, issue
codes and rules; this command lists them, with the distribution (name and
version) or the configuration file each came from.  The configuration read is
the one that applies to PATH (default: the current folder).

examples:
  articlekit plugins
  articlekit plugins --json
  articlekit plugins content/

exit status: 0 listed, 2 a plugin that fails to load (named on standard error)
or an invalid configuration file.
"""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `plugins` command to the subcommands `sub`."""
    p = sub.add_parser(
        "plugins",
        help="list the plugins loaded and what each registered",
        description="List the plugins loaded (installed ones and the configuration's), where each is "
        "from, and the kinds, issue codes and rules each registered.",
        epilog=_EPILOG,
        formatter_class=FORMATTER,
    )
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="whose configuration's plugins to load too (default: .)"
    )
    p.add_argument("--json", action="store_true", help="print a JSON list instead of text")
    add_config_options(p)
    p.set_defaults(handler=run)


def load_configured(args: argparse.Namespace) -> None:
    """Load the plugins of the configurations that apply to `args.paths` (or the current folder).

    What `--config PATH` names, or the configuration found for each path (none
    with `--isolated`).  Call it after `load_library` and before `--select`,
    `--ignore` or `--kind` are read.  Deeper configurations are read, with
    their plugins, when their files are reached.

    Raises:
        PluginError: a plugin fails to load.
        ConfigError: a configuration file is not valid.
    """
    from ..config import Config

    if getattr(args, "isolated", False):
        return
    config_path = getattr(args, "config", None)
    if config_path is not None:
        if os.path.isfile(config_path):  # a missing file is the commands' own usage error
            Config.load(config_path)
        return
    paths = [p for p in (getattr(args, "paths", None) or []) if p != STDIN]
    stdin_filename = getattr(args, "stdin_filename", None)
    if stdin_filename:
        paths.append(stdin_filename)
    for path in paths or [os.curdir]:
        Config.discover(path)


def run(args: argparse.Namespace) -> int:
    """Run `articlekit plugins` with the parsed `args`; the exit status."""
    load_library()
    load_configured(args)
    from ..plugins import ENTRY_POINT_GROUP, loaded_plugins

    plugins = loaded_plugins()
    if args.json:
        import json  # only for --json: `load_configured`, which every command calls, lives here too

        rows = [
            {
                "name": p.name,
                "value": p.value,
                "distribution": p.distribution,
                "version": p.version,
                "config": p.config,
                "kinds": list(p.kinds),
                "codes": list(p.codes),
                "rules": list(p.rules),
            }
            for p in plugins
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not plugins:
        print(
            f"no plugins loaded (none installed in the entry point group {ENTRY_POINT_GROUP!r}, "
            "none listed in the configuration's 'plugins')"
        )
        return EXIT_OK
    for n, plugin in enumerate(plugins):
        if n:
            print()
        shown = plugin.name if plugin.value == plugin.name else f"{plugin.name} = {plugin.value}"
        print(f"{shown}  (from {plugin.origin})")
        for label, names in (("kinds", plugin.kinds), ("codes", plugin.codes), ("rules", plugin.rules)):
            print(f"  {label}: {', '.join(names) if names else '-'}")
    return EXIT_OK
