"""Problems found in a document, and the registry of their codes.

Every problem articlekit finds is an [`Issue`][articlekit.Issue]: a stable ``code``, a
``severity``, a ``message`` that speaks in YAML keys, the key ``path`` and the
1-based ``line`` and ``column`` in the original file (the opening fence is
line 1).  Issues sort by position, then code, like yamllint's problems:

>>> issue = Issue(code="AK301", severity="error", message="'title' is required",
...               path=("title",), line=1, column=1)
>>> str(issue)
"1:1: error AK301 'title' is required"

Every code that articlekit can emit is registered once in `CODES` with
its name, default severity and a one-line summary; the rules reference in the
docs is generated from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

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


CODES: dict[str, CodeInfo] = {}
"""Every issue code articlekit can emit, by code."""


def register_code(
    code: str, name: str, severity: Severity, summary: str, doc: str = "", *, fixable: Fixable = "no"
) -> CodeInfo:
    """Register an issue code and return its `CodeInfo`.

    ``fixable`` says whether [`fix`][articlekit.fix] repairs it (safe, unsafe or no).
    Registering the same code twice with different data is a programming error.
    """
    info = CodeInfo(code, name, severity, summary, doc, fixable)
    existing = CODES.get(code)
    if existing is not None and existing != info:
        raise RuntimeError(f"issue code {code} registered twice")
    CODES[code] = info
    return info


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
