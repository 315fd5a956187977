"""Cross-field rules: one module per rule, in the manner of yamllint.

Each rule module defines ``RULE``, a :class:`Rule` with its code, name,
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


@dataclass
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

    @property
    def index(self) -> DataIndex:
        """URLs, dates, images, providers and every key of :attr:`data`, found in one walk.

        Built on first use and kept; ``data`` must not change afterwards.
        """
        if self.prebuilt_index is None:
            from ._common import build_index

            self.prebuilt_index = build_index(self.data)
        return self.prebuilt_index

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
        check: yields the rule's issues for one document.
        doc: the rule's documentation (its module docstring).
        kinds: the model classes it applies to (``None``: all).
        keys: keys of which at least one must occur in the data (at any depth) for
            the rule to have anything to report; :func:`run_rules` skips it
            otherwise (``None``: always run).
    """

    codes: tuple[CodeInfo, ...]
    check: Callable[[Context], Iterable[Issue]]
    doc: str = ""
    kinds: tuple[type[BaseModel], ...] | None = None
    keys: frozenset[str] | None = None


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


def run_rules(ctx: Context, ignore: frozenset[str] = frozenset()) -> Iterator[Issue]:
    """Run every rule that applies to ``ctx.kind`` and is not wholly ignored."""
    from ._common import shared_walk  # the rules walk the data once between them

    keys = ctx.index.keys
    with shared_walk(ctx.data):
        for rule in _applicable(ctx.kind, ignore):
            if rule.keys is not None and keys.isdisjoint(rule.keys):
                continue  # none of the keys it reads: nothing to report
            found = list(rule.check(ctx))
            if len(found) > _MAX_PER_CODE:
                yield from _capped(found)
            else:
                yield from found


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
