"""The public functions: :func:`check`, :func:`loads`, :func:`load` and :func:`parse`.

Data flows one way: splitter → YAML layer → models → rules → issues.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import replace
from typing import IO, Any

from pydantic import BaseModel

from .document import Document, SourceInfo
from .errors import ParseError, ValidationError
from .fastyaml import load_yaml_fast
from .issues import Issue
from .limits import DEFAULT_LIMITS, Limits
from .models.kinds import detect_kind as _detect_kind
from .models.kinds import unknown_kind_issue
from .rules import Context, RuleOptions, run_rules
from .secured import require_backend, validate_key
from .splitter import SplitResult, split_front_matter
from .validate import validate_model
from .yamlsafe import Locations

__all__ = ["Source", "check", "detect_kind", "load", "loads", "parse"]

Source = str | os.PathLike[str] | IO[bytes] | IO[str]
"""What :func:`load` reads: a path, or an open binary or text file."""

_PARSE_PREFIXES = ("AK1", "AK2")
_DEFAULT_OPTIONS = RuleOptions()  # frozen: one instance serves every call


def detect_kind(data: dict[str, Any]) -> type[BaseModel] | None:
    """The model class a front matter is validated as when no ``kind`` is given.

    ``category: news`` is an :class:`Article` (even with ``type: video``);
    ``type`` picks Video, Course, Collection, Download, Profile or Forum;
    ``taxonomy: organization`` an Organization.  ``None`` when it matches no
    kind (AK901); see :mod:`articlekit.models.kinds`.
    """
    return _detect_kind(data)


class _Analysis:
    """What :func:`_analyze` found: the split, the data, the model and every issue."""

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
) -> _Analysis:
    split = split_front_matter(data, limits)
    issues = list(split.issues)
    result = _Analysis(split, issues)
    if split.front_matter is None:
        return result
    loaded = load_yaml_fast(split.front_matter, first_line=2, limits=limits)
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
    model, schema_issues = validate_model(loaded.data, model_kind, loaded.locations)
    result.model = model
    if schema_issues:
        issues.extend(_unexplained(schema_issues, loaded.issues))
    ctx = Context(loaded.data, loaded.locations, model_kind, options, prebuilt_index=loaded.index)
    issues.extend(run_rules(ctx, ignore))
    return result


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
    """``issues`` less the ignored codes and repeats, sorted."""
    if not issues:
        return []
    seen: set[Issue] = set()
    out: list[Issue] = []
    for issue in issues:
        if issue.code in ignore or issue in seen:
            continue
        seen.add(issue)
        out.append(issue)
    out.sort()
    return out


def _rule_options(options: RuleOptions | None, secured_key: bytes | None) -> RuleOptions:
    """The rule options, with ``secured_key`` (if given) checked and put in.

    A key that cannot be used (wrong length, ``cryptography`` missing) raises
    :class:`SecuredError` here, once, before any content is looked at.
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


def check(
    data: str | bytes,
    *,
    ignore: Iterable[str] | None = None,
    kind: type[BaseModel] | None = None,
    limits: Limits | None = None,
    options: RuleOptions | None = None,
    secured_key: bytes | None = None,
) -> list[Issue]:
    """Every problem in a file, errors and warnings, in one pass, sorted by position.

    Never raises for anything in the content.

    Args:
        data: the whole file, as text or UTF-8 bytes.
        ignore: issue codes to leave out, e.g. ``{"AK305"}``.
        kind: the model to validate against (default: detected; news items are ``Article``).
        limits: resource limits (default :data:`articlekit.DEFAULT_LIMITS`).
        options: settings for the rules.
        secured_key: an AES key (16, 24 or 32 bytes): ``secured`` must also decrypt
            with it (AK510).  Needs ``articlekit[crypto]``; see :mod:`articlekit.secured`.

    Raises:
        SecuredError: ``secured_key`` is not 16, 24 or 32 bytes, or ``cryptography``
            is not installed (raised up front, not for content).

    >>> import articlekit
    >>> [str(i) for i in articlekit.check("---\\ntitle: x\\n")]
    ["1:1: error AK103 the front matter opened on line 1 is never closed: add a line '---' after it"]
    """
    _check_input(data)
    ignored = _as_set(ignore)
    result = _analyze(
        data,
        kind=kind,
        ignore=ignored,
        limits=limits or DEFAULT_LIMITS,
        options=_rule_options(options, secured_key),
    )
    return _finish(result.issues, ignored)


def loads(
    data: str | bytes,
    *,
    ignore: Iterable[str] | None = None,
    kind: type[BaseModel] | None = None,
    limits: Limits | None = None,
    options: RuleOptions | None = None,
    name: str | None = None,
    secured_key: bytes | None = None,
) -> Document:
    """Load a file's text into a :class:`Document`.

    Raises:
        ParseError: the file cannot be read (encoding, fences, YAML, limits).
        ValidationError: the front matter breaks the schema or a rule.

    Both carry ``.issues``.  Warnings do not raise; they are in ``Document.issues``.
    ``ignore`` and ``secured_key`` work as in :func:`check`: with a key, a
    ``secured`` value that does not decrypt is an error (AK510).
    """
    _check_input(data)
    ignored = _as_set(ignore)
    result = _analyze(
        data,
        kind=kind,
        ignore=ignored,
        limits=limits or DEFAULT_LIMITS,
        options=_rule_options(options, secured_key),
    )
    issues = _finish(result.issues, ignored)
    errors = [i for i in issues if i.is_error]
    split = result.split
    if errors or result.model is None:
        shown = errors or _finish(result.issues, frozenset())
        parse_failure = any(i.code.startswith(_PARSE_PREFIXES) for i in shown) or result.data is None
        cls = ParseError if parse_failure else ValidationError
        count = len([i for i in shown if i.is_error])
        where = f" in {name}" if name else ""
        raise cls(f"{count} error{'s' if count != 1 else ''}{where}", shown, source=split.text, name=name)
    assert result.data is not None
    assert split.front_matter is not None
    source = SourceInfo(
        text=split.text,
        bom=split.bom,
        newline=split.newline,
        open_fence=split.open_fence,
        open_newline=split.open_newline,
        front_matter=split.front_matter,
        close_fence=split.close_fence,
        close_newline=split.close_newline,
        data=result.data,
        locations=result.locations,
    )
    return Document(meta=result.model, body=split.body, issues=tuple(issues), source=source)


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


def load(
    source: Source,
    *,
    ignore: Iterable[str] | None = None,
    kind: type[BaseModel] | None = None,
    limits: Limits | None = None,
    options: RuleOptions | None = None,
    secured_key: bytes | None = None,
) -> Document:
    """Load a file from a path or an open (binary or text) file; see :func:`loads`."""
    content, name = _read(source)
    return loads(
        content, ignore=ignore, kind=kind, limits=limits, options=options, name=name, secured_key=secured_key
    )


def parse(data: str | bytes, *, limits: Limits | None = None) -> tuple[dict[str, Any], str]:
    """Read a front-matter file without any schema: ``(front matter as plain data, body)``.

    The same safety as :func:`loads` applies (safe tags only, duplicate keys
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
        raise ParseError(f"{count} error{'s' if count != 1 else ''}", errors, source=result.split.text)
    return result.data, result.split.body
