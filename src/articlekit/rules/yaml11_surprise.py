"""An unquoted value that YAML 1.1 reads as other than it looks (a warning).

The rule of AK211 `yaml11-surprise`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK2xx.md`).
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from .._introspect import field_key, strip_optional
from .._yamltags import construct_plain
from ..issues import CODES, Issue, KeyPath
from ..yamlsafe import resolve_plain
from . import _UNTYPED, Context, _silent_when, rule
from ._common import UNSEEN, key_name, memo, remember, walk

if TYPE_CHECKING:
    from ..fixes import Fix, FixContext

__all__ = ["RULE", "YAML11_SURPRISE", "Finding", "Reading", "accepted_types", "findings", "reading"]

YAML11_SURPRISE = CODES["AK211"]

_YAML_NS = "tag:yaml.org,2002:"
_BOOL = _YAML_NS + "bool"
_INT = _YAML_NS + "int"
_FLOAT = _YAML_NS + "float"
_BOOL_WORDS = {
    "yes": True, "Yes": True, "YES": True, "on": True, "On": True, "ON": True,
    "no": False, "No": False, "NO": False, "off": False, "Off": False, "OFF": False,
}  # fmt: skip
"""The booleans of PyYAML's resolver other than true and false (`y` and `n` are text there)."""

# A plain scalar where a value starts, ending the value: after "key: " (_AFTER_COLON), after
# "- " (_AFTER_DASH), and in flow collections after "[", "{", "," or at the start of a line
# (_IN_FLOW, only run when the text has a "[" or "{").  Each pattern starts with a fixed
# character, which the regular expression engine finds fast; they are only a sieve: each
# candidate is then read exactly by `reading`.
#
# The sieve takes only the tokens `reading` can find surprising: the boolean words, and the
# numbers (`[-+]?[0-9.][0-9_:.eE+-]*`) with a ":" or "_" (base 60, underscores), a leading
# "0" and digit (octal), or a "." first or last (fractions).  Ordinary numbers (`50`,
# `1200`, `0.5`), by far the most common values, are not candidates at all.
# (tests/rules/test_yaml11_sieve.py holds it to the sieve of every number-like token.)
_NUMBER_TAIL = r"[0-9_:.eE+-]*"
_SURPRISING = (
    r"yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF"
    rf"|[-+]?[0-9.][0-9.eE+-]*[_:]{_NUMBER_TAIL}"  # base 60, underscores
    rf"|[-+]?0[0-9]{_NUMBER_TAIL}"  # octal
    rf"|[-+]?\.{_NUMBER_TAIL}"  # a fraction written .5
    rf"|[-+]?[0-9]{_NUMBER_TAIL}\."  # a fraction written 5.
)
_TOKEN = (
    rf"(?:[&!][^ \t\n]*[ \t]+)*(?=[-+.0-9yYnNoO])({_SURPRISING})"
    r"(?=[ \t]*(?:\n|$|[,\]}]|#)|[ \t]+#)"
)
_AFTER_COLON = re.compile(r":[ \t]+" + _TOKEN)
_AFTER_DASH = re.compile(r"-[ \t]+" + _TOKEN)
_IN_FLOW = re.compile(r"[\[{,\n][ \t]*" + _TOKEN)
_ORDINARY_NUMBER = re.compile(r"[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?|[0-9]{4}-.*")
"""Decimal integers, ordinary decimal fractions and dates: read as they look."""
_OCTAL = re.compile(r"[-+]?0[0-7]+")

_MEMO: dict[str, Any] = memo()


@dataclass(frozen=True)
class Reading:
    """What YAML 1.1 makes of a plain scalar that does not look like it.

    Attributes:
        text: the scalar as written, e.g. `"10:00"`.
        value: what PyYAML loads, e.g. `600`.
        form: `"boolean"` (`yes`, `off`, ...), `"base-60"` (`10:00`),
            `"octal"` (`012`), `"underscore"` (`1_000`) or `"fraction"`
            (`.5`, `5.`: a surprise only where an integer is expected).
    """

    text: str
    value: Any
    form: str

    @property
    def spelled_out(self) -> str:
        """The value YAML loads, written as it looks: `true`, `600`, `5430.5`."""
        if isinstance(self.value, bool):
            return "true" if self.value else "false"
        return repr(self.value)

    @property
    def quoted(self) -> str:
        """The text as written, in double quotes: what to write when text was meant."""
        return f'"{self.text}"'

    @property
    def whole_number(self) -> str | None:
        """For a `fraction` that is a whole number (`5.`), that integer (`5`); else `None`."""
        if isinstance(self.value, float) and self.value.is_integer():
            return str(int(self.value))
        return None


def reading(text: str) -> Reading | None:
    """How YAML 1.1 reads the plain scalar `text`, when that is not what it looks like.

    >>> reading("10:00")
    Reading(text='10:00', value=600, form='base-60')
    >>> reading("yes").spelled_out, reading("012").value
    ('true', 10)
    >>> reading("true") is None, reading("12") is None, reading("y") is None
    (True, True, True)
    """
    found = _MEMO.get(text, UNSEEN)
    if found is UNSEEN:
        found = remember(_MEMO, text, _reading(text))
    return found  # type: ignore[no-any-return]


