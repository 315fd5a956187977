"""Problems found in a document, and the registry of their codes.

Every problem articlekit finds is an [`Issue`][articlekit.Issue]: a stable ``code``, a
``severity``, a ``message`` that speaks in YAML keys, the key ``path`` and the
1-based ``line`` and ``column`` in the original file (the opening fence is
line 1).  Issues sort by position, then code, like yamllint's problems:

>>> issue = Issue(code="AK301", severity="error", message="'title' is required",
...               path=("title",), line=1, column=1)
>>> str(issue)
"1:1: error AK301 'title' is required"

Every code is registered once in `CODES` with its name, default severity, a
one-line summary and its documentation.  articlekit's own codes are data: the
catalogue in `articlekit/codes/` (Markdown files), read when this module is
imported, so `CODES` holds every built-in code whichever modules are loaded.
Other projects add theirs with [`register_code`][articlekit.register_code].
A `CodeInfo` makes the issues of its code:

>>> CODES["AK202"].issue("'title' is given twice", ("title",), line=3)
Issue(code='AK202', severity='error', message="'title' is given twice", path=('title',), line=3, column=1)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from ._frozen import made

__all__ = ["CODES", "CodeInfo", "Fixable", "Issue", "KeyPath", "Severity", "format_path", "register_code"]

Severity = Literal["error", "warning"]
"""How bad an issue is: an ``"error"`` stops `articlekit.loads`; a ``"warning"`` does not."""

Fixable = Literal["safe", "unsafe", "no"]
"""Whether `articlekit.fix` can repair issues of a code: ``"safe"`` (the data keeps its
meaning; ``check --fix``), ``"unsafe"`` (the data changes; ``check --unsafe-fixes``) or ``"no"``."""

KeyPath = tuple[str | int, ...]
"""Where in the front matter: YAML keys and list indexes, e.g. ``("images", 0, "width")``."""


@dataclass(frozen=True)
class CodeInfo:
    """What one issue code means.

    Attributes:
        code: the stable code, e.g. ``"AK202"``.
        name: a short kebab-case name, e.g. ``"duplicate-key"``.
        severity: the default severity of issues with this code.
        summary: one sentence on what the code reports.
        doc: longer documentation (Markdown), often with a passing and a failing example.
        fixable: whether [`fix`][articlekit.fix] can repair it: ``"safe"``, ``"unsafe"``
            or ``"no"`` (see `Fixable`).
    """

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str = ""
    fixable: Fixable = "no"

    def issue(
        self,
        message: str,
        path: KeyPath = (),
        line: int = 1,
        column: int = 1,
        *,
        severity: Severity | None = None,
    ) -> Issue:
        """An issue of this code, with its registered severity (unless ``severity`` is given).

        `line` and `column` are 1-based positions in the original file; a rule
        usually calls [`Context.issue`][articlekit.Context.issue] instead, which
        finds them from ``path``.
        """
        # every problem of every file is made here: without the frozen dataclass's `__init__`
        return made(
            Issue,
            {
                "code": self.code,
                "severity": severity or self.severity,
                "message": message,
                "path": path,
                "line": line,
                "column": column,
            },
        )


CODES: dict[str, CodeInfo] = {}
"""Every registered issue code, by code: articlekit's own and those of plugins."""

_THIRD_PARTY = re.compile(r"[A-Z]{2,5}[0-9]{3}")
_NAME = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


def register_code(
    code: str,
    *,
    name: str,
    severity: Severity,
    doc: str,
    summary: str | None = None,
    fixable: Fixable = "no",
) -> CodeInfo:
    """Register an issue code of your own and return its `CodeInfo`.

    For a plugin's rules (see [`rule`][articlekit.rule]):

    >>> import articlekit
    >>> SERVINGS = articlekit.register_code(
    ...     "RX101",
    ...     name="servings-range",
    ...     severity="error",
    ...     doc="`servings` must be 1 to 100.\\n\\nA recipe serves at least one person.",
    ... )
    >>> SERVINGS.summary
    '`servings` must be 1 to 100.'
    >>> from articlekit.issues import _unregister
    >>> _unregister("RX101")

    Args:
        code: two to five capital letters and three digits (`RX101`); the prefix
            `AK` is articlekit's own.
        name: a short kebab-case name (`servings-range`).
        severity: the default severity, `"error"` or `"warning"`.
        doc: the documentation, in Markdown: its first paragraph is the one-line
            summary (unless ``summary`` is given), the rest is kept as `CodeInfo.doc`
            (ideally with a `Passing:` and a `Failing:` example, as the built-in
            codes have).
        summary: the one-line summary, when it is not the first paragraph of ``doc``.
        fixable: whether a fix of the code's rule repairs it (`"safe"`, `"unsafe"`, `"no"`).

    Registering a code again with the same details returns the same `CodeInfo`.

    Raises:
        ValueError: a malformed code or name, an `AK` code, an unknown severity, or a
            code registered before with different details.
    """
    if not isinstance(code, str) or not _THIRD_PARTY.fullmatch(code):
        raise ValueError(f"{code!r} is not an issue code: 2 to 5 capital letters and 3 digits, like RX101")
    if code.startswith("AK"):
        raise ValueError(f"{code}: codes starting with 'AK' are articlekit's own; choose another prefix")
    return _declare(_make(code, name, severity, doc, summary, fixable))


