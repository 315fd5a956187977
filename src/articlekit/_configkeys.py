"""The keys of a configuration (`articlekit.config`), checked one by one.

The validators of codes, globs, kinds, modules and paths, the `[limits]` and
`[rules]` tables, and the loading of the models and plugins that keys name.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    PrivateAttr,
    StrictInt,
    StrictStr,
    model_validator,
)

from ._tomlkeys import error_at
from .issues import CODES
from .limits import DEFAULT_LIMITS, Limits
from .rules import RuleOptions

_CODE = re.compile(r"[A-Z]{2,5}[0-9]{0,3}")  # a code (AK301, RX101) or a prefix (AK3, RX)
_PLUGIN_CODE = re.compile(r"[A-Z]{2,5}[0-9]{3}")
_MODULE = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")
_OBJECT = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*:[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")


def _kebab(name: str) -> str:
    return name.replace("_", "-")


# --------------------------------------------------------------------------- validating values


def _known_codes() -> Mapping[str, object]:
    """Every registered code: articlekit's own (the catalogue) and those of loaded plugins."""
    return CODES


def _check_code(value: str) -> str:
    code = value.strip().upper()
    letters = code.rstrip("0123456789")
    if not _CODE.fullmatch(code) or not any(k.rstrip("0123456789") == letters for k in _known_codes()):
        raise ValueError(f"{value!r} is not an issue code (like AK301) or a code prefix (like AK3)")
    if not any(known.startswith(code) for known in _known_codes()):
        raise ValueError(f"{value!r} matches no issue code; 'articlekit codes' lists them")
    return code


def _check_glob(value: str) -> str:
    if not value.strip():
        raise ValueError("a glob must not be empty")
    if value.startswith("!"):
        raise ValueError(f"{value!r}: a glob here must not start with '!'")
    if ".." in value.replace("\\", "/").split("/"):
        raise ValueError(f"{value!r}: globs are relative to the configuration's folder and cannot use '..'")
    import pathspec  # only when a configuration file sets globs

    try:
        pathspec.GitIgnoreSpec.from_lines([value])
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a valid glob ({exc})") from None
    return value


def _check_kind(value: str) -> str:
    from .models.kinds import KINDS, kind_info

    if _OBJECT.fullmatch(value):
        return value
    try:
        return kind_info(value).name  # a registered kind, by name, alias ("news") or class name
    except KeyError:
        pass
    names = [k.name for k in KINDS]
    import difflib  # only for a message about a mistake

    close = difflib.get_close_matches(value.lower(), names, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise ValueError(
        f"{value!r} is not a kind{hint}: use one of {', '.join(names)}, or 'package.module:Class'"
    )


def _check_module(value: str) -> str:
    if not _MODULE.fullmatch(value):
        raise ValueError(f"{value!r} is not a module name (like 'mypackage.articlekit_rules')")
    return value


def _check_path(value: str) -> str:
    if not value.strip():
        raise ValueError("the path must not be empty")
    return value


_Code = Annotated[StrictStr, AfterValidator(_check_code)]
_Glob = Annotated[StrictStr, AfterValidator(_check_glob)]
_KindName = Annotated[StrictStr, AfterValidator(_check_kind)]
_Module = Annotated[StrictStr, AfterValidator(_check_module)]
_Count = Annotated[StrictInt, Field(ge=0)]

_TABLE_CONFIG = ConfigDict(
    frozen=True,
    extra="forbid",
    alias_generator=_kebab,
    validate_by_name=True,
    validate_by_alias=True,
    defer_build=True,  # built when a file (or Python) is validated: a run with no configuration file never is
)


class LimitsTable(BaseModel):
    """The ``[limits]`` table: the fields of [`Limits`][articlekit.Limits], in kebab case (``max-bytes``)."""

    model_config = _TABLE_CONFIG

    max_bytes: _Count = DEFAULT_LIMITS.max_bytes
    max_depth: _Count = DEFAULT_LIMITS.max_depth
    max_aliases: _Count = DEFAULT_LIMITS.max_aliases
    max_alias_expansion: _Count = DEFAULT_LIMITS.max_alias_expansion
    max_keys: _Count = DEFAULT_LIMITS.max_keys
    max_string_length: _Count = DEFAULT_LIMITS.max_string_length

    def to_limits(self) -> Limits:
        """These values as a [`Limits`][articlekit.Limits]."""
        return Limits(**{name: getattr(self, name) for name in type(self).model_fields})


class RulesTable(BaseModel):
    """The ``[rules]`` table: the rules' settings ([`RuleOptions`][articlekit.RuleOptions]), in kebab case.

    The options of other projects' rules are tables named by a code they registered,
    ``[rules.RX101]``, with any keys: the rule reads them as `ctx.options.of(RX101)`.
    """

    model_config = _TABLE_CONFIG

    max_related: _Count = RuleOptions().max_related

    _settings: dict[str, dict[str, Any]] = PrivateAttr(default_factory=dict)

    @model_validator(mode="wrap")
    @classmethod
    def _plugin_tables(cls, data: Any, handler: ModelWrapValidatorHandler[RulesTable]) -> RulesTable:
        settings: dict[str, dict[str, Any]] = {}
        if isinstance(data, Mapping):
            rest: dict[str, Any] = {}
            for key, value in data.items():
                if not (isinstance(key, str) and _PLUGIN_CODE.fullmatch(key)) or key.startswith("AK"):
                    rest[key] = value
                elif key not in CODES:
                    raise ValueError(f"[rules.{key}]: {key} is not a registered code (is its plugin loaded?)")
                elif not isinstance(value, Mapping):
                    raise ValueError(f"[rules.{key}] must be a table of the options of {key}'s rule")
                else:
                    settings[key] = dict(value)
            data = rest
        table = handler(data)
        if settings:
            table._settings = settings
        return table

    def to_options(self) -> RuleOptions:
        """These values as [`RuleOptions`][articlekit.RuleOptions] (no key, no fixed time)."""
        return RuleOptions(max_related=self.max_related, settings=dict(self._settings))


def _import_model(target: str, error: Any) -> type[BaseModel]:
    module_name, _, attribute = target.partition(":")
    try:
        value: Any = importlib.import_module(module_name)
    except ImportError as exc:
        raise error(f"cannot import {module_name!r}: {exc}") from None
    for part in attribute.split("."):
        value = getattr(value, part, None)
        if value is None:
            raise error(f"{module_name!r} has no {attribute!r}")
    if not (isinstance(value, type) and issubclass(value, BaseModel)):
        raise error(f"{target!r} is not a pydantic model class")
    return value


def _load_plugins_of(
    data: Mapping[str, Any], root: str | None, source: str | None, text: str | None, prefix: tuple[str, ...]
) -> None:
    """Load the installed plugins, and the ``plugins`` the data lists, before the rest is validated.

    Their codes and kinds may then appear in ``select``, ``ignore``, ``kinds`` and ``[rules]``.
    A malformed ``plugins`` value is left to validation to report.
    """
    from .plugins import load_config_plugins, load_plugins

    load_plugins()
    modules = data.get("plugins") if isinstance(data, Mapping) else None
    if not isinstance(modules, (list, tuple)):
        return
    if not all(isinstance(m, str) and _MODULE.fullmatch(m) for m in modules):
        return
    where = source
    if source is not None and text is not None:
        located = error_at(source, text, (*prefix, "plugins"), "plugins", "")
        if located.line is not None:
            where = f"{source}:{located.line}:{located.column or 1}"
    load_config_plugins(modules, root, where)
