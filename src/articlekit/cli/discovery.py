"""Finding the files to process and the configuration of each.

Folders are walked by [`articlekit.discover.find_files`][articlekit.discover.find_files]
(the configuration's ``include``, ``exclude`` and ``.gitignore``, and the
built-in excludes); `-` stands for standard input.  `Configs` gives the
configuration of each file: the one ``--config`` names, none with
``--isolated``, otherwise the nearest configuration file (found per folder),
with the command line's ``--select`` and ``--ignore`` on top.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .common import STDIN, UsageError

if TYPE_CHECKING:
    from ..config import Config

__all__ = ["Configs", "Found", "find", "read_stdin"]


@dataclass
class Found:
    """What the paths given name.

    Attributes:
        files: the files to process, in order, each once.
        problems: paths that could not be read, with the reason.
        empty: folders given that hold no file to process.
        stdin: whether `-` was given.
    """

    files: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)
    stdin: bool = False


def find(
    paths: Sequence[str], excludes: Sequence[str], default_excludes: bool, config: Config | None = None
) -> Found:
    """Expand files, folders and `-` into the files to process (each once).

    Files named explicitly are always kept; `excludes` (gitignore patterns,
    relative to each folder given), the built-in excludes and the
    configuration's ``include``/``exclude``/``.gitignore`` apply only to what
    is found below a folder given.  `config`: one configuration for every
    folder (``--config``, ``--isolated``); ``None``: each folder's own.

    Raises:
        ConfigError: a configuration file that applies is not valid.
    """
    from ..discover import find_files

    found = Found(stdin=STDIN in paths)
    result = find_files(
        [path for path in paths if path != STDIN],
        config=config,
        exclude=excludes,
        default_excludes=default_excludes,
    )
    found.files, found.problems, found.empty = result.files, result.problems, result.empty
    return found


class Configs:
    """The configuration of each file, as the command line's flags say.

    ``--config PATH`` reads one file for everything, ``--isolated`` uses none
    (every default), otherwise each file gets the nearest configuration file
    (`Config.discover`, found once per folder).  On top of it, ``--select``
    replaces the file's ``select`` and ``--ignore`` adds to its ``ignore`` (as
    ruff does); the result is made once per configuration file.

    Raises:
        ConfigError: ``--config`` names a file that is not a valid configuration.
    """

    def __init__(
        self,
        config_path: str | None = None,
        isolated: bool = False,
        select: tuple[str, ...] = (),
        ignore: tuple[str, ...] = (),
    ) -> None:
        from ..config import Config

        if config_path is not None and isolated:
            raise UsageError("--config and --isolated cannot be used together")
        self.fixed: Config | None = None
        if config_path is not None:
            if not os.path.isfile(config_path):
                raise UsageError(f"--config: {config_path}: no such file")
            self.fixed = Config.load(config_path)
        elif isolated:
            self.fixed = Config.default()
        self.select = select
        self.ignore = ignore
        self._by_folder: dict[str, Config] = {}
        self._made: dict[int, tuple[Config, Config]] = {}

    @classmethod
    def from_args(
        cls, args: argparse.Namespace, select: tuple[str, ...] = (), ignore: tuple[str, ...] = ()
    ) -> Configs:
        """The configurations of `args.config` and `args.isolated`, with `select` and `ignore` on top."""
        return cls(getattr(args, "config", None), getattr(args, "isolated", False), select, ignore)

    def base_for(self, path: str) -> Config:
        """The configuration file's configuration for the file `path`, without the command line's flags."""
        if self.fixed is not None:
            return self.fixed
        folder = os.path.dirname(path)
        found = self._by_folder.get(folder)
        if found is None:
            from ..config import Config

            found = self._by_folder[folder] = Config.discover(os.path.abspath(folder or os.curdir))
        return found

    def for_file(self, path: str) -> Config:
        """The configuration the file `path` is checked with: its file's, with `--select`/`--ignore`."""
        return self.effective(self.base_for(path))

    def for_files(self, paths: Sequence[str]) -> list[Config]:
        """`for_file` of each of `paths`, worked out once per run of paths in one folder.

        Files found in a folder come out together, each the folder's path plus
        a name: a path that is the previous one's folder and a separator, then a
        name without a separator, is in the same folder, so it has the same
        configuration (no `os.path.dirname` and look-up per file).
        """
        if self.fixed is not None:
            return [self.effective(self.fixed)] * len(paths)
        sep, altsep = os.sep, os.altsep
        out: list[Config] = []
        prefix = ""
        start = 0
        config: Config | None = None
        for path in paths:
            if (
                config is None
                or not path.startswith(prefix)
                or path.find(sep, start) >= 0
                or (altsep is not None and path.find(altsep, start) >= 0)
            ):
                folder = os.path.dirname(path)
                config = self.for_file(path)
                prefix = os.path.join(folder, "") if folder else ""
                start = len(prefix)
            out.append(config)
        return out

    def effective(self, config: Config) -> Config:
        """`config` with the command line's `--select` (replaces) and `--ignore` (adds) on top."""
        if not (self.select or self.ignore):
            return config
        made = self._made.get(id(config))
        if made is None:
            changes: dict[str, tuple[str, ...]] = {}
            if self.select:
                changes["select"] = self.select
            if self.ignore:
                changes["ignore"] = config.ignore + tuple(c for c in self.ignore if c not in config.ignore)
            made = self._made[id(config)] = (config, config.with_options(**changes))
        return made[1]

    def distinct(self, configs: Sequence[Config]) -> list[Config]:
        """Each configuration of `configs` once, in the order first seen."""
        # a key keeps the place it was first given; its value is the same object each time
        return list({id(config): config for config in configs}.values())


def read_stdin() -> bytes:
    """All of standard input, as bytes."""
    stream = sys.stdin
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data = buffer.read()
        return bytes(data)
    return stream.read().encode("utf-8", errors="surrogateescape")