def _reading(text: str) -> Reading | None:
    if text in _BOOL_WORDS:
        return Reading(text, _BOOL_WORDS[text], "boolean")
    if not text or len(text) > 64 or _ORDINARY_NUMBER.fullmatch(text):
        return None
    tag = resolve_plain(text)
    if tag != _INT and tag != _FLOAT:
        return None
    try:
        value = _construct(tag, text)
    except (ValueError, OverflowError):  # pragma: no cover - the resolver matched it
        return None
    if ":" in text:
        return Reading(text, value, "base-60")
    if tag == _INT and _OCTAL.fullmatch(text.replace("_", "")):
        return Reading(text, value, "octal")
    if "_" in text:
        return Reading(text, value, "underscore")
    finite = isinstance(value, float) and value == value and abs(value) != float("inf")
    if finite and (text.lstrip("+-").startswith(".") or text.endswith(".")):
        return Reading(text, value, "fraction")
    return None


def _construct(tag: str, text: str) -> Any:
    return construct_plain(tag, text)


# -- what a key takes -----------------------------------------------------------------------
_ANY = frozenset({"bool", "int", "float", "text"})
_FIELDS: dict[type[BaseModel], dict[str, Any]] = {}
_ACCEPTED: dict[tuple[type[BaseModel], KeyPath], frozenset[str] | None] = {}


def _annotations(model: type[BaseModel]) -> dict[str, Any]:
    found = _FIELDS.get(model)
    if found is None:
        found = _FIELDS[model] = {field_key(n, f): f.annotation for n, f in model.model_fields.items()}
    return found


