"""Which files to check: folders walked with the configuration's ``include``, ``exclude`` and ``.gitignore``.

```python
>>> from articlekit.discover import find_files
>>> found = find_files(["content"])  # doctest: +SKIP
>>> found.files, found.problems  # doctest: +SKIP
(['content/posts/a.md', 'content/posts/b.md'], [])
```

- A file named in ``paths`` is always checked, whatever the globs say.
- In a folder, a file is checked when it matches the ``include`` of the
  configuration that applies to its folder (default ``**/*.md`` and
  ``**/*.markdown``) and neither its ``exclude``, nor a ``.gitignore`` (unless
  ``respect-gitignore = false``), nor the default excludes: hidden folders,
  ``node_modules``, ``__pycache__`` and README-like files (``README.*``,
  ``CHANGELOG.*``, ``CONTRIBUTING.*``, ``LICENSE.*``, ``CODE_OF_CONDUCT.*``,
  ``SECURITY.*``), which ``default_excludes=False`` turns off.  A ``.git``
  folder is never searched.
- ``.gitignore`` files count in the folders walked and, inside a Git
  repository, in the folders above up to the repository's top (the folder
  with ``.git``); each one's patterns are relative to its own folder and a
  deeper one wins, as in Git.  (``.git/info/exclude`` and Git's global
  excludes are not read.)
- Globs are gitignore patterns (matched by ``pathspec``), case-sensitive, relative
  to the configuration's folder; a file outside that folder is matched by its path
  relative to the folder given.
- Files come out sorted within each folder, each once, with the path as given
  joined to the path found (``articlekit check .`` shows ``post.md``, not ``./post.md``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import pathspec

from .config import Config, _matches

__all__ = ["DEFAULT_EXCLUDE_DIRS", "DEFAULT_EXCLUDE_FILES", "FoundFiles", "find_files"]

DEFAULT_EXCLUDE_DIRS = (".*", "node_modules", "__pycache__")
"""Folders not searched unless ``default_excludes=False`` (gitignore patterns, matched against the name)."""
DEFAULT_EXCLUDE_FILES = (
    "README.*",
    "CHANGELOG.*",
    "CONTRIBUTING.*",
    "LICENSE.*",
    "CODE_OF_CONDUCT.*",
    "SECURITY.*",
)
"""Files not checked in a folder unless ``default_excludes=False`` (matched against the name)."""

_DIR_SPEC = pathspec.GitIgnoreSpec.from_lines(DEFAULT_EXCLUDE_DIRS)
_FILE_SPEC = pathspec.GitIgnoreSpec.from_lines(DEFAULT_EXCLUDE_FILES)
_Ignores = tuple[tuple[str, pathspec.GitIgnoreSpec], ...]
"""The ``.gitignore`` files that apply in a folder: (the file's folder, its patterns), shallowest first."""


@dataclass
class FoundFiles:
    """What `find_files` found.

    Attributes:
        files: the files to check, in order.
        problems: paths that could not be searched, with the reason: ``(path, reason)``.
    """

    files: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


def find_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    config: Config | None = None,
    exclude: Sequence[str] = (),
    default_excludes: bool = True,
) -> FoundFiles:
    """Expand files and folders into the files to check, each once.

    Args:
        paths: files and folders (``-`` for standard input is the caller's business).
        config: one configuration for every file (``--config``, ``--isolated``);
            ``None``: the one that applies to each folder ([`Config.discover`][articlekit.Config.discover]).
        exclude: more gitignore patterns to skip, relative to each folder given
            (what ``--exclude`` adds).
        default_excludes: skip hidden folders, ``node_modules``, ``__pycache__``
            and README-like files (``False``: ``--no-default-excludes``).

    Raises:
        ConfigError: a configuration file that applies is not valid.
    """
    given = [os.fspath(p) for p in paths]
    extra = pathspec.GitIgnoreSpec.from_lines(exclude) if exclude else None
    found = FoundFiles()
    seen: set[str] = set()
    # one path alone cannot name a file twice; several can (a file and its folder, overlapping folders)
    dedupe = len(given) > 1
    normcase = os.path.normcase
    for path in given:
        if os.path.isdir(path):
            walked = _walk(path, config, extra, default_excludes, found.problems)
            if not dedupe:
                found.files.extend(walked)
                continue
            for name in walked:
                key = normcase(os.path.abspath(name))
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


