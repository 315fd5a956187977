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
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ._globs import Globs
from .config import CONFIG_FILES, Config

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

_Ignores = tuple[tuple[str, Globs], ...]
"""The ``.gitignore`` files that apply in a folder: (the file's folder, its patterns), shallowest first."""


@dataclass
class FoundFiles:
    """What `find_files` found.

    Attributes:
        files: the files to check, in order.
        problems: paths that could not be searched, with the reason: ``(path, reason)``.
        empty: folders given that hold no file to check (and could be searched), as given.
    """

    files: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    empty: list[str] = field(default_factory=list)


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
    extra = Globs(exclude) if exclude else None
    found = FoundFiles()
    seen: set[str] = set()
    # one path alone cannot name a file twice; several can (a file and its folder, overlapping folders)
    dedupe = len(given) > 1
    normcase = os.path.normcase
    for path in given:
        if os.path.isdir(path):
            known_problems = len(found.problems)
            keys: list[str] | None = [] if dedupe else None
            walked = _walk(path, config, extra, default_excludes, found.problems, keys)
            if not walked and len(found.problems) == known_problems:
                found.empty.append(path)
            if keys is None:
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


_FAST_SUFFIX = re.compile(r"(?:\*\*/)?\*(\.[A-Za-z0-9_.+-]+)")
_CONFIG_NAMES = frozenset(CONFIG_FILES)
_SKIP_DIRS = frozenset(name for name in DEFAULT_EXCLUDE_DIRS if not name.startswith("."))


class _Plan:
    """What one configuration needs to match names fast, worked out once per walk.

    ``suffixes``: when every ``include`` glob is ``*.EXT`` or ``**/*.EXT`` (the
    default), a file is included exactly when its name ends with one of them,
    which ``str.endswith`` tells without a regular expression; otherwise ``None``
    and ``includes`` (the compiled globs) decides.  ``skip_names``: the prefixes
    of the default file excludes (``README.`` ...), or nothing.
    """

    __slots__ = ("excludes", "includes", "skip_names", "suffixes")

    def __init__(self, config: Config, default_excludes: bool) -> None:
        found = [_FAST_SUFFIX.fullmatch(glob) for glob in config.include]
        self.suffixes: tuple[str, ...] | None = (
            tuple(m.group(1) for m in found if m is not None) if all(found) else None
        )
        self.includes: Callable[[str], bool] = config.includes
        # compiled once per walk and called directly (a folder ends with '/')
        self.excludes: Callable[[str], bool] | None = Globs(config.exclude).match if config.exclude else None
        self.skip_names: tuple[str, ...] = (
            tuple(name[:-1] for name in DEFAULT_EXCLUDE_FILES) if default_excludes else ()
        )


def _walk(
    top: str,
    fixed: Config | None,
    extra: Globs | None,
    default_excludes: bool,
    problems: list[tuple[str, str]],
    keys: list[str] | None = None,
) -> list[str]:
    """The files to check below the folder ``top``, in order (see the module's docstring).

    With ``keys``, each file's absolute path (``os.path.normcase``) is added to it too.

    A hand-rolled ``os.scandir`` walk (the order of ``os.walk``: a folder's files,
    sorted, then each sub-folder, sorted; symbolic links to folders are not
    followed).  What depends on the configuration alone (the include suffixes,
    compiled specs) is worked out once per configuration, and a folder's
    configuration is looked for only when the folder holds a configuration file.
    """
    out: list[str] = []
    abs_top = os.path.abspath(top)
    strip = 2 if not top.startswith("." + os.sep) else 0  # 'check .' shows 'post.md', not './post.md'
    first = fixed if fixed is not None else Config.discover(abs_top)
    top_ignores = _ancestor_ignores(abs_top) if first.respect_gitignore else ()
    plans: dict[int, _Plan] = {}
    # (shown folder, absolute folder, path relative to top with '/', its configuration, .gitignores above)
    stack: list[tuple[str, str, str, Config, _Ignores]] = [(top, abs_top, "", first, top_ignores)]
    while stack:
        root, abs_root, rel_prefix, config, level = stack.pop()
        try:
            with os.scandir(root) as listing:
                files: list[str] = []
                dirs: list[str] = []
                for entry in listing:
                    try:
                        is_dir = entry.is_dir()
                    except OSError:
                        is_dir = False
                    if not is_dir:
                        files.append(entry.name)
                    elif not entry.is_symlink():  # as os.walk: a linked folder is not searched
                        dirs.append(entry.name)
        except OSError as exc:
            problems.append((exc.filename or root, exc.strerror or str(exc)))
            continue
        if fixed is None and root is not top and _CONFIG_NAMES.intersection(files):
            config = Config.discover(abs_root)
        plan = plans.get(id(config))
        if plan is None:
            plan = plans[id(config)] = _Plan(config, default_excludes)
        rel_root = config.relative(abs_root)
        # where the configuration's globs match: below its folder, or else below the folder given
        glob_prefix = rel_prefix if rel_root is None else ("" if rel_root == "." else rel_root + "/")
        if ".gitignore" in files:
            spec = _read_gitignore(os.path.join(abs_root, ".gitignore"))
            if spec is not None:
                level = (*level, (abs_root, spec))
        gitignored = _gitignore_check(level, abs_root) if config.respect_gitignore else None

        base = os.path.join(root, "")
        if strip and base.startswith("." + os.sep):
            base = base[2:]
        abs_base = os.path.normcase(os.path.join(abs_root, "")) if keys is not None else ""
        suffixes, skip_names, excludes = plan.suffixes, plan.skip_names, plan.excludes
        includes = plan.includes
        # the cheap name tests first, over the whole list at once; then those that need the globs
        if suffixes is not None:
            files = [name for name in files if name.endswith(suffixes)]
        if skip_names:
            files = [name for name in files if not name.startswith(skip_names)]
        if extra is not None:
            files = [name for name in files if not extra.match(rel_prefix + name)]
        if suffixes is None:
            files = [name for name in files if includes(glob_prefix + name)]
        if excludes is not None:
            files = [name for name in files if not excludes(glob_prefix + name)]
        if gitignored is not None:
            files = [name for name in files if not gitignored(name)]
        files.sort()
        out.extend([base + name for name in files])
        if keys is not None:
            keys.extend([abs_base + os.path.normcase(name) for name in files])

        kept: list[tuple[str, str, str, Config, _Ignores]] = []
        for d in sorted(dirs):
            if d == ".git" or (default_excludes and (d.startswith(".") or d in _SKIP_DIRS)):
                continue
            if extra is not None and extra.match(rel_prefix + d + "/"):
                continue
            if excludes is not None and excludes(glob_prefix + d + "/"):
                continue
            if gitignored is not None and gitignored(d + "/"):
                continue
            child = (os.path.join(root, d), os.path.join(abs_root, d), rel_prefix + d + "/", config, level)
            kept.append(child)
        stack.extend(reversed(kept))
    return out


def _read_gitignore(name: str) -> Globs | None:
    try:
        with open(name, encoding="utf-8", errors="replace") as handle:
            return Globs(handle.read().splitlines())
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
    out: list[tuple[str, Globs]] = []
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
            decided = spec.decide(prefix + name)
            if decided is not None:
                return decided
        return False

    return ignored