def _members(annotation: Any) -> list[Any]:
    annotation = strip_optional(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [strip_optional(a) for a in typing.get_args(annotation) if a is not type(None)]
    return [annotation]


def accepted_types(kind: type[BaseModel], path: KeyPath) -> frozenset[str] | None:
    """Which scalars the schema of `kind` accepts at `path`: some of `bool`, `int`, `float`.

    `None` when nothing checks the value's type (a key the format does not
    define, or a field of any type).  Models are strict: an integer field
    takes no boolean, a number (float) field takes integers too.

    >>> from articlekit import Article
    >>> sorted(accepted_types(Article, ("heat",))), sorted(accepted_types(Article, ("published",)))
    (['int'], ['bool'])
    >>> accepted_types(Article, ("myKey",)) is None
    True
    """
    shape = tuple(p if isinstance(p, str) else 0 for p in path)
    key = (kind, shape)
    if key in _ACCEPTED:
        return _ACCEPTED[key]
    found = _accepted(kind, path)
    if len(_ACCEPTED) < 4096:
        _ACCEPTED[key] = found
    return found


def _accepted(kind: type[BaseModel], path: KeyPath) -> frozenset[str] | None:
    annotation: Any = kind
    for step in path:
        members = _members(annotation)
        if any(m is Any for m in members):
            return None
        if isinstance(step, int):
            lists = [typing.get_args(m) for m in members if typing.get_origin(m) is list]
            if not lists or not lists[0]:
                return frozenset()  # a list where none belongs: the schema reports it
            annotation = lists[0][0]
            continue
        models = [m for m in members if isinstance(m, type) and issubclass(m, BaseModel)]
        if not models:
            return frozenset() if not any(typing.get_origin(m) is dict for m in members) else None
        fields = _annotations(models[0])
        if step not in fields:
            return None  # a key the format does not define: nothing checks its value
        annotation = fields[step]
    accepted: set[str] = set()
    for member in _members(annotation):
        if member is Any:
            return None
        if member is bool:
            accepted.add("bool")
        elif member is int:
            accepted.add("int")
        elif member is float:
            accepted |= {"int", "float"}
    return frozenset(accepted)


# -- findings ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Finding:
    """One value the rule reports, and the text that would say what YAML read.

    Attributes:
        path: the value's key path.
        reading: what YAML made of it.
        start_index, end_index: where the scalar's text is in the front matter
            (offsets into `Locations.source`; an anchor or tag before it is not
            included), so that `source[start_index:end_index] == reading.text`.
        replacement: the exact text to write instead so that the file says what
            it means (`true`, `600`, `10`; for a fraction where an integer is
            expected, the whole number, e.g. `5` for `5.`), or `None` when
            there is none (`.5` where an integer is expected: only the writer
            knows).  `reading.quoted` is the alternative when text was meant.
    """

    path: KeyPath
    reading: Reading
    start_index: int
    end_index: int
    replacement: str | None


def _replacement(found: Reading) -> str | None:
    if found.form == "fraction":
        return found.whole_number
    return found.spelled_out


def _fits(found: Reading, accepted: frozenset[str] | None) -> bool:
    """Whether the schema lets `found.value` pass silently at a key accepting `accepted`."""
    if found.form == "fraction":
        return accepted is not None and "int" in accepted and "float" not in accepted
    if accepted is None:
        return True
    if isinstance(found.value, bool):
        return "bool" in accepted
    if isinstance(found.value, int):
        return "int" in accepted
    return "float" in accepted


def _may_hold_one(source: str) -> bool:
    """Whether the YAML text `source` may hold a surprising plain scalar at all (a cheap sieve)."""
    if "\r" in source:  # CRLF or CR-only lines: the patterns know only LF
        source = source.replace("\r\n", "\n").replace("\r", "\n")
    patterns = (
        (_AFTER_COLON, _AFTER_DASH, _IN_FLOW)
        if "[" in source or "{" in source
        else (_AFTER_COLON, _AFTER_DASH)
    )
    return any(reading(token) is not None for pattern in patterns for token in pattern.findall(source))


def findings(ctx: Context) -> list[Finding]:
    """Every value of `ctx` that YAML 1.1 reads as other than it looks, with its replacement.

    The autofix and this rule's check share it.  Positions are asked for only
    when the front matter may hold a surprise: when one of the typed scalars the
    YAML fast path lists (`DataIndex.typed_texts`) is one, or else (the index
    was made from data) when the text holds a candidate (`_may_hold_one`).
    """
    index = ctx.prebuilt_index
    typed = None if index is None else index.typed_texts
    if typed is not None:
        if not typed or all(reading(text) is None for text in typed):
            return []
    else:
        source = ctx.locations.source
        if source and not _may_hold_one(source):
            return []
    found: list[Finding] = []
    locations = ctx.locations
    for path, value in walk(ctx.data):
        if not path or type(value) not in (bool, int, float):
            continue
        info = locations.get(path)
        if info is None or info.kind != "scalar" or info.style != "" or info.raw is None:
            continue
        what = reading(info.raw)
        if what is None or not _fits(what, accepted_types(ctx.kind, path)):
            continue
        # the scalar's own text ends the node (an anchor or a tag may come before it)
        start = info.end_index - len(info.raw)
        found.append(Finding(path, what, start, info.end_index, _replacement(what)))
    return found


def _message(path: KeyPath, finding: Finding) -> str:
    what = finding.reading
    name = key_name(path)
    text = what.text
    if what.form == "boolean":
        return (
            f"{name} is the unquoted {text}, which YAML 1.1 reads as the boolean {what.spelled_out}: "
            f"write {what.spelled_out}, or {what.quoted} in quotes for the text"
        )
    if what.form == "fraction":
        fix = f"write {finding.replacement}" if finding.replacement else "write a whole number"
        return (
            f"{name} is the unquoted {text}, which YAML reads as the decimal number "
            f"{what.spelled_out}, not an integer: {fix}"
        )
    if what.form == "octal":
        decimal = int(text.replace("_", ""), 10)
        return (
            f"{name} is the unquoted {text}, which YAML 1.1 reads as the octal number "
            f"{what.spelled_out}, not {decimal}: write {decimal} for the decimal number, "
            f"{what.spelled_out} for what YAML reads now, or {what.quoted} in quotes for the text"
        )
    if what.form == "base-60":
        how = f"a base-60 number (as in 1:30 for 90), {what.spelled_out}"
    else:
        how = f"{what.spelled_out} (YAML 1.1 skips '_' in numbers)"
    return (
        f"{name} is the unquoted {text}, which YAML 1.1 reads as {how}: write {what.spelled_out} "
        f"for that number, or {what.quoted} in quotes for the text"
    )


def _check(ctx: Context) -> Sequence[Issue]:
    index = ctx.prebuilt_index
    if index is not None and index.typed_texts is not None and not index.typed_texts:
        return ()  # no typed scalar at all (findings() would say so): the common case
    found = findings(ctx)
    if not found:
        return ()  # (no comprehension to run)
    return [ctx.issue(YAML11_SURPRISE, _message(f.path, f), f.path) for f in found]


def _fix(ctx: FixContext, issue: Issue) -> list[Fix]:
    """The value spelled out (safe); for a key the format does not define, the text quoted (unsafe)."""
    if ctx.kind is None:
        return []
    found = next((f for f in findings(ctx.rule_context) if f.path == issue.path), None)
    if found is None:
        return []
    base = ctx.front_matter_offset
    start, end = base + found.start_index, base + found.end_index
    what = found.reading
    out: list[Fix] = []
    if found.replacement is not None:
        changes: list[tuple[KeyPath, Any]] = []
        if what.form == "fraction":
            changes.append((found.path, int(found.replacement)))
        title = f"write {found.replacement} for {what.text}"
        edit = ctx.edit(start, end, found.replacement)
        out.append(ctx.make(issue, title, [edit], safe=True, changes=changes))
    if accepted_types(ctx.kind, found.path) is None:
        edit = ctx.edit(start, end, what.quoted)
        title = f"write {what.quoted} in quotes for the text"
        out.append(ctx.make(issue, title, [edit], safe=False, changes=[(found.path, what.text)]))
    return out


RULE = rule(YAML11_SURPRISE, fix=_fix, name="yaml11-surprise")(_check)
_silent_when(RULE, _UNTYPED)  # no typed scalar: findings() finds none
