"""articlekit's exceptions.

The only exceptions articlekit raises for bad *content* are
[`ArticleKitError`][articlekit.ArticleKitError] and its subclasses.  They carry the ``issues`` and,
when printed, show each issue under the offending line with a caret, the way
pypa/packaging does:

```text
articlekit.ValidationError: 1 error in example.md
example.md:5:10: error AK302 'quality' must be an integer, not text ('66'): remove the quotes
    quality: "66"
             ^
```
"""

from __future__ import annotations

from collections.abc import Sequence

from ._mask import mask_line, mask_source
from .issues import Issue
from .positions import BREAK

__all__ = [
    "ArticleKitError",
    "ConfigError",
    "ParseError",
    "PluginError",
    "SecuredError",
    "ValidationError",
    "render_issues",
]


def render_issues(issues: Sequence[Issue], source: str | None = None, name: str | None = None) -> str:
    """Render issues as text, each followed by its source line and a caret.

    Args:
        issues: the issues to show.
        source: the file's text (without BOM); without it, no source lines are shown.
        name: a file name to prefix each issue with.
    """
    lines: list[str] | None = BREAK.split(source) if source is not None else None
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
            shown = mask_line(shown).replace("\t", " ")
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
        # a `secured` value written on its key's line is masked here; the callers that know
        # the data mask the others (see `articlekit._mask.mask_source`)
        self.source = mask_source(source) if source is not None else None
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


class PluginError(ArticleKitError):
    """A plugin failed to load: it could not be imported, or its function raised.

    The plugin is an installed entry point of the group `articlekit.plugins`, or
    a module in a configuration's `plugins`.  The message names the plugin,
    where it came from, and the exception with the place it was raised; the
    command line reports it as a usage error (exit status 2).  See [`articlekit.plugins`][articlekit.plugins].

    Attributes:
        plugin: the plugin's name (the entry point's, or the module's).
        origin: where it was declared, in words (the distribution, or the configuration file).
    """

    def __init__(self, message: str, *, plugin: str = "", origin: str = "") -> None:
        super().__init__(message)
        self.plugin = plugin
        self.origin = origin

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_plugin_error, (self.message, self.plugin, self.origin))


def _rebuild_plugin_error(message: str, plugin: str, origin: str) -> PluginError:
    return PluginError(message, plugin=plugin, origin=origin)


class ConfigError(ArticleKitError):
    """A configuration file (``articlekit.toml``, ``pyproject.toml``...) that cannot be used.

    Printed as ``path:line:column: key: what is wrong``, like a compiler's
    message, so that an editor can jump to it.

    Attributes:
        path: the configuration file, or ``None`` for a configuration made in Python.
        line: 1-based line of the offending key in that file (``None`` when unknown).
        column: 1-based column of that key.
        key: the key as written in the file, dotted for nested tables
            (``"limits.max-bytes"``), or ``""`` when the whole file is at fault.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        key: str = "",
    ) -> None:
        super().__init__(message, name=path)
        self.path = path
        self.line = line
        self.column = column
        self.key = key

    def __str__(self) -> str:
        where = self.path or "<configuration>"
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        return f"{where}: {self.key + ': ' if self.key else ''}{self.message}"

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_config_error, (self.message, self.path, self.line, self.column, self.key))


def _rebuild_config_error(
    message: str, path: str | None, line: int | None, column: int | None, key: str
) -> ConfigError:
    return ConfigError(message, path=path, line=line, column=column, key=key)
