"""The public functions: `check`, `loads`, `load` and `parse`.

Data flows one way: splitter → YAML layer → models → rules → issues.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import IO, TYPE_CHECKING, Any, overload

from pydantic import BaseModel

from ._mask import mask_source, secured_in
from .document import Document, M, _made, _source_of
from .errors import ParseError, ValidationError
from .fastyaml import load_yaml_fast
from .issues import Issue
from .limits import DEFAULT_LIMITS, Limits
from .models.kinds import detect_kind as _detect_kind
from .models.kinds import unknown_kind_issue
from .plugins import load_config_plugins, load_plugins
from .positions import Locations
from .rules import Context, RuleOptions, run_rules
from .secured import require_backend, validate_key
from .splitter import SplitResult, split_front_matter
from .validate import validate_issues, validate_kept

if TYPE_CHECKING:
    from .config import Config

__all__ = ["Source", "check", "check_file", "check_with_suppressed", "detect_kind", "load", "loads", "parse"]

Source = str | os.PathLike[str] | IO[bytes] | IO[str]
"""What [`load`][articlekit.load] reads: a path, or an open binary or text file."""

_PARSE_PREFIXES = ("AK1", "AK2")
_DEFAULT_OPTIONS = RuleOptions()  # frozen: one instance serves every call


def detect_kind(data: dict[str, Any]) -> type[BaseModel] | None:
    """The model class a front matter is validated as when no ``kind`` is given.

    ``category: news`` is an [`Article`][articlekit.Article] (even with ``type: video``);
    ``type`` picks Video, Course, Collection, Download, Profile or Forum;
    ``taxonomy: organization`` an Organization.  ``None`` when it matches no
    kind (AK901); see `articlekit.models.kinds`.  Installed plugins' kinds count
    (see [`articlekit.plugins`][articlekit.plugins]).

    Raises:
        PluginError: an installed plugin failed to load.
    """
    load_plugins()
    return _detect_kind(data)


class _Analysis:
    """What `_analyze` found: the split, the data, the model and every issue."""

    __slots__ = ("data", "issues", "kind", "locations", "model", "split")

    def __init__(self, split: SplitResult, issues: list[Issue]) -> None:
        self.split = split
        self.issues = issues
        self.data: dict[str, Any] | None = None
        self.locations: Locations | None = None
        self.model: BaseModel | None = None
        self.kind: type[BaseModel] | None = None


_INPUT_TYPES = (str, bytes, bytearray)
_NOTHING: frozenset[str] = frozenset()


def _check_input(data: object) -> None:
    if not isinstance(data, _INPUT_TYPES):
        raise TypeError(f"expected str or bytes, got {type(data).__name__}")


def _analyze(
    data: str | bytes,
    *,
    kind: type[BaseModel] | None,
    ignore: frozenset[str],
    limits: Limits,
    options: RuleOptions,
    schema: bool = True,
    model: bool = True,
) -> _Analysis:
    """Split, read, validate and run the rules: every issue of ``data``, and what was found on the way.

    ``schema=False`` stops after reading the YAML (`parse`); ``model=False`` validates
    without making the model objects (`check` needs only the issues; ``result.model``
    stays ``None``).
    """
    split = split_front_matter(data, limits)
    issues = [*split.issues] if split.issues else []
    result = _Analysis(split, issues)
    if split.front_matter is None:
        return result
    # the splitter has reported the characters YAML cannot hold (AK106-AK109) for the whole file
    loaded = load_yaml_fast(split.front_matter, first_line=2, limits=limits, report_characters=False)
    if loaded.issues:
        issues.extend(loaded.issues)
    result.locations = loaded.locations
    if loaded.data is None:
        return result
    result.data = loaded.data
    if not schema:
        return result
    model_kind = kind if kind is not None else _detect_kind(loaded.data)
    if model_kind is None:
        issues.append(unknown_kind_issue(loaded.data, loaded.locations))
        return result
    result.kind = model_kind
    if model:
        result.model, schema_issues = validate_kept(loaded.data, model_kind, loaded.locations)
    else:  # check: the same issues, without making the models
        schema_issues = validate_issues(loaded.data, model_kind, loaded.locations)
    if schema_issues:
        issues.extend(_unexplained(schema_issues, loaded.issues))
    ctx = Context(loaded.data, loaded.locations, model_kind, options, prebuilt_index=loaded.index)
    issues.extend(run_rules(ctx, ignore))
    return result


def _masked_source(result: _Analysis) -> str:
    """The file's text for an exception, every ``secured`` value in it masked (columns kept)."""
    values, spans = secured_in(result.data, result.locations)
    return mask_source(result.split.text, values, spans)


