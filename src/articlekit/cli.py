"""The ``articlekit`` command line (``run(argv) -> int`` wrapped by :func:`main`)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence

from .api import check

__all__ = ["main", "run"]


def _files(paths: Sequence[str]) -> Iterator[str]:
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs.sort()
                for name in sorted(names):
                    if name.endswith((".md", ".markdown")):
                        yield os.path.join(root, name)
        else:
            yield path


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (without the program name); return the exit status."""
    parser = argparse.ArgumentParser(prog="articlekit", description="Check article front-matter files.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="check files and folders")
    p_check.add_argument("paths", nargs="+")
    args = parser.parse_args(argv)
    status = 0
    for path in _files(args.paths):
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            print(f"{path}: cannot read: {exc.strerror}", file=sys.stderr)
            status = 2
            continue
        for issue in check(data):
            print(f"{path}:{issue}")
            if issue.is_error and status == 0:
                status = 1
    return status


def main() -> None:
    """Entry point of the ``articlekit`` script."""
    sys.exit(run())