def _make(code: str, name: str, severity: str, doc: str, summary: str | None, fixable: str) -> CodeInfo:
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ValueError(f"{code}: the name {name!r} is not kebab-case (like 'servings-range')")
    if severity not in ("error", "warning"):
        raise ValueError(f"{code}: the severity is 'error' or 'warning', not {severity!r}")
    if fixable not in ("safe", "unsafe", "no"):
        raise ValueError(f"{code}: fixable is 'safe', 'unsafe' or 'no', not {fixable!r}")
    if not isinstance(doc, str):
        raise ValueError(f"{code}: the doc must be text")
    text = doc.strip()
    if summary is None:
        first, _, text = text.partition("\n\n")
        summary = first
    summary = " ".join(summary.split())
    if not summary:
        raise ValueError(f"{code}: the summary (the doc's first paragraph) is empty")
    return CodeInfo(code, name, severity, summary, text.strip(), fixable)  # type: ignore[arg-type]


def _declare(info: CodeInfo) -> CodeInfo:
    """Add ``info`` to `CODES` (the way in for every code); the same code twice must agree."""
    existing = CODES.get(info.code)
    if existing is not None:
        if existing != info:
            raise ValueError(f"issue code {info.code} is registered already with other details: {existing!r}")
        return existing
    CODES[info.code] = info
    for listener in _LISTENERS:
        listener()
    return info


_LISTENERS: list[Callable[[], None]] = []
"""Called when the registry changes (caches of the known codes clear themselves)."""


def _unregister(code: str) -> None:
    """Remove a code registered with `register_code` (for tests; articlekit's own codes stay)."""
    if code.startswith("AK"):
        raise ValueError(f"{code} is one of articlekit's own codes")
    if CODES.pop(code, None) is not None:
        for listener in _LISTENERS:
            listener()


def _path_key(path: KeyPath) -> tuple[tuple[int, str | int], ...]:
    return tuple((0, p) if isinstance(p, int) else (1, p) for p in path)


@dataclass(frozen=True, eq=True)
class Issue:
    """One problem found in a document.

    Attributes:
        code: stable code, e.g. ``"AK202"``; see `CODES`.
        severity: ``"error"`` or ``"warning"``.
        message: what is wrong, in the file's own words (YAML keys).
        path: the key path of the offending value, ``()`` for the file itself.
        line: 1-based line in the original file; the opening fence is line 1.
        column: 1-based column (in characters) in that line.
    """

    code: str
    severity: Severity
    message: str
    path: KeyPath = field(default=())
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.severity} {self.code} {self.message}"

    def sort_key(self) -> tuple[int, int, str, str, tuple[tuple[int, str | int], ...]]:
        """The key issues sort by: line, column, code, message, path."""
        return (self.line, self.column, self.code, self.message, _path_key(self.path))

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Issue):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Issue):
            return NotImplemented
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Issue):
            return NotImplemented
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Issue):
            return NotImplemented
        return self.sort_key() >= other.sort_key()

    @property
    def is_error(self) -> bool:
        """True for issues of severity ``"error"``."""
        return self.severity == "error"

    def to_dict(self) -> dict[str, object]:
        """The issue as JSON-ready data (``key_path`` is the path as a list)."""
        return {
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "key_path": list(self.path),
        }


def format_path(path: KeyPath) -> str:
    """Render a key path the way a reader of the YAML file thinks of it.

    >>> format_path(("related", 0, "images", 1, "width"))
    'related[0].images[1].width'
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _load_catalogue() -> None:
    from .codes import entries

    for entry in entries():
        _declare(_make(entry.code, entry.name, entry.severity, entry.doc, entry.summary, entry.fixable))


_load_catalogue()