def _unexplained(schema_issues: list[Issue], yaml_issues: list[Issue]) -> list[Issue]:
    """Schema issues, less those at or below a path the YAML layer already reported.

    A disallowed tag or a key that is not text is one problem, not two.
    """
    if not yaml_issues:
        return schema_issues
    reported = {i.path for i in yaml_issues if i.is_error and i.path}
    if not reported:
        return schema_issues
    return [i for i in schema_issues if not any(i.path[: len(p)] == p for p in reported)]


def _finish(issues: list[Issue], ignore: frozenset[str]) -> list[Issue]:
    """``issues`` less the ignored codes, sorted.

    Each layer reports its own problems once (the YAML layer leaves the
    characters it cannot hold to the splitter), so nothing is reported twice.
    """
    issues = [i for i in issues if i.code not in ignore] if ignore and issues else [*issues]
    if len(issues) > 1:  # (most files have no issue)
        issues.sort()
    return issues


def _rule_options(options: RuleOptions | None, secured_key: bytes | None) -> RuleOptions:
    """The rule options, with ``secured_key`` (if given) checked and put in.

    A key that cannot be used (wrong length, ``cryptography`` missing) raises
    [`SecuredError`][articlekit.SecuredError] here, once, before any content is looked at.
    """
    if options is None and secured_key is None:
        return _DEFAULT_OPTIONS
    opts = options or _DEFAULT_OPTIONS
    if secured_key is not None:
        opts = replace(opts, secured_key=secured_key)
    if opts.secured_key is not None:
        require_backend()
        opts = replace(opts, secured_key=validate_key(opts.secured_key))
    return opts


def _as_set(ignore: Iterable[str] | None) -> frozenset[str]:
    if ignore is None:
        return _NOTHING
    if isinstance(ignore, str):
        return frozenset({ignore})
    return frozenset(ignore)


class _Plan:
    """What one file is checked with: the arguments, and the configuration's values for its path."""

    __slots__ = ("ignored", "kind", "limits", "options", "promote")

    def __init__(
        self,
        config: Config | None,
        path: str | os.PathLike[str] | None,
        ignore: Iterable[str] | None,
        kind: type[BaseModel] | str | None,
        limits: Limits | None,
        options: RuleOptions | None,
        secured_key: bytes | None,
    ) -> None:
        _load_plugins(config)
        ignored = _as_set(ignore)
        self.promote = False
        if isinstance(kind, str):
            kind = _kind_named(kind)
        if config is None:
            self._plain(ignored, kind, limits or DEFAULT_LIMITS, _rule_options(options, secured_key))
            return
        if path is not None and kind is None:
            by_config, kind = config._for_path(path)  # worked out once per path
        else:
            by_config = config.ignored_codes(path)
        self.ignored = by_config | ignored if ignored else by_config
        self.kind = kind
        self.limits = limits or config.limits
        if secured_key is None and (options is None or options.secured_key is None):
            secured_key = config.secured_key()
        self.options = _rule_options(options or config.rule_options, secured_key)
        self.promote = config.warnings_as_errors

    def _plain(
        self, ignored: frozenset[str], kind: type[BaseModel] | None, limits: Limits, options: RuleOptions
    ) -> None:
        """Fill in a plan without configuration."""
        self.ignored = ignored
        self.kind = kind
        self.limits = limits
        self.options = options
        self.promote = False


