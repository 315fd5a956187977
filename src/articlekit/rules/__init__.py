"""Cross-field rules: one module per rule, in the manner of yamllint.

Each rule module defines ``RULE``, a `Rule` with its code, name,
default severity and a ``check`` function.  The module docstring documents the
rule and holds a passing and a failing example; ``docs/rules.md`` is generated
from it.  Rules read the loaded front matter as plain data (so that they still
run when the schema found type errors) and skip values whose type is wrong:
the schema already reported those.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from pydantic import BaseModel

from .._dataindex import DataIndex
from ..issues import CodeInfo, Issue, KeyPath, Severity
from ..yamlsafe import Locations
from ._common import build_index, item_mappings

__all__ = ["Context", "Rule", "RuleOptions", "all_rules", "run_rules"]


@dataclass(frozen=True)
class RuleOptions:
    """Settings that rules read.

    Attributes:
        max_related: most ``related`` items before a warning (20).
        now: the current time, for "date in the future" checks (default: now, UTC).
        secured_key: an AES key (16, 24 or 32 bytes); when set, ``secured`` must
            decrypt with it (AK510).  Never shown by ``repr()``.
    """

    max_related: int = 20
    now: datetime | None = None
    secured_key: bytes | None = field(default=None, repr=False)

    def current_time(self) -> datetime:
        """``now``, or the current UTC time when it is not set."""
        return self.now if self.now is not None else datetime.now(timezone.utc)


@dataclass(slots=True)
class Context:
    """What a rule sees: the front matter, where everything is, and options.

    Attributes:
        data: the front matter as plain data (YAML keys).
        locations: positions of every key and value.
        kind: the model class the document is validated as.
        options: rule settings.
        prebuilt_index: an index of ``data`` made while it was parsed (the fast
            YAML path makes one), or ``None`` to build it on first use.
    """

    data: dict[str, Any]
    locations: Locations
    kind: type[BaseModel]
    options: RuleOptions = field(default_factory=RuleOptions)
    prebuilt_index: DataIndex | None = field(default=None, repr=False, compare=False)
    _items: list[tuple[KeyPath, dict[str, Any]]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def index(self) -> DataIndex:
        """URLs, dates, images, providers and every key of `data`, found in one walk.

        Built on first use and kept; ``data`` must not change afterwards.
        """
        if self.prebuilt_index is None:
            self.prebuilt_index = build_index(self.data)
        return self.prebuilt_index

    @property
    def items(self) -> list[tuple[KeyPath, dict[str, Any]]]:
        """The front matter itself and each mapping in its ``related`` list, with their paths.

        What `item_mappings` gives, made once and kept.
        """
        items = self._items
        if items is None:
            items = self._items = list(item_mappings(self.data))
        return items

    def issue(
        self,
        code: CodeInfo,
        message: str,
        path: KeyPath,
        *,
        at_key: bool = False,
        severity: Severity | None = None,
    ) -> Issue:
        """Make an issue of ``code`` about the value (or, with ``at_key``, the key) at ``path``."""
        line, column = self.locations.position(path, at_key=at_key)
        return Issue(code.code, severity or code.severity, message, path, line, column)


@dataclass(frozen=True)
class Rule:
    """A cross-field rule.

    Attributes:
        codes: the issue codes the rule can emit.
        check: gives the rule's issues for one document, in order (the rules of this
            package return a list: cheaper than a generator when there is nothing to report).
        doc: the rule's documentation (its module docstring).
        kinds: the model classes it applies to (``None``: all).
        keys: keys of which at least one must occur in the data (at any depth) for
            the rule to have anything to report; `run_rules` skips it
            otherwise (``None``: always run).
        fix: makes the fix of one of the rule's issues, or ``None`` when it has none:
            ``fix(ctx, issue)`` with an `articlekit.fixes.FixContext` returns a
            `articlekit.fixes.Fix`, a list of alternatives (the first is applied by
            `articlekit.fix`) or ``None`` (this issue cannot be fixed).  The codes it
            repairs declare ``fixable`` when they are registered.
    """

    codes: tuple[CodeInfo, ...]
    check: Callable[[Context], Iterable[Issue]]
    doc: str = ""
    kinds: tuple[type[BaseModel], ...] | None = None
    keys: frozenset[str] | None = None
    fix: Callable[[Any, Issue], Any] | None = None


_RULES: list[Rule] | None = None


def all_rules() -> list[Rule]:
    """Every rule, from every module of this package, in module-name order."""
    global _RULES
    if _RULES is None:
        found: list[Rule] = []
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
            if info.name.startswith("_"):
                continue
            module = importlib.import_module(f"{__name__}.{info.name}")
            rule = getattr(module, "RULE", None)
            if isinstance(rule, Rule):
                found.append(rule)
        _RULES = found
    return _RULES


_APPLICABLE: dict[tuple[type[BaseModel], frozenset[str]], tuple[Rule, ...]] = {}


def _applicable(kind: type[BaseModel], ignore: frozenset[str]) -> tuple[Rule, ...]:
    """The rules for ``kind`` that are not wholly ignored (kept per kind and ignore set)."""
    key = (kind, ignore)
    rules = _APPLICABLE.get(key)
    if rules is None:
        rules = tuple(
            rule
            for rule in all_rules()
            if (rule.kinds is None or issubclass(kind, rule.kinds))
            and not (ignore and all(c.code in ignore for c in rule.codes))
        )
        if len(_APPLICABLE) < 256:
            _APPLICABLE[key] = rules
    return rules


_RULE_KEYS: frozenset[str] | None = None
"""Every key of every rule's `Rule.keys`: the keys of a document that decide which rules run."""
_Check = Callable[[Context], Iterable[Issue]]
_CHECKS: dict[tuple[type[BaseModel], frozenset[str], frozenset[Any]], tuple[_Check, ...]] = {}
_CHECKS_SIZE = 1024


