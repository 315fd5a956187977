"""`articlekit codes`: list the issue codes, or explain some."""

from __future__ import annotations

import argparse

from .common import EXIT_OK, load_library
from .params import FORMATTER, codes_arg
from .plugins import load_configured

__all__ = ["add_parser", "run"]

_EPILOG = """\
examples:
  articlekit codes                           every code, its severity, whether --fix repairs it, its summary
  articlekit codes AK301 AK202               what these codes mean, with examples
  articlekit codes AK3                       every AK3xx code

exit status: 0 listed, 2 a code or prefix that matches no issue code.
"""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `codes` command to the subcommands `sub`."""
    p = sub.add_parser(
        "codes",
        help="list the issue codes, or explain some",
        description="List every issue code, or show the documentation of the codes given.",
        epilog=_EPILOG,
        formatter_class=FORMATTER,
    )
    p.add_argument("codes", nargs="*", metavar="CODE", help="codes or code prefixes to explain")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run `articlekit codes` with the parsed `args`; the exit status."""
    load_library()
    load_configured(args)  # the current folder's configuration's plugins: their codes too
    from ..issues import CODES

    wanted = codes_arg(args.codes, "codes") if args.codes else ()
    infos = [info for code, info in sorted(CODES.items()) if not wanted or code.startswith(wanted)]
    if not wanted:
        for info in infos:
            fix = "" if info.fixable == "no" else f"fix:{info.fixable}"
            print(f"{info.code}  {info.severity:<7}  {fix:<10}  {info.name:<28}  {info.summary}")
        return EXIT_OK
    for n, info in enumerate(infos):
        if n:
            print()
        print(f"{info.code} {info.name} ({info.severity})")
        print(info.summary)
        if info.fixable != "no":
            how = "check --fix" if info.fixable == "safe" else "check --unsafe-fixes"
            print(f"Fixable ({info.fixable}): `articlekit {how}` repairs it.")
        if info.doc:
            print()
            print(info.doc)
    return EXIT_OK