def _load_plugins(config: Config | None) -> None:
    """Load the installed plugins and the configuration's: what a call does before it reads its plan."""
    load_plugins()  # once; then a flag test (installed plugins' kinds and codes)
    if config is not None and config.plugins:  # a configuration made in Python, or in another process
        source = config.source
        load_config_plugins(config.plugins, config.root, None if source is None else str(source))


_PLANS_KEPT = 1_024  # plans a configuration keeps (one per distinct ignored codes and kind of its paths)


def _new_path_plan(config: Config, path: str | os.PathLike[str], name: str | bytes) -> _Plan:
    """The `_Plan` of a call given only a configuration and a path (the command line's), whose
    plan `_plan` did not find kept by the path (``name``: ``os.fspath(path)``).

    A plan depends on the path only through the ignored codes and the kind worked out
    for it, so the configuration keeps one plan for each such pair instead of a call
    making one (limits, rule options, key), and keeps it by the path too when it can
    (`Config._keeps_path`) for the next call.
    """
    keeps = config._keeps_path(name)
    # (a plan kept by the path here needs no copy of its ignored codes and kind kept by the path there)
    found = config._work_out(path) if keeps else config._for_path(path)
    # kept with what the configuration has worked out; a `Config` is frozen, so its plans never go stale
    memo = config._worked_out()
    plans: dict[tuple[frozenset[str], type[BaseModel] | None], _Plan] | None = memo.get("plans")
    if plans is None or len(plans) >= _PLANS_KEPT:
        plans = memo["plans"] = {}
    plan = plans.get(found)
    if plan is None:
        plan = plans[found] = _Plan(config, path, None, None, None, None, None)
    if keeps:
        config._path_plans()[name] = plan
    return plan


def _default_plan() -> _Plan:
    """The plan of a call given no configuration and no argument: always the same."""
    plan: _Plan = object.__new__(_Plan)
    plan._plain(_NOTHING, None, DEFAULT_LIMITS, _DEFAULT_OPTIONS)
    return plan


_DEFAULT_PLAN = _default_plan()


_EMPTY_IGNORE_TYPES = (frozenset, set, tuple, list)
"""Types of an ``ignore`` argument that, empty, mean the same as none (what the command line passes)."""


def _plan(
    config: Config | None,
    path: str | os.PathLike[str] | None,
    ignore: Iterable[str] | None,
    kind: type[BaseModel] | str | None,
    limits: Limits | None,
    options: RuleOptions | None,
    secured_key: bytes | None,
) -> _Plan:
    """The `_Plan` of a call: `_DEFAULT_PLAN` when it gives none of these (most calls), the
    configuration's plan for the path when it gives only those two (`_new_path_plan`)."""
    no_ignore = ignore is None or (type(ignore) in _EMPTY_IGNORE_TYPES and not ignore)  # `ignore=()` too
    if no_ignore and kind is None and limits is None and options is None and secured_key is None:
        if config is None:
            load_plugins()  # (what `_Plan` does first)
            return _DEFAULT_PLAN
        if path is not None:  # its plan kept by the path, else `_new_path_plan`
            _load_plugins(config)
            name = os.fspath(path)
            return config._path_plans().get(name) or _new_path_plan(config, path, name)
    return _Plan(config, path, ignore, kind, limits, options, secured_key)


def _kind_named(name: str) -> type[BaseModel]:
    """The model of the registered kind ``name`` (`kind="video"`); `ValueError` if there is none."""
    from .models.kinds import KINDS, kind_named

    try:
        return kind_named(name)
    except KeyError:
        known = ", ".join(k.name for k in KINDS)
        raise ValueError(f"kind={name!r} is not a registered kind; known kinds: {known}") from None


_Suppress = Callable[[list[Issue], str, frozenset[str], list[Issue] | None], list[Issue]]
_suppress: _Suppress | None = None  # `suppressions._suppressed`, once a file has named ``articlekit``


def _import_suppress() -> _Suppress:
    """`suppressions._suppressed`, imported (with PyYAML's scanner) when a file first names ``articlekit``
    (an ``import`` statement in `_reported` cost ~0.7 us for each such file)."""
    global _suppress
    from .suppressions import _suppressed

    _suppress = _suppressed
    return _suppressed


