"""Cross-field rules, and the one way to declare them: [`rule`][articlekit.rule].

A rule is a function of a [`Context`][articlekit.Context] that gives the
document's issues.  The built-in rules live one per module in this package and
register through `rule`, as a plugin's rules do:

```python
import articlekit

SERVINGS = articlekit.register_code(
    "RX101", name="servings-range", severity="error", doc="`servings` must be 1 to 100."
)


@articlekit.rule(SERVINGS, keys=["servings"])
def servings_range(ctx: articlekit.Context):
    servings = ctx.data.get("servings")
    if isinstance(servings, int) and not 1 <= servings <= 100:
        yield ctx.issue(SERVINGS, f"'servings' is {servings}; it must be 1 to 100", ("servings",))
```

Rules run after schema validation, on the front matter as plain data (so that
they still run when the schema found type errors), and skip values whose type
is wrong: the schema already reported those.  A rule runs only when one of its
`keys` occurs in the data (at any depth); without `keys` it always runs.  A rule
that raises, or gives something other than issues, gives one AK003 error naming
it instead of its issues; `check` goes on.  The codes' documentation (the
catalogue in `articlekit/codes/` for the built-in ones) is the rules' too.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import partial
from typing import Any

from pydantic import BaseModel

from .._dataindex import DataIndex
from ..issues import CODES, CodeInfo, Issue, KeyPath, Severity
from ..positions import Locations
from ._common import build_index, item_list

__all__ = ["Context", "Rule", "RuleOptions", "all_rules", "rule", "run_rules"]

_NO_SETTINGS: Mapping[str, Any] = {}


@dataclass(frozen=True)
class RuleOptions:
    """Settings that rules read (`ctx.options`).

    Attributes:
        max_related: most ``related`` items before a warning (20).
        now: the current time, for "date in the future" checks (default: now, UTC).
        secured_key: an AES key (16, 24 or 32 bytes); when set, ``secured`` must
            decrypt with it (AK510).  Never shown by ``repr()``.
        settings: the options of other projects' rules, by code: the configuration's
            `[rules.RX101]` table is `settings["RX101"]`.  A rule reads its own with
            [`of`][articlekit.RuleOptions.of].
    """

    max_related: int = 20
    now: datetime | None = None
    secured_key: bytes | None = field(default=None, repr=False)
    settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, hash=False)

    def current_time(self) -> datetime:
        """``now``, or the current UTC time when it is not set."""
        return self.now if self.now is not None else datetime.now(timezone.utc)

    def of(self, code: CodeInfo | str) -> Mapping[str, Any]:
        """The options given for ``code`` (its `[rules.CODE]` table), or an empty mapping.

        >>> RuleOptions(settings={"RX101": {"most": 50}}).of("RX101")["most"]
        50
        """
        return self.settings.get(code if isinstance(code, str) else code.code, _NO_SETTINGS)


@dataclass(slots=True)
class Context:
    """What a rule sees: the front matter, where everything is, and options.

    Attributes:
        data: the front matter as plain data (YAML keys), as the YAML gives it.
        locations: positions of every key and value.
        kind: the model class the document is validated as.
        options: rule settings ([`RuleOptions`][articlekit.RuleOptions]; a plugin
            rule's own options are `options.of(CODE)`).
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

        What `item_mappings` gives, made once and kept.  (The rules of this package read
        ``ctx._items or ctx.items``: the slot once it is made, cheaper than the property;
        likewise ``ctx.prebuilt_index`` before ``ctx.index``.)
        """
        items = self._items
        if items is None:
            data = self.data
            if isinstance(data, dict) and not isinstance(data.get("related"), list):
                items = [((), data)]  # the common case, without a call
            else:
                items = item_list(data)
            self._items = items
        return items

    def issue(
        self,
        code: CodeInfo | str,
        message: str,
        path: KeyPath = (),
        *,
        at_key: bool = False,
        severity: Severity | None = None,
    ) -> Issue:
        """An issue of ``code`` about the value (or, with ``at_key``, the key) at ``path``.

        ``path`` is a tuple of YAML keys and list indexes (``("images", 0, "width")``);
        the issue gets the line and column where that value is written (for a
        missing key, its mapping's).  ``code`` is a registered
        [`CodeInfo`][articlekit.CodeInfo] or its code; the severity is the code's
        unless ``severity`` is given.
        """
        info = code if isinstance(code, CodeInfo) else CODES[code]
        line, column = self.locations.position(path, at_key=at_key)
        return info.issue(message, path, line, column, severity=severity)


Check = Callable[[Context], Iterable[Issue]]
"""A rule's function: the issues of one document."""


@dataclass(frozen=True)
class Rule:
    """A cross-field rule, as [`rule`][articlekit.rule] registers it.

    Calling it calls `check`.

    Attributes:
        codes: the issue codes the rule can emit.
        check: gives the rule's issues for one document, in order (the rules of this
            package return a list, or an empty tuple when there is nothing to report:
            cheaper than a generator).
        doc: the rule's documentation: its codes' (summary and documentation).
        kinds: the model classes it applies to (``None``: all).
        keys: keys of which at least one must occur in the data (at any depth) for
            the rule to have anything to report; `run_rules` skips it
            otherwise (``None``: always run).
        fix: makes the fix of one of the rule's issues, or ``None`` when it has none:
            ``fix(ctx, issue)`` with an `articlekit.fixes.FixContext` returns a
            `articlekit.fixes.Fix`, a list of alternatives (the first is applied by
            `articlekit.fix`) or ``None`` (this issue cannot be fixed).  The codes it
            repairs declare ``fixable`` when they are registered.
        name: the rule's name, unique among the rules: what an AK003 issue names
            (default: the function's module and name, ``"myplugin.rules.servings_range"``).
    """

    codes: tuple[CodeInfo, ...]
    check: Check
    doc: str = ""
    kinds: tuple[type[BaseModel], ...] | None = None
    keys: frozenset[str] | None = None
    fix: Callable[[Any, Issue], Any] | None = None
    name: str = ""

    def __post_init__(self) -> None:
        if not self.name:
            module = getattr(self.check, "__module__", None) or "?"
            qualname = getattr(self.check, "__qualname__", None) or repr(self.check)
            object.__setattr__(self, "name", f"{module}.{qualname}")
        if not self.doc:
            docs = [f"{info.summary}\n\n{info.doc}".strip() for info in self.codes]
            object.__setattr__(self, "doc", "\n\n".join(docs))

    def __call__(self, ctx: Context) -> Iterable[Issue]:
        return self.check(ctx)


def rule(
    *codes: CodeInfo,
    keys: Iterable[str] = (),
    kinds: type[BaseModel] | Iterable[type[BaseModel]] | None = None,
    name: str | None = None,
    fix: Callable[[Any, Issue], Any] | None = None,
) -> Callable[[Check], Rule]:
    """Register the decorated function as a rule that reports ``codes``.

    The function takes a [`Context`][articlekit.Context] and gives the document's
    issues (a list, or yield them), each made with
    [`ctx.issue`][articlekit.Context.issue].  The decorator returns the
    registered [`Rule`][articlekit.Rule], which can still be called like the function.

    Args:
        codes: the [`CodeInfo`][articlekit.CodeInfo] of each code the rule reports,
            as [`register_code`][articlekit.register_code] returned them.
        keys: the rule runs on a document only when one of these keys occurs in it
            (at any depth); empty (the default): on every document.  Give them: the
            rules of a file whose keys none of them name cost nothing.
        kinds: the models the rule applies to (a class or several; subclasses
            included); ``None``: every kind.
        name: the rule's name (default: the function's module and name).
        fix: a fix maker for the rule's issues (see `Rule.fix`).

    Raises:
        ValueError: no code, a code that is not registered, or a name taken by another rule.
        TypeError: a key that is not text, or a kind that is not a model class.
    """
    if not codes:
        raise ValueError("rule() needs the CodeInfo of at least one code (from register_code)")
    for info in codes:
        if not isinstance(info, CodeInfo) or CODES.get(info.code) != info:
            raise ValueError(f"rule(): {info!r} is not a registered code; use register_code's CodeInfo")
    wanted = (keys,) if isinstance(keys, str) else tuple(keys)
    if not all(isinstance(key, str) for key in wanted):
        raise TypeError(f"rule(): keys are YAML keys (text), not {wanted!r}")
    models: tuple[type[BaseModel], ...] | None = None
    if kinds is not None:
        models = (kinds,) if isinstance(kinds, type) else tuple(kinds)
        if not all(isinstance(m, type) and issubclass(m, BaseModel) for m in models):
            raise TypeError(f"rule(): kinds are model classes (like articlekit.Article), not {kinds!r}")

    def register(check: Check) -> Rule:
        if not callable(check):
            raise TypeError(f"rule() decorates a function of a Context, not {check!r}")
        made = Rule(
            codes=tuple(codes),
            check=check,
            kinds=models,
            keys=frozenset(wanted) if wanted else None,
            fix=fix,
            name=name or "",
        )
        return _register(made)

    return register


# -- the registry -------------------------------------------------------------------------------

_REGISTERED: list[Rule] = []
_RULES: list[Rule] | None = None
_BUILTINS_LOADED = False


def _register(made: Rule) -> Rule:
    for other in _REGISTERED:
        if other.name == made.name:
            if other.check is made.check and other.codes == made.codes:
                return other  # the same rule again (its module imported twice)
            raise ValueError(f"a rule named {made.name!r} is registered already; give this one another name")
    _REGISTERED.append(made)
    _changed()
    return made


def _unregister(made: Rule) -> None:
    """Remove a rule registered with `rule` (for tests)."""
    if made in _REGISTERED:
        _REGISTERED.remove(made)
        _changed()


def _changed() -> None:
    global _RULES, _RULE_KEYS
    _RULES = None
    _RULE_KEYS = None
    _APPLICABLE.clear()
    _CHECKS.clear()
    _LAST_PLAN.clear()


def _builtin(made: Rule) -> bool:
    return str(getattr(made.check, "__module__", "")).startswith(__name__ + ".")


def all_rules() -> list[Rule]:
    """Every registered rule: the built-in ones (in module-name order), then the others as registered."""
    global _RULES, _BUILTINS_LOADED
    if not _BUILTINS_LOADED:
        _BUILTINS_LOADED = True
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
            if not info.name.startswith("_"):
                importlib.import_module(f"{__name__}.{info.name}")  # registers its rule
    if _RULES is None:
        _RULES = [r for r in _REGISTERED if _builtin(r)] + [r for r in _REGISTERED if not _builtin(r)]
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


class _Plan:
    """The rules to run for one kind, ignore set and set of rules' keys present, and when it holds.

    ``witnesses`` holds one present key of each rule with keys that runs, ``absent`` every key of
    each rule with keys that does not: a document whose keys include every witness and no absent
    key runs exactly ``rules`` (their functions: ``checks``), whatever its other keys.
    """

    __slots__ = ("absent", "checks", "rules", "witnesses")

    def __init__(
        self,
        rules: tuple[Rule, ...],
        checks: tuple[Check, ...],
        skipped: Iterable[Rule],
        present: frozenset[Any],
    ) -> None:
        self.rules = rules
        self.checks = checks
        self.witnesses = frozenset(min(rule.keys & present) for rule in rules if rule.keys is not None)
        self.absent = frozenset().union(*(rule.keys for rule in skipped if rule.keys is not None))


_CHECKS: dict[tuple[type[BaseModel], frozenset[str], frozenset[Any], int], _Plan] = {}
_CHECKS_SIZE = 1024
_LAST_PLAN: dict[tuple[type[BaseModel], frozenset[str], int], _Plan] = {}
"""The plan of the last document of each kind, ignore set and `_quiet` state: the next one
mostly has the same."""

_NO_KEY = 1
"""`_quiet` bit: the options give no `secured_key` (a `RuleOptions`, not a subclass)."""
_UNTYPED = 2
"""`_quiet` bit: the index lists no typed scalar (`DataIndex.typed_texts` is empty)."""
_SILENT: dict[str, int] = {}
"""Built-in rules (by name) that report nothing in a `_quiet` state: the bits of that state."""


def _silent(made: Rule, quiet: int) -> bool:
    """Whether ``made`` is a built-in rule that reports nothing in the `_quiet` state ``quiet``."""
    bits = _SILENT.get(made.name)
    return bits is not None and bits & quiet == bits and _builtin(made)


def _silent_when(made: Rule, bits: int) -> None:
    """Declare that the built-in rule ``made`` reports nothing on a document whose `_quiet`
    state has all of ``bits``: `run_rules` then does not call it (a test holds it to that)."""
    _SILENT[made.name] = bits
    _changed()


def _rule_keys() -> frozenset[str]:
    global _RULE_KEYS
    if _RULE_KEYS is None:
        _RULE_KEYS = frozenset().union(*(rule.keys for rule in all_rules() if rule.keys is not None))
    return _RULE_KEYS


def _checks(kind: type[BaseModel], ignore: frozenset[str], present: frozenset[Any], quiet: int = 0) -> _Plan:
    """The rules to run, in order, for ``kind`` when the rules' keys in ``present`` occur
    (less the built-in rules silent in the ``quiet`` state), and their `Rule.check` functions.

    Kept per (kind, ignore set, keys present): documents of one corpus share a
    handful of shapes.  No two of the functions are the same object (a function
    that two rules share is wrapped for the second), so that a function's
    position among them names its rule.
    """
    key = (kind, ignore, present, quiet)
    plan = _CHECKS.get(key)
    if plan is None:
        applicable = tuple(rule for rule in _applicable(kind, ignore) if not _silent(rule, quiet))
        rules = tuple(rule for rule in applicable if rule.keys is None or not present.isdisjoint(rule.keys))
        functions: list[Check] = []
        for rule in rules:
            shared = any(f is rule.check for f in functions)
            functions.append(partial(rule.check) if shared else rule.check)
        skipped = [rule for rule in applicable if not any(r is rule for r in rules)]
        plan = _Plan(rules, tuple(functions), skipped, present)
        if len(_CHECKS) >= _CHECKS_SIZE:
            _CHECKS.clear()
        _CHECKS[key] = plan
    return plan


def _plan(kind: type[BaseModel], ignore: frozenset[str], keys: set[Any], quiet: int) -> _Plan:
    """`_checks` for a document whose keys (at any depth) are ``keys``, kept as the last plan of its kind."""
    plan = _checks(kind, ignore, (_RULE_KEYS or _rule_keys()).intersection(keys), quiet)
    if len(_LAST_PLAN) >= _CHECKS_SIZE:
        _LAST_PLAN.clear()
    _LAST_PLAN[kind, ignore, quiet] = plan
    return plan


def run_rules(ctx: Context, ignore: frozenset[str] = frozenset()) -> Iterator[Issue]:
    """Run every rule that applies to ``ctx.kind`` and is not wholly ignored.

    A rule none of whose `Rule.keys` occur in the data is skipped; each
    rule reports at most 100 issues of one code (then one issue with the count
    of the rest).  A rule that raises gives one AK003 error instead of its issues.
    """
    index = ctx.prebuilt_index
    if index is None:
        index = ctx.index
    keys = index.keys
    options = ctx.options
    typed = index.typed_texts
    # the _quiet state: what silences some built-in rules whatever the keys (AK510, AK211)
    quiet = (type(options) is RuleOptions and options.secured_key is None) | (
        typed is not None and not typed
    ) << 1
    # the plan of the previous document of this kind holds when its rules' keys are present
    # and absent alike (two set operations, no set made); else the plan is looked up
    plan = _LAST_PLAN.get((ctx.kind, ignore, quiet))
    if plan is None or not (plan.witnesses <= keys and plan.absent.isdisjoint(keys)):
        plan = _plan(ctx.kind, ignore, keys, quiet)
    rules, checks = plan.rules, plan.checks
    found: list[Issue] = []
    for check in checks:  # the functions themselves: cheaper than each rule's attribute
        try:
            issues = check(ctx)
            if not issues:
                continue
            if type(issues) is not list:
                issues = list(issues)
                if not issues:
                    continue
            for issue in issues:
                if type(issue) is not Issue:
                    raise TypeError(f"it gave {type(issue).__name__} {issue!r:.60}, not an Issue")
        except Exception as exc:  # a rule's bug must not stop the check of the file
            each = next(r for r, f in zip(rules, checks, strict=True) if f is check)
            if _STRICT and _builtin(each):
                raise
            found.append(_crashed(each, exc, ctx))
            continue
        if len(issues) > _MAX_PER_CODE:
            found.extend(_capped(issues))
        else:
            found.extend(issues)
    return iter(found)


RULE_CRASHED = CODES["AK003"]
"""AK003: a rule raised instead of giving its issues."""

_STRICT = False
"""True: a built-in rule that raises is not caught (the test suite sets it: its bugs must fail tests)."""


def _crashed(failed: Rule, exc: Exception, ctx: Context) -> Issue:
    """The AK003 issue for ``failed``, which raised ``exc``: no `secured` value shown."""
    from .._mask import preview, secured_in

    text = str(exc)
    if len(text) > 200:
        text = text[:197] + "..."
    for value in secured_in(ctx.data)[0]:
        if value:
            text = text.replace(value, preview(value))
    what = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    codes = ", ".join(info.code for info in failed.codes)
    return RULE_CRASHED.issue(f"the rule {failed.name!r} ({codes}) failed, so it reported nothing: {what}")


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
        yield dataclasses.replace(issue, message=message, path=())
