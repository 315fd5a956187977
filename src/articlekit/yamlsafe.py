"""The YAML layer: safe loading with source positions, duplicate keys and limits.

The front matter is read from PyYAML's *event* stream (libyaml's C parser
when ``yaml.__with_libyaml__``, the pure-Python one otherwise) and built into
plain Python data by an iterative loop, so that:

* no tag can construct a Python object: only the standard scalar, mapping and
  sequence tags are accepted, everything else is an issue;
* every mapping key, value and sequence item keeps its position, recorded in a
  `Locations` index keyed by key path;
* duplicate keys, alias bombs, deep nesting, huge mappings and huge strings
  are issues at the place they occur, never a hang, a ``MemoryError`` or a
  ``RecursionError``.

Scalars resolve exactly as PyYAML's ``SafeLoader`` resolves them (YAML 1.1:
``yes`` is ``True``, ``10:00`` is ``600``, unquoted dates are dates):

>>> r = load_yaml("title: x\\nheat: 10:00\\n")
>>> r.data
{'title': 'x', 'heat': 600}
>>> r.locations.get(("heat",)).line   # the opening fence is line 1
3
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._dataindex import DataIndex
from ._yamltags import (
    _PARSER_MAX_DEPTH,
    LIMIT,
    NOT_A_MAPPING,
    _describe,
    _Mapper,
    _Offset,
    resolve_plain,
)
from .issues import Issue
from .limits import DEFAULT_LIMITS, Limits
from .positions import Locations, NodeInfo
from .splitter import UNREADABLE, character_issues

__all__ = ["Locations", "NodeInfo", "YamlResult", "load_yaml", "resolve_plain"]
# `Locations` and `NodeInfo` live in `articlekit.positions`; they stay importable from here.

_Loader: Any = None
"""The PyYAML loader `load_yaml` parses with; ``None``: libyaml's ``CSafeLoader`` when PyYAML has it.

PyYAML is imported on the first call of `load_yaml` (the fast path of
`articlekit.fastyaml` reads most front matter without it).  Tests and
``python -m articlekit.fuzz --pure`` set ``_Loader = yaml.SafeLoader`` to check
the pure-Python parser too.
"""


def _loader() -> Any:
    """`_Loader`, or PyYAML's fastest safe loader when it is ``None``."""
    if _Loader is not None:
        return _Loader
    import yaml

    return yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader


@dataclass
class YamlResult:
    """The outcome of `load_yaml`.

    ``data`` is ``None`` when the YAML could not be read far enough to be
    useful (a syntax error or a hard limit); the issues then say why.
    ``index`` is the rules' index of ``data`` when the fast path
    (`articlekit.fastyaml.load_yaml_fast`) built it while parsing, else ``None``.
    """

    data: Any
    locations: Locations
    issues: list[Issue]
    index: DataIndex | None = field(default=None, repr=False, compare=False)


def load_yaml(
    text: str, *, first_line: int = 2, limits: Limits = DEFAULT_LIMITS, report_characters: bool = True
) -> YamlResult:
    """Read a front matter's YAML text into plain data with positions.

    Args:
        text: the YAML text (what lies between the fences).
        first_line: the file line on which ``text`` starts (2 after a fence).
        limits: resource limits; hitting one is an issue.
        report_characters: whether to report the characters YAML cannot hold
            (below).  `articlekit.check` passes `False`: the splitter has
            already reported them for the whole file.

    Never raises for any content.  An empty front matter gives ``{}``.
    Characters YAML cannot hold (NUL, other control characters, lone
    surrogates, a BOM) are reported as the splitter reports them (AK106 to
    AK109) and read as U+FFFD, so that the rest of the YAML is still checked.
    """
    if len(text) > limits.max_bytes:  # each character is at least one byte
        message = (
            f"the front matter is {len(text):,} characters, above the limit of "
            f"{limits.max_bytes:,} bytes (Limits.max_bytes)"
        )
        return YamlResult(None, Locations(), [LIMIT.issue(message, (), first_line, 1)])
    reported: list[Issue] = []
    if UNREADABLE.search(text) is not None:
        if report_characters:
            reported = character_issues(text, first_line=first_line)
        text = UNREADABLE.sub("\ufffd", text)  # one character for one: positions hold
    result = _load(text, first_line, limits, _loader())
    if isinstance(result, int):
        result = _load_too_deep(text, result, first_line, limits)
    if reported:
        result.issues[:0] = reported
    return result


def _load_too_deep(text: str, stop: int, first_line: int, limits: Limits) -> YamlResult:
    """Read a text that libyaml refused at offset ``stop`` for nesting past 1,000 flow levels.

    libyaml scans ahead, so it can refuse before the builder has seen the
    events of the first levels.  Up to ``stop`` it reads, and the builder's
    depth limit (never above 1,000) is then reported where it is reached;
    failing that, the refusal itself is the limit issue.
    """
    from ._yamlerrors import _depth_message

    result = _load(text[:stop], first_line, limits, _loader())
    if isinstance(result, YamlResult) and any(i.code == LIMIT.code for i in result.issues):
        return result
    line, col = _Mapper(text, first_line)(_Offset(text, stop))
    message = _depth_message(max(limits.max_depth, _PARSER_MAX_DEPTH))
    issue = LIMIT.issue(message, (), line, col)
    return YamlResult(None, Locations(), [issue])


def _load(text: str, first_line: int, limits: Limits, loader: Any) -> YamlResult | int:
    """Parse with ``loader``; the offset where libyaml refused to nest deeper, if it did."""
    import yaml  # here, not at the top: see `_Loader`

    from ._yamlbuild import _Builder, _Stop
    from ._yamlerrors import _syntax_issue

    builder = _Builder(text, first_line, limits)
    locations = Locations(builder.nodes, default_line=max(first_line - 1, 1), default_column=1, source=text)
    data: Any = None
    try:
        data = builder.run(yaml.parse(text, Loader=loader))
    except _Stop:
        return YamlResult(None, locations, builder.issues)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if "maximum nesting depth" in str(getattr(exc, "problem", "")) and mark is not None:
            return int(mark.index)
        builder.issues.append(_syntax_issue(exc, builder, first_line))
        return YamlResult(None, locations, builder.issues)
    except RecursionError:  # pragma: no cover - the depth limit stops this first
        builder.issues.append(LIMIT.issue("the front matter nests too deeply", (), first_line, 1))
        return YamlResult(None, locations, builder.issues)
    if data is None and () not in builder.nodes:
        data = {}
    elif not isinstance(data, dict):
        line, col = locations.position(())
        builder.issues.append(
            NOT_A_MAPPING.issue(
                f"the front matter must be a mapping of keys to values, not {_describe(data)}",
                (),
                line,
                col,
            )
        )
        return YamlResult(None, locations, builder.issues)
    return YamlResult(data, locations, builder.issues)