def _reported(result: _Analysis, plan: _Plan, silenced: list[Issue] | None = None) -> list[Issue]:
    """The issues to report: less ignored codes, less suppressed ones, sorted.

    The front matter's suppression comments apply (and report their own
    problems); with ``warnings-as-errors`` every warning becomes an error.
    """
    issues = _finish(result.issues, plan.ignored)
    front_matter = result.split.front_matter
    if front_matter is not None and "articlekit" in front_matter:
        issues = (_suppress or _import_suppress())(issues, front_matter, plan.ignored, silenced)
    if plan.promote:
        issues = [replace(i, severity="error") if not i.is_error else i for i in issues]
    return issues


def check(
    data: str | bytes,
    *,
    config: Config | None = None,
    path: str | os.PathLike[str] | None = None,
    ignore: Iterable[str] | None = None,
    kind: type[BaseModel] | str | None = None,
    limits: Limits | None = None,
    options: RuleOptions | None = None,
    secured_key: bytes | None = None,
) -> list[Issue]:
    """Every problem in a file, errors and warnings, in one pass, sorted by position.

    Never raises for anything in the content.  Suppression comments in the
    front matter (``# articlekit: ignore[AK305]``) apply.

    Args:
        data: the whole file, as text or UTF-8 bytes.
        config: a [`Config`][articlekit.Config] whose ``select``, ``ignore``,
            ``per-file-ignores``, ``kinds``, ``[limits]``, ``[rules]``,
            ``secured-key-file`` and ``warnings-as-errors`` apply (``None``: no
            configuration; no file is looked for).  The arguments below win over it.
        path: the file's path, which ``per-file-ignores`` and ``kinds`` match
            (relative to the configuration's folder); nothing is read from it.
        ignore: issue codes to leave out, e.g. ``{"AK305"}``.
        kind: the model to validate against, or a registered kind's name (`"video"`)
            (default: detected; news items are ``Article``).
        limits: resource limits (default `articlekit.DEFAULT_LIMITS`).
        options: settings for the rules.
        secured_key: an AES key (16, 24 or 32 bytes): ``secured`` must also decrypt
            with it (AK510).  Needs ``articlekit[crypto]``; see [`articlekit.secured`][articlekit.secured].

    Raises:
        SecuredError: ``secured_key`` is not 16, 24 or 32 bytes, or ``cryptography``
            is not installed (raised up front, not for content).
        ConfigError: the configuration's ``secured-key-file`` cannot be read, or a
            ``kinds`` entry names a class that cannot be imported.
        ValueError: ``kind`` is a name no registered kind has.
        PluginError: a plugin (installed, or listed in the configuration's
            ``plugins``) failed to load.

    >>> import articlekit
    >>> [str(i) for i in articlekit.check("---\\ntitle: x\\n")]
    ["1:1: error AK103 the front matter opened on line 1 is never closed: add a line '---' after it"]
    """
    _check_input(data)
    plan = _plan(config, path, ignore, kind, limits, options, secured_key)
    result = _analyze(
        data, kind=plan.kind, ignore=plan.ignored, limits=plan.limits, options=plan.options, model=False
    )
    return _reported(result, plan)


def check_with_suppressed(
    data: str | bytes,
    *,
    config: Config | None = None,
    path: str | os.PathLike[str] | None = None,
    ignore: Iterable[str] | None = None,
    kind: type[BaseModel] | str | None = None,
    limits: Limits | None = None,
    options: RuleOptions | None = None,
    secured_key: bytes | None = None,
) -> tuple[list[Issue], list[Issue]]:
    """[`check`][articlekit.check], plus the issues that suppression comments silenced.

    Takes the same arguments as `check`.  The command line's reports (SARIF
    marks them as suppressed in source) use it; the first list is exactly what
    `check` returns.
    """
    _check_input(data)
    plan = _plan(config, path, ignore, kind, limits, options, secured_key)
    result = _analyze(
        data, kind=plan.kind, ignore=plan.ignored, limits=plan.limits, options=plan.options, model=False
    )
    silenced: list[Issue] = []
    issues = _reported(result, plan, silenced)
    silenced.sort()
    return issues, silenced


