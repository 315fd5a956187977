"""Argument parsing pieces that several commands share: paths, folder search, jobs, codes and kinds."""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .common import STDIN_NAME, UsageError, load_library

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = [
    "FORMATTER",
    "CodeFilter",
    "add_config_options",
    "add_paths",
    "add_stdin_filename",
    "add_walk_options",
    "codes_arg",
    "jobs",
    "kind_arg",
    "kinds",
]

FORMATTER = argparse.RawDescriptionHelpFormatter
"""The help formatter of every command: epilogs keep their line breaks."""

_CODE_PATTERN = re.compile(r"[A-Z]{2,5}[0-9]{0,3}")  # a code (AK301, RX101) or a prefix (AK3, RX)


def add_paths(p: argparse.ArgumentParser) -> None:
    """The `PATH...` arguments of the commands that read files."""
    p.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder, or '-' for standard input")


def add_stdin_filename(p: argparse.ArgumentParser, verb: str) -> None:
    """`--stdin-filename NAME`: the path to show (or record) for `-`."""
    p.add_argument(
        "--stdin-filename", metavar="NAME", help=f"the path to {verb} for '-' (default: {STDIN_NAME})"
    )


def add_walk_options(p: argparse.ArgumentParser) -> None:
    """`--exclude`, `--no-default-excludes`, `--config` and `--isolated`: how folders are searched.

    (See `discovery.find` and `discovery.Configs`.)
    """
    p.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip files and folders matching GLOB (a gitignore pattern, relative to the folder given) "
        "while searching folders",
    )
    p.add_argument(
        "--no-default-excludes",
        action="store_true",
        help="search hidden folders and README-like files too",
    )
    add_config_options(p)


def add_config_options(p: argparse.ArgumentParser) -> None:
    """`--config PATH` and `--isolated`: which configuration file applies (see `discovery.Configs`)."""
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--config",
        metavar="PATH",
        help="use this configuration file for every file (default: the nearest articlekit.toml, "
        ".articlekit.toml or pyproject.toml with [tool.articlekit], per file)",
    )
    group.add_argument(
        "--isolated", action="store_true", help="ignore every configuration file: use the defaults"
    )


def jobs(value: str) -> int:
    """The argument type of `--jobs`: a whole number, 0 or more."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (the number of CPUs) or more")
    return n


def codes_arg(values: Sequence[str], option: str) -> tuple[str, ...]:
    """Issue codes and code prefixes from repeated or comma-separated values, upper-cased.

    Call after `common.load_library` (every code is then registered).

    Raises:
        UsageError: a value is not a code or prefix (`E501`), or matches no known code (`AK999`).
    """
    from ..issues import CODES

    out: list[str] = []
    for value in values:
        for part in value.split(","):
            code = part.strip().upper()
            if not code:
                continue
            letters = code.rstrip("0123456789")
            if not _CODE_PATTERN.fullmatch(code) or not any(k.rstrip("0123456789") == letters for k in CODES):
                raise UsageError(
                    f"{option}: {part.strip()!r} is not an issue code (like AK301) or prefix (AK3)"
                )
            if not any(known.startswith(code) for known in CODES):
                raise UsageError(
                    f"{option}: {code} matches no issue code (run 'articlekit codes' for the list)"
                )
            out.append(code)
    return tuple(out)


@dataclass(frozen=True)
class CodeFilter:
    """`--select` and `--ignore`: which codes to report."""

    select: tuple[str, ...]
    ignore: tuple[str, ...]

    def wanted(self, code: str) -> bool:
        """Whether issues with `code` are reported."""
        if self.select and not code.startswith(self.select):
            return False
        return not (self.ignore and code.startswith(self.ignore))

    def exact_ignores(self) -> frozenset[str]:
        """The registered codes to pass to `articlekit.check` (lets it skip work)."""
        from ..issues import CODES

        return frozenset(code for code in CODES if not self.wanted(code))


def kinds() -> dict[str, type[BaseModel]]:
    """The registered kinds by lower-case name, and by their aliases (`news` for articles)."""
    load_library()
    from .. import KINDS

    out: dict[str, type[BaseModel]] = {info.name: info.model for info in KINDS}
    for info in KINDS:
        for alias in info.aliases:
            out.setdefault(alias, info.model)
    return out


def kind_arg(name: str) -> type[BaseModel]:
    """The model of the kind `--kind NAME` names (any case).

    Raises:
        UsageError: no kind has that name.
    """
    known = kinds()
    cls = known.get(name.strip().lower())
    if cls is None:
        raise UsageError(f"--kind: unknown kind {name!r}; known kinds: {', '.join(sorted(known))}")
    return cls
