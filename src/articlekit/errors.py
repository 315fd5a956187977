"""articlekit's exceptions.

The only exceptions articlekit raises for bad *content* are
:class:`ArticleKitError` and its subclasses.  They carry the ``issues`` and,
when printed, show each issue under the offending line with a caret, the way
pypa/packaging does::

    articlekit.ValidationError: 1 error in example.md
    example.md:5:10: error AK302 'quality' must be an integer, not text ('66'): remove the quotes
        quality: "66"
                 ^
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .issues import Issue

__all__ = ["ArticleKitError", "ParseError", "SecuredError", "ValidationError", "render_issues"]

_BREAK = re.compile(r"\r\n|\r|\n")
_SECURED_VALUE = re.compile(
    r"""(secured["']?[ \t]*:[ \t]*(?:[\[{][ \t]*)?(?:"|'|))"""
    r"""((?<=")[^"]{9,}|(?<=')[^']{9,}|[^"'\s,{}\[\]#][^,}\]#]{8,})"""
)


def _mask_secured(line: str) -> str:
    """``line`` with any ``secured`` value cut to its first 8 characters (columns kept)."""
    return _SECURED_VALUE.sub(lambda m: m.group(1) + m.group(2)[:8] + "*" * (len(m.group(2)) - 8), line)


def render_issues(issues: Sequence[Issue], source: str | None = None, name: str | None = None) -> str:
    """Render issues as text, each followed by its source line and a caret.

    Args:
        issues: the issues to show.
        source: the file's text (without BOM); without it, no source lines are shown.
        name: a file name to prefix each issue with.
    """
    lines: list[str] | None = _BREAK.split(source) if source is not None else None
    out: list[str] = []
    for issue in issues:
        prefix = f"{name}:" if name else ""
        out.append(f"{prefix}{issue}")
        if lines is not None and 1 <= issue.line <= len(lines):
            text = lines[issue.line - 1]
            if len(text) > 200:
                start = max(0, issue.column - 80)
                shown = ("…" if start else "") + text[start : start + 160]
                caret_col = issue.column - start + (1 if start else 0)
            else:
                shown = text
                caret_col = issue.column
            shown = _mask_secured(shown).replace("\t", " ")
            out.append("    " + shown)
            out.append("    " + " " * max(caret_col - 1, 0) + "^")
    return "\n".join(out)


class ArticleKitError(Exception):
    """Base of every error articlekit raises for bad content.

    Attributes:
        issues: the problems found (errors first matter; warnings may be included).
        source: the file's text, when known, used to draw carets.
        name: a file name, when known.
    """

    def __init__(
        self,
        message: str,
        issues: Sequence[Issue] = (),
        *,
        source: str | None = None,
        name: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.issues: list[Issue] = list(issues)
        self.source = source
        self.name = name

    def __str__(self) -> str:
        if not self.issues:
            return self.message
        return self.message + "\n" + render_issues(self.issues, self.source, self.name)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.message, self.issues, self.source, self.name))


def _rebuild(
    cls: type[ArticleKitError], message: str, issues: list[Issue], source: str | None, name: str | None
) -> ArticleKitError:
    return cls(message, issues, source=source, name=name)


class ParseError(ArticleKitError):
    """The file could not be read: encoding, fences, YAML syntax or limits."""


class ValidationError(ArticleKitError):
    """The front matter was read but breaks the schema or a rule."""


class SecuredError(ArticleKitError):
    """A ``secured`` value could not be made or opened (wrong key, bad padding, missing extra)."""