def _walk(
    top: str,
    fixed: Config | None,
    extra: pathspec.GitIgnoreSpec | None,
    default_excludes: bool,
    problems: list[tuple[str, str]],
) -> list[str]:
    errors: list[OSError] = []
    out: list[str] = []
    ignores: dict[str, _Ignores] = {}
    abs_top = os.path.abspath(top)
    sep_prefix = "." + os.sep
    for root, dirs, names in os.walk(top, onerror=errors.append):
        abs_root = os.path.normpath(os.path.join(abs_top, os.path.relpath(root, top)))
        rel_top = os.path.relpath(root, top)
        rel_prefix = "" if rel_top == os.curdir else rel_top.replace(os.sep, "/") + "/"
        config = fixed if fixed is not None else Config.discover(abs_root)
        rel_root = config.relative(abs_root)
        # where the configuration's globs match: below its folder, or else below the folder given
        glob_prefix = rel_prefix if rel_root is None else ("" if rel_root == "." else rel_root + "/")

        level = ignores.get(os.path.dirname(abs_root))
        if level is None:
            level = _ancestor_ignores(abs_root) if config.respect_gitignore else ()
        if ".gitignore" in names:
            spec = _read_gitignore(os.path.join(abs_root, ".gitignore"))
            if spec is not None:
                level = (*level, (abs_root, spec))
        ignores[abs_root] = level
        gitignored = _gitignore_check(level, abs_root) if config.respect_gitignore else None

        kept_dirs = []
        for d in sorted(dirs):
            if d == ".git" or (default_excludes and _matches(_DIR_SPEC, d + "/")):
                continue
            if extra is not None and _matches(extra, rel_prefix + d + "/"):
                continue
            if config.excludes(glob_prefix + d, is_dir=True):
                continue
            if gitignored is not None and gitignored(d + "/"):
                continue
            kept_dirs.append(d)
        dirs[:] = kept_dirs

        base = os.path.join(root, "")
        if base.startswith(sep_prefix) and not top.startswith(sep_prefix):
            base = base[2:]  # 'articlekit check .' shows 'post.md', not './post.md'
        for name in sorted(names):
            if default_excludes and _matches(_FILE_SPEC, name):
                continue
            if extra is not None and _matches(extra, rel_prefix + name):
                continue
            rel = glob_prefix + name
            if not config.includes(rel) or config.excludes(rel):
                continue
            if gitignored is not None and gitignored(name):
                continue
            out.append(base + name)
    for exc in errors:
        problems.append((exc.filename or top, exc.strerror or str(exc)))
    return out


def _read_gitignore(name: str) -> pathspec.GitIgnoreSpec | None:
    try:
        with open(name, encoding="utf-8", errors="replace") as handle:
            return pathspec.GitIgnoreSpec.from_lines(handle.read().splitlines())
    except (OSError, ValueError):  # unreadable, or a pattern Git would skip too
        return None


def _ancestor_ignores(folder: str) -> _Ignores:
    """The ``.gitignore`` files above ``folder``, up to the top of its Git repository (none outside one)."""
    chain: list[str] = []
    current = os.path.dirname(folder)
    if os.path.exists(os.path.join(folder, ".git")):
        return ()
    while True:
        chain.append(current)
        if os.path.exists(os.path.join(current, ".git")):
            break
        parent = os.path.dirname(current)
        if parent == current:
            return ()  # not in a Git repository
        current = parent
    out: list[tuple[str, pathspec.GitIgnoreSpec]] = []
    for ancestor in reversed(chain):
        name = os.path.join(ancestor, ".gitignore")
        if os.path.isfile(name):
            spec = _read_gitignore(name)
            if spec is not None:
                out.append((ancestor, spec))
    return tuple(out)


def _gitignore_check(level: _Ignores, folder: str) -> Callable[[str], bool] | None:
    """A function of a name in ``folder`` (``name/`` for a folder): whether a ``.gitignore`` ignores it."""
    if not level:
        return None
    prefixes = []
    for base, spec in reversed(level):  # the deepest first: it wins
        rel = os.path.relpath(folder, base)
        prefixes.append(("" if rel == os.curdir else rel.replace(os.sep, "/") + "/", spec))

    def ignored(name: str) -> bool:
        for prefix, spec in prefixes:
            for pattern in reversed(spec.patterns):
                if pattern.include is not None and pattern.match_file(prefix + name) is not None:
                    return bool(pattern.include)
        return False

    return ignored