def _rule_keys() -> frozenset[str]:
    global _RULE_KEYS
    if _RULE_KEYS is None:
        _RULE_KEYS = frozenset().union(*(rule.keys for rule in all_rules() if rule.keys is not None))
    return _RULE_KEYS


def _checks(kind: type[BaseModel], ignore: frozenset[str], present: frozenset[Any]) -> tuple[_Check, ...]:
    """The checks to run, in rule order, for ``kind`` when the rules' keys in ``present`` occur.

    Kept per (kind, ignore set, keys present): documents of one corpus share a
    handful of shapes.
    """
    key = (kind, ignore, present)
    checks = _CHECKS.get(key)
    if checks is None:
        checks = tuple(
            rule.check
            for rule in _applicable(kind, ignore)
            if rule.keys is None or not present.isdisjoint(rule.keys)
        )
        if len(_CHECKS) >= _CHECKS_SIZE:
            _CHECKS.clear()
        _CHECKS[key] = checks
    return checks


def run_rules(ctx: Context, ignore: frozenset[str] = frozenset()) -> Iterator[Issue]:
    """Run every rule that applies to ``ctx.kind`` and is not wholly ignored.

    A rule none of whose `Rule.keys` occur in the data is skipped; each
    rule reports at most 100 issues of one code (then one issue with the count
    of the rest).
    """
    present = (_RULE_KEYS or _rule_keys()).intersection(ctx.index.keys)
    found: list[Issue] = []
    for check in _checks(ctx.kind, ignore, present):
        issues = check(ctx)
        if issues:
            if type(issues) is not list:
                issues = list(issues)
                if not issues:
                    continue
            if len(issues) > _MAX_PER_CODE:
                found.extend(_capped(issues))
            else:
                found.extend(issues)
    return iter(found)


_MAX_PER_CODE = 100
"""Most issues of one code a rule reports; hostile files can repeat a mistake 100,000 times."""


def _capped(issues: Iterable[Issue]) -> Iterator[Issue]:
    """``issues``, at most 100 of each code, then one issue giving the count of the rest."""
    counts: dict[str, int] = {}
    first_hidden: dict[str, Issue] = {}
    for issue in issues:
        seen = counts.get(issue.code, 0)
        counts[issue.code] = seen + 1
        if seen < _MAX_PER_CODE:
            yield issue
        elif seen == _MAX_PER_CODE:
            first_hidden[issue.code] = issue
    for code, issue in first_hidden.items():
        rest = counts[code] - _MAX_PER_CODE
        message = f"{rest:,} more {code} issues like the ones above are not listed"
        yield Issue(code, issue.severity, message, (), issue.line, issue.column)