def check_file(
    path: str | os.PathLike[str],
    *,
    config: Config | None = None,
    ignore: Iterable[str] | None = None,
    kind: type[BaseModel] | str | None = None,
    limits: Limits | None = None,
    options: RuleOptions | None = None,
    secured_key: bytes | None = None,
) -> list[Issue]:
    """Read the file at ``path`` and return every problem in it, like [`check`][articlekit.check].

    Without ``config``, the configuration that applies to the file is used
    ([`Config.discover`][articlekit.Config.discover]: the nearest
    ``articlekit.toml``, ``.articlekit.toml`` or ``pyproject.toml`` with
    ``[tool.articlekit]``); ``config=Config.default()`` uses none.  (A ``str``
    given to [`check`][articlekit.check] is the file's text, not a path.)

    Raises:
        OSError: the file cannot be read.
        ConfigError: the configuration file that applies is not valid.
    """
    if config is None:
        from .config import Config

        config = Config.discover(path)
    with open(path, "rb") as handle:
        content = handle.read()
    return check(
        content,
        config=config,
        path=path,
        ignore=ignore,
        kind=kind,
        limits=limits,
        options=options,
        secured_key=secured_key,
    )


# `kind=` decides the type of `Document.meta` for type checkers: `loads(text, kind=Article)` is a
# `Document[Article]`; with a kind's name, or none (detected), the model is known only at run time,
# so `meta` is a `BaseModel`.
@overload
def loads(
    data: str | bytes,
    *,
    config: Config | None = None,
    path: str | os.PathLike[str] | None = None,
    ignore: Iterable[str] | None = None,
    kind: type[M],
    limits: Limits | None = None,
    options: RuleOptions | None = None,
    name: str | None = None,
    secured_key: bytes | None = None,
) -> Document[M]: ...


@overload
def loads(
    data: str | bytes,
    *,
    config: Config | None = None,
    path: str | os.PathLike[str] | None = None,
    ignore: Iterable[str] | None = None,
    kind: str | None = None,
    limits: Limits | None = None,
    options: RuleOptions | None = None,
    name: str | None = None,
    secured_key: bytes | None = None,
) -> Document[BaseModel]: ...


def loads(
    data: str | bytes,
    *,
    config: Config | None = None,
    path: str | os.PathLike[str] | None = None,
    ignore: Iterable[str] | None = None,
    kind: type[BaseModel] | str | None = None,
    limits: Limits | None = None,
    options: RuleOptions | None = None,
    name: str | None = None,
    secured_key: bytes | None = None,
) -> Document[Any]:
    """Load a file's text into a [`Document`][articlekit.Document].

    With ``kind=`` (a model class such as [`Article`][articlekit.Article]) the
    front matter is validated as that model and type checkers know the
    document's model: ``loads(text, kind=Article).meta.title`` is a ``str``,
    and a misspelt attribute is an error.  ``kind=`` may also name a
    registered kind (``kind="video"``).  Without a class (a name, or no kind:
    it is detected, see [`detect_kind`][articlekit.detect_kind]) ``meta`` is
    typed as any pydantic ``BaseModel``: narrow it with
    ``isinstance(doc.meta, Article)``.

    Raises:
        ParseError: the file cannot be read (encoding, fences, YAML, limits).
        ValidationError: the front matter breaks the schema or a rule.

    Both carry ``.issues``.  Warnings do not raise; they are in ``Document.issues``
    (unless the configuration has ``warnings-as-errors``).  ``config``, ``path``,
    ``ignore`` and ``secured_key`` work as in [`check`][articlekit.check]: with a key, a
    ``secured`` value that does not decrypt is an error (AK510).  A suppressed or
    ignored error does not raise, but a front matter that breaks its model's
    schema cannot make a ``Document`` whatever is suppressed.
    """
    _check_input(data)
    plan = _plan(config, path, ignore, kind, limits, options, secured_key)
    result = _analyze(data, kind=plan.kind, ignore=plan.ignored, limits=plan.limits, options=plan.options)
    issues = _reported(result, plan)
    errors = [i for i in issues if i.is_error]
    split = result.split
    if errors or result.model is None:
        shown = errors or _finish(result.issues, frozenset())
        parse_failure = any(i.code.startswith(_PARSE_PREFIXES) for i in shown) or result.data is None
        cls = ParseError if parse_failure else ValidationError
        count = len([i for i in shown if i.is_error])
        where = f" in {name}" if name else ""
        source_text = _masked_source(result)
        raise cls(f"{count} error{'s' if count != 1 else ''}{where}", shown, source=source_text, name=name)
    assert result.data is not None
    assert result.locations is not None
    assert split.front_matter is not None
    # (validate_kept gave the model its shape's one set of set fields)
    return _made(result.model, split.body, tuple(issues), _source_of(split, result.data, result.locations))


