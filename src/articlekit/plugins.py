"""Plugins: other projects' kinds, codes and rules, loaded once, lazily.

A plugin is a module (or a function) that registers kinds
([`register_kind`][articlekit.register_kind]), codes
([`register_code`][articlekit.register_code]) and rules
([`rule`][articlekit.rule]).  articlekit finds plugins in two places:

* **installed distributions**: an entry point in the group `articlekit.plugins`.
  Its value is a module (imported) or a callable (called once, with no
  arguments):

  ```toml
  # the plugin's pyproject.toml
  [project.entry-points."articlekit.plugins"]
  recipes = "articlekit_recipes"
  ```

* **the configuration**: `plugins = ["house_rules"]` in `articlekit.toml` (or
  `[tool.articlekit]`) imports modules that are not installed, found first in
  the configuration file's folder (a repository's own rules).

[`load_plugins`][articlekit.plugins.load_plugins] loads the installed ones.
`check`, `check_file`, `loads`, `load`, `detect_kind`, the command line and the
language server call it before they need a kind or a code; `import articlekit`
alone does not (it reads no distribution's metadata).  A configuration's
plugins are loaded when the configuration is read, before its codes and kinds
are validated.  A plugin that fails to import (or whose function raises) is a
[`PluginError`][articlekit.PluginError] naming it, every time it is asked for;
the command line reports it as a usage error (exit status 2).
[`loaded_plugins`][articlekit.plugins.loaded_plugins] says what was loaded,
from where, and what each registered (`articlekit plugins` prints it).
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from .errors import PluginError

__all__ = ["ENTRY_POINT_GROUP", "LoadedPlugin", "load_config_plugins", "load_plugins", "loaded_plugins"]

ENTRY_POINT_GROUP = "articlekit.plugins"
"""The entry point group that installed plugins declare."""


@dataclass(frozen=True)
class LoadedPlugin:
    """One plugin that was loaded, where it came from and what it registered.

    Attributes:
        name: the entry point's name (`recipes`), or the module's name for a
            plugin listed in a configuration.
        value: what was loaded: a module (`articlekit_recipes`) or a callable
            (`articlekit_recipes:setup`).
        distribution: the installed distribution that declares the entry point
            (`None` for a configuration's plugin).
        version: that distribution's version.
        config: the configuration file that lists the plugin (`None` for an
            installed one, or for a configuration made in Python).
        kinds: the names of the kinds it registered.
        codes: the codes it registered.
        rules: the names of the rules it registered.
    """

    name: str
    value: str
    distribution: str | None = None
    version: str | None = None
    config: str | None = None
    kinds: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()

    @property
    def origin(self) -> str:
        """Where the plugin came from, in words."""
        if self.distribution is not None:
            return f"distribution {self.distribution} {self.version or ''}".rstrip()
        if self.config is not None:
            return f"configuration {self.config}"
        return "a configuration made in Python"


class _State:
    done = False
    loading = False
    error: tuple[str, str, str] | None = None  # message, plugin, origin of the failure


_LOCK = threading.RLock()
_LOADED: list[LoadedPlugin] = []
_CONFIG_DONE: dict[tuple[str, str], tuple[str, str, str] | None] = {}  # (folder, module) -> failure


def load_plugins() -> None:
    """Load every installed plugin (entry point group `articlekit.plugins`), once.

    Cheap after the first call.  Entry points load in the order of their names;
    a module is imported, a callable is called with no arguments.  A plugin
    that checks a document while it loads does not load the plugins again.

    Raises:
        PluginError: a plugin failed to import, or its function raised (raised
            again by every later call, so that nothing runs without it).
    """
    if _State.done and not _State.loading:
        _raise_stored(_State.error)
        return
    with _LOCK:  # re-entered by the thread that is loading: a plugin using the API as it loads
        if _State.done:
            if not _State.loading:
                _raise_stored(_State.error)
            return
        _State.done = _State.loading = True
        try:
            for entry in sorted(_entry_points(), key=lambda ep: (ep.name, _dist_name(ep) or "", ep.value)):
                _load_entry_point(entry)
        except PluginError as exc:
            _State.error = (exc.message, exc.plugin, exc.origin)
            raise
        finally:
            _State.loading = False


def load_config_plugins(
    modules: Iterable[str], root: str | os.PathLike[str] | None = None, config: str | None = None
) -> None:
    """Import the modules a configuration's `plugins` lists, each once per folder.

    The installed plugins are loaded first.  Each module is looked for in
    `root` (the configuration file's folder; default: the current folder)
    before the rest of `sys.path`; that folder stays at the end of `sys.path`
    afterwards, so that the plugin can import its own modules later.

    Args:
        modules: module names (`"house_rules"`, `"tools.articlekit_rules"`).
        root: the folder they are relative to.
        config: the configuration file that lists them (for messages and
            [`loaded_plugins`][articlekit.plugins.loaded_plugins]).

    Raises:
        PluginError: a module failed to import (every time it is asked for).
    """
    load_plugins()
    folder = os.path.abspath(root if root is not None else os.getcwd())
    for name in modules:
        key = (folder, name)
        if key in _CONFIG_DONE:
            _raise_stored(_CONFIG_DONE[key])
            continue
        with _LOCK:
            if key in _CONFIG_DONE:
                _raise_stored(_CONFIG_DONE[key])
                continue
            _CONFIG_DONE[key] = None  # a plugin that checks a document as it loads: not imported again
            try:
                _load_config_module(name, folder, config)
            except PluginError as exc:
                _CONFIG_DONE[key] = (exc.message, exc.plugin, exc.origin)
                raise


def loaded_plugins() -> tuple[LoadedPlugin, ...]:
    """The plugins loaded so far, in the order they loaded (installed ones first).

    Call [`load_plugins`][articlekit.plugins.load_plugins] first to include every installed one.
    """
    return tuple(_LOADED)


# -- internals ---------------------------------------------------------------------------------


def _raise_stored(failure: tuple[str, str, str] | None) -> None:
    if failure is not None:
        message, plugin, origin = failure
        raise PluginError(message, plugin=plugin, origin=origin)


def _entry_points() -> list[Any]:
    from importlib.metadata import entry_points

    return list(entry_points(group=ENTRY_POINT_GROUP))


def _dist_name(entry: Any) -> str | None:
    dist = getattr(entry, "dist", None)
    if dist is None:
        return None
    name = dist.metadata["Name"] if dist.metadata is not None else None
    return str(name) if name else None


def _registered() -> tuple[list[str], list[str], list[Any]]:
    """What is registered now: kind names, codes, rules (the built-in rules loaded first)."""
    from .issues import CODES
    from .models.kinds import KINDS
    from .rules import _REGISTERED, all_rules

    all_rules()  # the built-in rules, so that they are not counted as the plugin's
    return [k.name for k in KINDS], list(CODES), list(_REGISTERED)


def _record(base: LoadedPlugin, before: tuple[list[str], list[str], list[Any]]) -> None:
    kinds, codes, rules = _registered()
    kinds_before, codes_before, rules_before = set(before[0]), set(before[1]), before[2]
    _LOADED.append(
        LoadedPlugin(
            name=base.name,
            value=base.value,
            distribution=base.distribution,
            version=base.version,
            config=base.config,
            kinds=tuple(k for k in kinds if k not in kinds_before),
            codes=tuple(c for c in codes if c not in codes_before),
            rules=tuple(r.name for r in rules if not any(r is old for old in rules_before)),
        )
    )


def _load_entry_point(entry: Any) -> None:
    dist = getattr(entry, "dist", None)
    base = LoadedPlugin(
        name=entry.name,
        value=entry.value,
        distribution=_dist_name(entry),
        version=None if dist is None else dist.version,
    )
    what = f"entry point {entry.name!r} = {entry.value!r} of {base.origin}"
    if base.distribution is None:
        what = f"entry point {entry.name!r} = {entry.value!r}"
    before = _registered()
    try:
        loaded = entry.load()
        if not isinstance(loaded, ModuleType):
            if not callable(loaded):
                kind = type(loaded).__name__
                raise TypeError(f"{entry.value} is neither a module nor a callable, but {kind}")
            loaded()
    except Exception as exc:  # a plugin's bug is the user's usage error, not articlekit's crash
        raise _failure(entry.name, what, exc) from None
    _record(base, before)


def _load_config_module(name: str, folder: str, config: str | None) -> None:
    base = LoadedPlugin(name=name, value=name, config=config)
    what = f"listed in plugins of {config}" if config else "listed in plugins of the configuration"
    before = _registered()
    # found in the configuration's folder first; then that folder goes to the end of sys.path, so that it
    # never hides an installed module but the plugin can still import its own modules later
    if folder in sys.path:
        sys.path.remove(folder)
    sys.path.insert(0, folder)
    try:
        importlib.invalidate_caches()
        importlib.import_module(name)
    except Exception as exc:
        raise _failure(name, what, exc) from None
    finally:
        if folder in sys.path:
            sys.path.remove(folder)
        sys.path.append(folder)
    _record(base, before)


def _failure(name: str, origin: str, exc: BaseException) -> PluginError:
    """The `PluginError` for the plugin `name`, which raised `exc`: its type, message and place."""
    frames = [
        f
        for f in traceback.extract_tb(exc.__traceback__)
        if f.filename != __file__ and "importlib" not in f.filename and not f.filename.startswith("<frozen")
    ]
    where = f" (at {frames[-1].filename}:{frames[-1].lineno})" if frames else ""
    text = str(exc)
    if len(text) > 300:
        text = text[:297] + "..."
    message = f"the plugin {name!r} ({origin}) failed to load: {type(exc).__name__}: {text}{where}"
    return PluginError(message, plugin=name, origin=origin)
