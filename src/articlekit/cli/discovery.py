"""Finding the files to process: files, folders searched recursively, and `-` for standard input."""

from __future__ import annotations

import fnmatch
import os
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .common import STDIN

__all__ = ["DEFAULT_EXCLUDE_DIRS", "DEFAULT_EXCLUDE_FILES", "SUFFIXES", "Found", "find", "read_stdin"]

SUFFIXES = (".md", ".markdown")
"""The file names searched for in folders (any case)."""
DEFAULT_EXCLUDE_DIRS = (".*", "node_modules", "__pycache__")
"""Folders skipped while searching, unless `--no-default-excludes`."""
DEFAULT_EXCLUDE_FILES = (
    "README.*",
    "CHANGELOG.*",
    "CONTRIBUTING.*",
    "LICENSE.*",
    "CODE_OF_CONDUCT.*",
    "SECURITY.*",
)
"""Files skipped while searching folders, unless `--no-default-excludes`."""


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


def _glob_matcher(patterns: Sequence[str]) -> Callable[[str], bool]:
    """Whether a name or path matches one of the globs: `fnmatch.fnmatch` of each, as one regex."""
    if not patterns:
        return lambda text: False
    normcase = os.path.normcase
    regex = re.compile("|".join(f"(?:{fnmatch.translate(normcase(p))})" for p in patterns))
    match = regex.match
    return lambda text: match(normcase(text)) is not None


def find(paths: Sequence[str], excludes: Sequence[str], default_excludes: bool) -> Found:
    """Expand files, folders and `-` into the files to process (each once).

    Files named explicitly are always kept; the globs of `excludes` (and the
    default ones) apply only to what is found below a folder given.
    """
    dir_excluded = _glob_matcher([*excludes, *(DEFAULT_EXCLUDE_DIRS if default_excludes else ())])
    file_excluded = _glob_matcher([*excludes, *(DEFAULT_EXCLUDE_FILES if default_excludes else ())])
    found = Found()
    seen: set[str] = set()
    # one path alone cannot name a file twice; several can (a file and its folder, overlapping folders)
    dedupe = sum(1 for path in paths if path != STDIN) > 1
    normcase = os.path.normcase
    sep_prefix = "." + os.sep

    for path in paths:
        if path == STDIN:
            found.stdin = True
            continue
        if os.path.isdir(path):
            errors: list[OSError] = []
            walked: list[str] = []
            keys: list[str] = []
            for root, dirs, names in os.walk(path, onerror=errors.append):
                rel_root = os.path.relpath(root, path)
                rel_prefix = "" if rel_root == "." else _posix(rel_root) + "/"
                # the folder given is never excluded, only what is found below it
                dirs[:] = sorted(d for d in dirs if not (dir_excluded(d) or dir_excluded(rel_prefix + d)))
                base = os.path.join(root, "")
                if base.startswith(sep_prefix) and not path.startswith(sep_prefix):
                    base = base[2:]  # 'articlekit check .' shows 'post.md', not './post.md'
                abs_base = os.path.join(os.path.abspath(root), "") if dedupe else ""
                for name in sorted(names):
                    if not name.lower().endswith(SUFFIXES):
                        continue
                    if file_excluded(name) or file_excluded(rel_prefix + name):
                        continue
                    walked.append(base + name)
                    if dedupe:
                        keys.append(normcase(abs_base + name))
            for exc in errors:
                found.problems.append((exc.filename or path, exc.strerror or str(exc)))
            if not walked and not errors:
                found.empty.append(path)
            if not dedupe:
                found.files.extend(walked)
                continue
            for name, key in zip(walked, keys, strict=True):
                if key not in seen:
                    seen.add(key)
                    found.files.append(name)
        elif os.path.exists(path):
            key = normcase(os.path.abspath(path))
            if key not in seen:
                seen.add(key)
                found.files.append(path)
        else:
            found.problems.append((path, "No such file or directory"))
    return found


def _posix(rel: str) -> str:
    rel = rel.replace(os.sep, "/")
    return rel[2:] if rel.startswith("./") else rel


def read_stdin() -> bytes:
    """All of standard input, as bytes."""
    stream = sys.stdin
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data = buffer.read()
        return bytes(data)
    return stream.read().encode("utf-8", errors="surrogateescape")
