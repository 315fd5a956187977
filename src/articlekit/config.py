"""Configuration files: which rules apply where, which folders hold which kind.

A configuration is found per checked file: the nearest of ``articlekit.toml``,
``.articlekit.toml``, or a ``pyproject.toml`` with a ``[tool.articlekit]``
table, searching upward from the file's folder (in that order within one
folder); the closest wins, and nothing is merged from farther files.  Paths
and globs in a configuration are relative to its file's folder:

```toml
# articlekit.toml
ignore = ["AK853"]
per-file-ignores = { "_people/**" = ["AK305"] }
kinds = { "_learning/courses/**" = "course" }
rules = { max-related = 30 }
```

From Python:

    >>> import articlekit
    >>> config = articlekit.Config.from_dict({"ignore": ["AK853"]})
    >>> config.is_selected("AK853"), config.is_selected("AK301")
    (False, True)

[`Config.discover`][articlekit.Config.discover] finds the configuration of a file,
[`Config.load`][articlekit.Config.load] reads a given file, and
[`Config.default`][articlekit.Config.default] is no file at all.  A bad file is a
[`ConfigError`][articlekit.ConfigError] naming the file, line, column and key.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    Field,
    PrivateAttr,
    StrictBool,
    StrictStr,
)
from pydantic import ValidationError as _PydanticError

from ._configkeys import (
    _TABLE_CONFIG,
    LimitsTable,
    RulesTable,
    _check_path,
    _Code,
    _Glob,
    _import_model,
    _KindName,
    _known_codes,
    _load_plugins_of,
    _Module,
)
from ._globs import Globs
from ._tomlkeys import KeyPath, config_error, error_at, key_name, parse_toml, read_text, to_toml
from .errors import ArticleKitError, ConfigError
from .issues import CODES
from .limits import Limits
from .rules import RuleOptions

__all__ = [
    "CONFIG_FILES",
    "DEFAULT_INCLUDE",
    "Config",
    "LimitsTable",
    "RulesTable",
    "clear_discovery_cache",
]

CONFIG_FILES = ("articlekit.toml", ".articlekit.toml", "pyproject.toml")
"""The names a configuration file may have, in the order they are looked for within one folder."""

DEFAULT_INCLUDE = ("**/*.md", "**/*.markdown")
"""The files checked when a folder is given and no ``include`` is set."""

_PATHS_KEPT = 50_000  # paths whose ignored codes and kind a configuration keeps (`Config._for_path`)


class Config(BaseModel):
    """An articlekit configuration: the keys of ``articlekit.toml``, validated.

    Fields are named as in the file, with ``_`` for ``-`` (``per_file_ignores``
    is ``per-file-ignores``).  Codes are kept in upper case.  Globs (gitignore
    style: a glob without ``/`` matches at any depth, ``dir/**`` everything
    below ``dir``) and ``secured-key-file`` are relative to `root`.

    A ``Config`` made in Python (``Config(...)``, [`from_dict`][articlekit.Config.from_dict]) has no
    `source`; its globs are relative to ``root`` (default: the current folder at
    the time a path is matched).  ``Config(...)`` raises pydantic's error for a bad value;
    [`from_dict`][articlekit.Config.from_dict] and [`load`][articlekit.Config.load] raise
    [`ConfigError`][articlekit.ConfigError].
    """

    model_config = _TABLE_CONFIG

    select: tuple[_Code, ...] = ()
    ignore: tuple[_Code, ...] = ()
    per_file_ignores: dict[_Glob, tuple[_Code, ...]] = Field(default_factory=dict)
    include: tuple[_Glob, ...] = DEFAULT_INCLUDE
    exclude: tuple[_Glob, ...] = ()
    respect_gitignore: StrictBool = True
    kinds: dict[_Glob, _KindName] = Field(default_factory=dict)
    warnings_as_errors: StrictBool = False
    secured_key_file: Annotated[StrictStr, AfterValidator(_check_path)] | None = None
    limits_table: LimitsTable = Field(default_factory=LimitsTable, alias="limits")
    rules_table: RulesTable = Field(default_factory=RulesTable, alias="rules")
    plugins: tuple[_Module, ...] = ()

    _root: str | None = PrivateAttr(default=None)
    _source: str | None = PrivateAttr(default=None)
    _prefix: tuple[str, ...] = PrivateAttr(default=())
    _memo: dict[Any, Any] = PrivateAttr(default_factory=dict)

    # ------------------------------------------------------------------ making one

    @classmethod
    def default(cls) -> Config:
        """The configuration of no file: every default (what ``--isolated`` uses)."""
        return _DEFAULT if _DEFAULT is not None else _make_default()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, root: str | os.PathLike[str] | None = None) -> Config:
        """A configuration from data shaped like the file (keys with ``-``), relative to ``root``.

        Raises:
            ConfigError: an unknown key, a wrong type, a bad code or glob.
        """
        return _validate(cls, data, root=None if root is None else os.path.abspath(root))

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Config:
        """The configuration in the file ``path`` (a ``pyproject.toml`` is read from ``[tool.articlekit]``).

        Raises:
            ConfigError: the file cannot be read, is not TOML, has no
                ``[tool.articlekit]`` table (``pyproject.toml``), or has a bad key or value.
        """
        name = os.fspath(path)
        text = read_text(name)
        data = parse_toml(text, name)
        prefix: tuple[str, ...] = ()
        if os.path.basename(name) == "pyproject.toml":
            tool = data.get("tool")
            table = tool.get("articlekit") if isinstance(tool, dict) else None
            if table is None:
                raise ConfigError("has no [tool.articlekit] table", path=name)
            prefix = ("tool", "articlekit")
            if not isinstance(table, dict):
                raise error_at(name, text, prefix, "tool.articlekit", "must be a table")
            data = table
        return _validate(
            cls, data, root=os.path.dirname(os.path.abspath(name)), source=name, text=text, prefix=prefix
        )

    @classmethod
    def discover(cls, path: str | os.PathLike[str]) -> Config:
        """The configuration that applies to the file (or folder) ``path``.

        The nearest ``articlekit.toml``, ``.articlekit.toml`` or ``pyproject.toml``
        with ``[tool.articlekit]``, from the file's folder upward; [`default`][articlekit.Config.default]
        when there is none.  What is found is kept per folder (so that checking
        tens of thousands of files reads each configuration once); call
        `clear_discovery_cache` after changing configuration files.

        Raises:
            ConfigError: the nearest configuration file is not valid.
        """
        start = os.path.abspath(path)
        if not os.path.isdir(start):
            start = os.path.dirname(start)
        return _discover_folder(start)

    def with_options(self, **changes: Any) -> Config:
        """A copy with some fields changed (by field name), validated, with the same root and source.

        For command-line flags that override the file, e.g.
        ``config.with_options(select=("AK3",))`` or
        ``config.with_options(ignore=config.ignore + ("AK853",))``.

        Raises:
            ConfigError: a bad value.
        """
        data: dict[str, Any] = {name: getattr(self, name) for name in self.model_fields_set}
        data.update(changes)
        try:
            new = type(self).model_validate(data, by_alias=False, by_name=True)
        except _PydanticError as exc:
            raise config_error(Config, exc, None, None, ()) from None
        new._root, new._source, new._prefix = self._root, self._source, self._prefix
        return new

    def __eq__(self, other: object) -> bool:
        """Equal values from the same file (or both from none); what was worked out since does not count."""
        if not isinstance(other, Config):
            return NotImplemented
        mine, theirs = _private(self), _private(other)
        return (
            type(self) is type(other)
            and self.__dict__ == other.__dict__
            and (mine["_root"], mine["_source"]) == (theirs["_root"], theirs["_source"])
        )

    __hash__ = None  # type: ignore[assignment]  # its tables are dicts

    # ------------------------------------------------------------------ where it came from

    @property
    def source(self) -> Path | None:
        """The file this configuration was read from (``None``: made in Python, or the defaults)."""
        return None if self._source is None else Path(self._source)

    @property
    def root(self) -> Path | None:
        """The folder globs and paths are relative to (``None``: the current folder)."""
        return None if self._root is None else Path(self._root)

    def relative(self, path: str | os.PathLike[str]) -> str | None:
        """``path`` relative to `root`, with ``/``; ``None`` when it is outside that folder."""
        fixed_root: str | None = _private(self)["_root"]
        if (
            type(path) is str
            and _POSIX
            and type(fixed_root) is str
            and fixed_root
            and path[:1] == "/"
            and "//" not in path
            and "/." not in path
            and path[-1:] != "/"
        ):  # an absolute path that `os.path.abspath` leaves as it is: compared as below, without it
            if path == fixed_root:
                return "."
            prefix = fixed_root if fixed_root[-1:] == "/" else fixed_root + "/"  # (`os.path.join(root, "")`)
            return path[len(prefix) :] if path.startswith(prefix) else None
        memo = _memo(self)
        last = memo.get("relative")  # the same path is often asked for twice in a row
        if last is not None and last[0] == path and fixed_root is not None and _is_absolute(os.fspath(path)):
            return last[1]  # type: ignore[no-any-return]  # (a relative path depends on the current folder)
        root = fixed_root or os.getcwd()
        full = os.path.abspath(path)
        normcase = os.path.normcase
        if normcase(full) == normcase(root):
            rel: str | None = "."
        else:
            prefix = os.path.join(root, "")
            if normcase(full[: len(prefix)]) != normcase(prefix):
                rel = None
            else:
                rel = full[len(prefix) :]
                if os.sep != "/":  # pragma: no cover - Windows
                    rel = rel.replace(os.sep, "/")
        memo["relative"] = (path, rel)
        return rel

    # ------------------------------------------------------------------ what applies to a path

    def is_selected(self, code: str, path: str | os.PathLike[str] | None = None) -> bool:
        """Whether issues of ``code`` are reported (for the file ``path``, with its per-file ignores)."""
        if self.select and not code.startswith(self.select):
            return False
        if self.ignore and code.startswith(self.ignore):
            return False
        if path is not None and self.per_file_ignores:
            return not any(code.startswith(codes) for codes in self._per_file(path))
        return True

    def ignored_codes(self, path: str | os.PathLike[str] | None = None) -> frozenset[str]:
        """Every registered code that is not reported for ``path`` (what ``check(ignore=...)`` takes)."""
        matched = self._per_file_indexes(path) if path is not None and self.per_file_ignores else ()
        return self._ignored_by(matched)

    def _ignored_by(self, matched: tuple[int, ...]) -> frozenset[str]:
        """`ignored_codes` of a path that the ``per-file-ignores`` globs of indexes ``matched`` match."""
        key = ("ignored", matched, len(CODES))
        found = _memo(self).get(key)
        if found is None:
            codes = _known_codes()
            globs = self._per_file_list()
            extra = tuple(c for i in matched for c in self.per_file_ignores[globs[i][0]])
            found = frozenset(
                code
                for code in codes
                if (self.select and not code.startswith(self.select))
                or (self.ignore and code.startswith(self.ignore))
                or (extra and code.startswith(extra))
            )
            _memo(self)[key] = found
        return found

    def kind_for(self, path: str | os.PathLike[str]) -> type[BaseModel] | None:
        """The model the file ``path`` is validated as, by ``kinds`` (the last matching glob wins).

        ``None`` when no glob matches: the kind is detected from the front matter.

        Raises:
            ConfigError: a ``"package.module:Class"`` that cannot be imported or is not a model.
        """
        if not self.kinds:
            return None
        return self._kind_of(self.relative(path))

    def _kind_of(self, rel: str | None) -> type[BaseModel] | None:
        """`kind_for` of the path that is ``rel`` relative to `root` (``None``: outside it)."""
        found = None if rel is None else _first_kind(self._path_tests()[1], rel)
        return None if found is None else self._resolve_kind(*found)

    def _worked_out(self) -> dict[Any, Any]:
        """What this configuration has worked out so far; `articlekit.api` keeps its plans there."""
        return _memo(self)

    def _for_path(self, path: str | os.PathLike[str]) -> tuple[frozenset[str], type[BaseModel] | None]:
        """`ignored_codes` and `kind_for` of ``path``, worked out once per path (what `check` asks each call).

        Kept per path as given (and per current folder when there is no `root`),
        for as long as no code is registered; at most `_PATHS_KEPT` paths.
        """
        if not self.per_file_ignores and not self.kinds:  # nothing depends on the path
            return self.ignored_codes(), None
        memo = _memo(self)
        paths: dict[Any, tuple[frozenset[str], type[BaseModel] | None]] | None = memo.get("paths")
        if paths is None or len(paths) >= _PATHS_KEPT:
            paths = memo["paths"] = {}
        key = self._path_key(path)
        found = paths.get(key)
        if found is None:
            found = paths[key] = self._work_out(path)
        return found

    def _work_out(self, path: str | os.PathLike[str]) -> tuple[frozenset[str], type[BaseModel] | None]:
        """`ignored_codes(path)` and `kind_for(path)`, the path made relative once, nothing kept by
        the path (what `_for_path` keeps, and `articlekit.api` when it keeps its plan by the path)."""
        rel = self.relative(path)
        if rel is None:
            return self._ignored_by(()), None
        per_file, kinds = self._path_tests()
        found = _first_kind(kinds, rel)
        kind = None if found is None else self._resolve_kind(*found)
        return self._ignored_by(_matching(per_file, rel)), kind

    def _forget_paths(self) -> None:
        """Forget what was worked out for single paths (the compiled globs, the kinds and the plans
        by ignored codes and kind stay).  For `python -m benchmarks`: each timed pass over a
        corpus then costs what the first pass over a repository costs, every path new."""
        memo = _memo(self)
        memo.pop("relative", None)
        paths = memo.get("paths")
        if paths is not None:
            paths.clear()
        kept = memo.get("path-plans")
        if kept is not None:
            kept[1].clear()

    def _path_key(self, path: str | os.PathLike[str]) -> tuple[Any, ...]:
        """What `_for_path`'s result for ``path`` depends on besides the configuration: the path as
        given, the number of registered codes, and the current folder when the path is matched
        relative to it (there is no `root`, or ``path`` is not absolute: `relative` makes it so)."""
        name = os.fspath(path)
        if _private(self)["_root"] is not None and _is_absolute(name):
            return (name, len(CODES))
        return (name, len(CODES), os.getcwd())

    def _path_plans(self) -> dict[Any, Any]:
        """Where `articlekit.api` keeps its plans by path (`_keeps_path`): emptied when a code is
        registered, and when it holds `_PATHS_KEPT` paths."""
        memo = _memo(self)
        kept: tuple[int, dict[Any, Any]] | None = memo.get("path-plans")
        if kept is None or kept[0] != len(CODES) or len(kept[1]) >= _PATHS_KEPT:
            kept = memo["path-plans"] = (len(CODES), {})
        return kept[1]

    def _keeps_path(self, name: str | bytes) -> bool:
        """Whether what applies to the path ``name`` (as `os.fspath` gives it) may be kept by that name
        alone, for as long as no code is registered: nothing depends on the path, or it is absolute and
        there is a `root` (else the current folder counts, see `_path_key`)."""
        if not self.per_file_ignores and not self.kinds:
            return True
        return _private(self)["_root"] is not None and _is_absolute(name)

    def is_included(self, path: str | os.PathLike[str]) -> bool:
        """Whether a file found in a folder is checked: it matches ``include`` and not ``exclude``.

        A file outside `root` is matched by its name alone.  (Files named
        on the command line are always checked; ``.gitignore`` is the business
        of `find_files`.)
        """
        rel = self.relative(path)
        if rel is None:
            rel = os.path.basename(os.fspath(path))
        return self.includes(rel) and not self.excludes(rel)

    def includes(self, rel: str) -> bool:
        """Whether the relative path ``rel`` (with ``/``) matches ``include``."""
        return self._spec("include").match(rel)

    def excludes(self, rel: str, *, is_dir: bool = False) -> bool:
        """Whether the relative path ``rel`` (a folder when ``is_dir``) matches ``exclude``."""
        if not self.exclude:
            return False
        return self._spec("exclude").match(rel + "/" if is_dir else rel)

    @property
    def limits(self) -> Limits:
        """``[limits]`` as `Limits` (the field is `limits_table`)."""
        found = _memo(self).get("limits")
        if found is None:
            found = _memo(self)["limits"] = self.limits_table.to_limits()
        return found

    @property
    def rule_options(self) -> RuleOptions:
        """``[rules]`` as `RuleOptions`, without the key (see `secured_key`).

        (The field is `rules_table`.)
        """
        found = _memo(self).get("options")
        if found is None:
            found = _memo(self)["options"] = self.rules_table.to_options()
        return found

    @property
    def secured_key_path(self) -> Path | None:
        """``secured-key-file`` made absolute (relative to `root`), or ``None``."""
        if self.secured_key_file is None:
            return None
        root = _private(self)["_root"] or os.getcwd()
        return Path(root, os.path.expanduser(self.secured_key_file))

    def secured_key(self) -> bytes | None:
        """The key in ``secured-key-file`` (read once), or ``None`` when the key is not set.

        Raises:
            ConfigError: the key file cannot be read or holds no usable key.
        """
        key_path = self.secured_key_path
        if key_path is None:
            return None
        cached = _memo(self).get("secured-key")
        if isinstance(cached, bytes):
            return cached
        from .secured import read_key_file, require_backend, validate_key

        try:
            key = validate_key(read_key_file(key_path))
            require_backend()
        except ArticleKitError as exc:
            raise self._error(("secured-key-file",), exc.message) from None
        _memo(self)["secured-key"] = key
        return key

    def prepare(self, *, key: bool = True, kinds: bool = True) -> None:
        """Read ``secured-key-file`` (``key``) and import the ``kinds`` classes (``kinds``) now, once.

        What the command line calls for each configuration before checking any
        file, so that a bad key file or kind is one usage error, not an error per file.

        Raises:
            ConfigError: the key file cannot be read, or a kind cannot be imported.
        """
        if key:
            self.secured_key()
        if kinds:
            for glob, name in self.kinds.items():
                self._resolve_kind(glob, name)

    # ------------------------------------------------------------------ display

    def to_display(self, path: str | os.PathLike[str] | None = None) -> str:
        """Every effective value, as TOML, each marked with where it came from.

        What ``articlekit config [PATH]`` prints (like ``ruff check --show-settings``);
        with ``path``, what applies to that file too.
        """
        from_file = f"from {self._source}" if self._source else "set in Python"
        out = [f"# configuration file: {self._source or 'none (defaults)'}"]
        out.append(f"# globs and paths are relative to: {self._root or os.getcwd()}")
        if path is not None:
            out += self._display_for(path)
        out.append("")

        def line(key: str, value: object, explicit: bool) -> str:
            origin = from_file if explicit else "default"
            if value is None:
                return f"# {key} is not set  ({origin})"
            return f"{key} = {to_toml(value)}  # {origin}"

        tables: dict[str, BaseModel] = {"limits_table": self.limits_table, "rules_table": self.rules_table}
        for name, field in type(self).model_fields.items():
            if name in tables:
                continue
            out.append(line(field.alias or name, getattr(self, name), name in self.model_fields_set))
        for name, table in tables.items():
            out += ["", f"[{type(self).model_fields[name].alias}]"]
            for sub, field in type(table).model_fields.items():
                out.append(line(field.alias or sub, getattr(table, sub), sub in table.model_fields_set))
        return "\n".join(out) + "\n"

    def _display_for(self, path: str | os.PathLike[str]) -> list[str]:
        out = [f"# for the file: {os.fspath(path)}"]
        kind = None
        for glob, spec, name in reversed(self._kind_list()):
            rel = self.relative(path)
            if rel is not None and spec.match(rel):
                kind = f"{name} (kinds {to_toml(glob)})"
                break
        out.append(f"#   kind: {kind or 'detected from the front matter'}")
        extra = [glob for glob, _ in (self._per_file_list()[i] for i in self._per_file_indexes(path))]
        codes = sorted({c for glob in extra for c in self.per_file_ignores[glob]})
        if codes:
            out.append(f"#   per-file-ignores: {', '.join(codes)} (from {', '.join(map(to_toml, extra))})")
        out.append(f"#   checked when its folder is searched: {'yes' if self.is_included(path) else 'no'}")
        return out

    # ------------------------------------------------------------------ internals

    def _spec(self, name: str) -> Globs:
        spec = _memo(self).get(name)
        if spec is None:
            spec = _memo(self)[name] = Globs(getattr(self, name))
        return spec

    def _per_file_list(self) -> list[tuple[str, Globs]]:
        found = _memo(self).get("per-file")
        if found is None:
            found = _memo(self)["per-file"] = [(glob, Globs([glob])) for glob in self.per_file_ignores]
        return found

    def _per_file_indexes(self, path: str | os.PathLike[str]) -> tuple[int, ...]:
        return self._matched(self.relative(path))

    def _matched(self, rel: str | None) -> tuple[int, ...]:
        """The indexes of the ``per-file-ignores`` globs that match ``rel`` (``None``: outside `root`)."""
        return () if rel is None else _matching(self._path_tests()[0], rel)

    def _path_tests(self) -> tuple[tuple[tuple[int, Globs], ...], tuple[tuple[Globs, str, str], ...]]:
        """Each ``per-file-ignores`` glob's index and `Globs`, and each ``kinds`` glob's `Globs`, glob
        and kind, last first (what `_matched` and `_kind_of` go through)."""
        found = _memo(self).get("path-tests")
        if found is None:
            per_file = tuple((i, spec) for i, (_, spec) in enumerate(self._per_file_list()))
            kinds = tuple((spec, glob, name) for glob, spec, name in reversed(self._kind_list()))
            found = _memo(self)["path-tests"] = (per_file, kinds)
        return found

    def _per_file(self, path: str | os.PathLike[str]) -> list[tuple[str, ...]]:
        globs = self._per_file_list()
        return [self.per_file_ignores[globs[i][0]] for i in self._per_file_indexes(path)]

    def _kind_list(self) -> list[tuple[str, Globs, str]]:
        found = _memo(self).get("kinds")
        if found is None:
            found = _memo(self)["kinds"] = [(glob, Globs([glob]), name) for glob, name in self.kinds.items()]
        return found

    def _resolve_kind(self, glob: str, name: str) -> type[BaseModel]:
        key = ("kind", name)
        model = _memo(self).get(key)
        if model is None:
            if ":" in name:
                model = _import_model(name, lambda message: self._error(("kinds", glob), message))
            else:
                from .models.kinds import kind_named

                model = kind_named(name)
            _memo(self)[key] = model
        return model

    def _error(self, path: KeyPath, message: str) -> ConfigError:
        """A `ConfigError` about the key at ``path``, located in the source file if there is one."""
        full = (*self._prefix, *path)
        if self._source is None:
            return ConfigError(message, key=key_name(full))
        try:
            text = read_text(self._source)
        except ConfigError:
            return ConfigError(message, path=self._source, key=key_name(full))
        return error_at(self._source, text, full, key_name(full), message)


_POSIX = os.sep == "/" and os.altsep is None


def _is_absolute(name: object) -> bool:
    """Whether the path ``name`` (as `os.fspath` gives it) is absolute: then `Config.relative`
    does not depend on the current folder.  (On POSIX a test of its first character.)"""
    if _POSIX and type(name) is str:
        return name[:1] == "/"
    return isinstance(name, str | bytes) and os.path.isabs(name)


def _matching(per_file: tuple[tuple[int, Globs], ...], rel: str) -> tuple[int, ...]:
    """The indexes of the ``per-file-ignores`` globs (`Config._path_tests`) that match ``rel``."""
    if not per_file:
        return ()
    return tuple([i for i, spec in per_file if spec.decide(rel) is True])  # (`spec.match`)


def _first_kind(kinds: tuple[tuple[Globs, str, str], ...], rel: str) -> tuple[str, str] | None:
    """``(glob, kind name)`` of the ``kinds`` entry (`Config._path_tests`, last first) that takes ``rel``."""
    for spec, glob, name in kinds:
        if spec.decide(rel) is True:  # (`spec.match`)
            return glob, name
    return None


def _private(config: Config) -> dict[str, Any]:
    """``config``'s private attributes, read without pydantic's ``__getattr__`` (which is slow)."""
    private = config.__pydantic_private__
    assert private is not None
    return private


def _memo(config: Config) -> dict[Any, Any]:
    """What ``config`` has worked out so far (compiled globs, resolved kinds, ...)."""
    memo: dict[Any, Any] = _private(config)["_memo"]
    return memo


# --------------------------------------------------------------------------- reading and validating


def _validate(
    cls: type[Config],
    data: Mapping[str, Any],
    *,
    root: str | None,
    source: str | None = None,
    text: str | None = None,
    prefix: tuple[str, ...] = (),
) -> Config:
    _load_plugins_of(data, root, source, text, prefix)
    try:
        config = cls.model_validate(data, by_alias=True, by_name=False)
    except _PydanticError as exc:
        raise config_error(Config, exc, source, text, prefix) from None
    config._root, config._source, config._prefix = root, source, prefix
    return config


# --------------------------------------------------------------------------- discovery

_DEFAULT: Config | None = None
"""`Config.default`, made on first use (by `_make_default`)."""


def _make_default() -> Config:
    """``Config()``, made without validating: its values are the defaults, valid by construction.

    Validating would build the validators of `Config` and its tables, a
    tenth of the start-up of a check of one file that has no configuration
    file to read (a test compares the two).
    """
    global _DEFAULT
    _DEFAULT = Config.model_construct(
        _fields_set=set(),
        limits_table=LimitsTable.model_construct(_fields_set=set()),
        rules_table=RulesTable.model_construct(_fields_set=set()),
    )
    return _DEFAULT


_BY_FOLDER: dict[str, Config] = {}
_BY_FILE: dict[str, Config] = {}


def clear_discovery_cache() -> None:
    """Forget the configurations `Config.discover` found (after configuration files change)."""
    _BY_FOLDER.clear()
    _BY_FILE.clear()


def _config_file_in(folder: str) -> str | None:
    for name in CONFIG_FILES:
        candidate = os.path.join(folder, name)
        if not os.path.isfile(candidate):
            continue
        if name != "pyproject.toml" or _has_articlekit_table(candidate):
            return candidate
    return None


def _has_articlekit_table(name: str) -> bool:
    text = read_text(name)
    if "articlekit" not in text:
        return False
    tool = parse_toml(text, name).get("tool")
    return isinstance(tool, dict) and "articlekit" in tool


def _discover_folder(folder: str) -> Config:
    found = _BY_FOLDER.get(folder)
    if found is not None:
        return found
    visited: list[str] = []
    current = folder
    while True:
        cached = _BY_FOLDER.get(current)
        if cached is not None:
            found = cached
            break
        visited.append(current)
        name = _config_file_in(current)
        if name is not None:
            found = _BY_FILE.get(name)
            if found is None:
                found = _BY_FILE[name] = Config.load(name)
            break
        parent = os.path.dirname(current)
        if parent == current:
            found = Config.default()
            break
        current = parent
    for seen in visited:
        _BY_FOLDER[seen] = found
    return found