def _read(source: Source) -> tuple[str | bytes, str | None]:
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        with open(path, "rb") as handle:
            return handle.read(), path
    if hasattr(source, "read"):
        content = source.read()
        name = getattr(source, "name", None)
        if not isinstance(content, str | bytes):
            raise TypeError(f"read() returned {type(content).__name__}, not str or bytes")
        return content, name if isinstance(name, str) else None
    raise TypeError(f"load() takes a path or an open file, not {type(source).__name__}")


@overload
def load(
    source: Source,
    *,
    config: Config | None = None,
    ignore: Iterable[str] | None = None,
    kind: type[M],
    limits: Limits | None = None,
    options: RuleOptions | None = None,
    secured_key: bytes | None = None,
) -> Document[M]: ...


@overload
def load(
    source: Source,
    *,
    config: Config | None = None,
    ignore: Iterable[str] | None = None,
    kind: str | None = None,
    limits: Limits | None = None,
    options: RuleOptions | None = None,
    secured_key: bytes | None = None,
) -> Document[BaseModel]: ...


def load(
    source: Source,
    *,
    config: Config | None = None,
    ignore: Iterable[str] | None = None,
    kind: type[BaseModel] | str | None = None,
    limits: Limits | None = None,
    options: RuleOptions | None = None,
    secured_key: bytes | None = None,
) -> Document[Any]:
    """Load a file from a path or an open (binary or text) file; see [`loads`][articlekit.loads].

    ``load(path, kind=Article)`` is a ``Document[Article]`` for type checkers,
    as with [`loads`][articlekit.loads].

    With ``config``, the file's path (or the open file's ``name``) is the
    ``path`` its ``per-file-ignores`` and ``kinds`` match.  Without it no
    configuration applies (use [`Config.discover`][articlekit.Config.discover]
    to find the file's).
    """
    content, name = _read(source)
    any_kind: Any = kind  # the overloads type the callers; this call passes on whatever was given
    return loads(
        content,
        config=config,
        path=name,
        ignore=ignore,
        kind=any_kind,
        limits=limits,
        options=options,
        name=name,
        secured_key=secured_key,
    )


def parse(data: str | bytes, *, limits: Limits | None = None) -> tuple[dict[str, Any], str]:
    """Read a front-matter file without any schema: ``(front matter as plain data, body)``.

    The same safety as [`loads`][articlekit.loads] applies (safe tags only, duplicate keys
    and limits are errors).  Useful for front matter of other formats.

    Raises:
        ParseError: the file cannot be read safely.
    """
    _check_input(data)
    result = _analyze(
        data,
        kind=None,
        ignore=frozenset(),
        limits=limits or DEFAULT_LIMITS,
        options=RuleOptions(),
        schema=False,
    )
    issues = _finish(result.issues, frozenset())
    errors = [i for i in issues if i.is_error]
    if errors or result.data is None:
        count = len(errors)
        raise ParseError(f"{count} error{'s' if count != 1 else ''}", errors, source=_masked_source(result))
    return result.data, result.split.body
