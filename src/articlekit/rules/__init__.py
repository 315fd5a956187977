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
    """

    data: dict[str, Any]
    locations: Locations
    kind: type[BaseModel]
    options: RuleOptions = field(default_factory=RuleOptions)

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
    """

    codes: tuple[CodeInfo, ...]
    check: Callable[[Context], Iterable[Issue]]
    doc: str = ""
    kinds: tuple[type[BaseModel], ...] | None = None


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


def run_rules(ctx: Context, ignore: frozenset[str] = frozenset()) -> Iterator[Issue]:
    """Run every rule that applies to ``ctx.kind`` and is not wholly ignored."""
    from ._common import shared_walk  # the rules walk the data once between them

    with shared_walk(ctx.data):
        for rule in all_rules():
            if rule.kinds is not None and not issubclass(ctx.kind, rule.kinds):
                continue
            if ignore and all(c.code in ignore for c in rule.codes):
                continue
            yield from rule.check(ctx)
