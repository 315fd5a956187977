"""articlekit: parse, validate and write Markdown files with article front matter.

>>> import articlekit
>>> from pathlib import Path
>>> text = Path("examples/hello-article.md").read_text(encoding="utf-8")
>>> doc = articlekit.loads(text)
>>> doc.meta.title
'articlekit reaches its first release'
>>> articlekit.check(text)
[]

The names below are imported when first used ([PEP 562](https://peps.python.org/pep-0562/)), so ``import
articlekit`` itself is cheap: the command line's start-up, the Hypothesis
plugin and ``python -m articlekit --help`` do not build every model first.
The first use of any of them loads the core (`articlekit.api`: the
parser, the models and the rules' registry), exactly what ``import
articlekit`` used to load.
"""

from __future__ import annotations

import importlib as _importlib
import typing as _typing

if _typing.TYPE_CHECKING:
    from .api import check, check_file, detect_kind, load, loads, parse
    from .config import Config
    from .document import Document
    from .errors import ArticleKitError, ConfigError, ParseError, PluginError, SecuredError, ValidationError
    from .fixes import FixResult, fix
    from .issues import CODES, CodeInfo, Issue, register_code
    from .limits import DEFAULT_LIMITS, Limits
    from .models import (
        KINDS,
        Action,
        Article,
        Author,
        Collection,
        ContentProvider,
        Course,
        Download,
        Forum,
        FrontMatterModel,
        Image,
        KindInfo,
        LinkedIn,
        Organization,
        Profile,
        Provider,
        Ratings,
        RelatedItem,
        Secured,
        Twitter,
        Video,
        register_kind,
    )
    from .rules import Context, Rule, RuleOptions, rule
    from .schema import json_schema
    from .writer import WriteError, dump, dumps, format

__all__ = [
    "CODES",
    "DEFAULT_LIMITS",
    "KINDS",
    "Action",
    "Article",
    "ArticleKitError",
    "Author",
    "CodeInfo",
    "Collection",
    "Config",
    "ConfigError",
    "ContentProvider",
    "Context",
    "Course",
    "Document",
    "Download",
    "FixResult",
    "Forum",
    "FrontMatterModel",
    "Image",
    "Issue",
    "KindInfo",
    "Limits",
    "LinkedIn",
    "Organization",
    "ParseError",
    "PluginError",
    "Profile",
    "Provider",
    "Ratings",
    "RelatedItem",
    "Rule",
    "RuleOptions",
    "Secured",
    "SecuredError",
    "Twitter",
    "ValidationError",
    "Video",
    "WriteError",
    "check",
    "check_file",
    "detect_kind",
    "dump",
    "dumps",
    "fix",
    "format",
    "json_schema",
    "load",
    "loads",
    "parse",
    "register_code",
    "register_kind",
    "rule",
]

__version__ = "0.1.0"

# public name -> the submodule that defines it
_SOURCE = {
    **dict.fromkeys(("check", "check_file", "detect_kind", "load", "loads", "parse"), "api"),
    "Config": "config",
    "Document": "document",
    **dict.fromkeys(("FixResult", "fix"), "fixes"),
    **dict.fromkeys(
        ("ArticleKitError", "ConfigError", "ParseError", "PluginError", "SecuredError", "ValidationError"),
        "errors",
    ),
    **dict.fromkeys(("CODES", "CodeInfo", "Issue", "register_code"), "issues"),
    **dict.fromkeys(("DEFAULT_LIMITS", "Limits"), "limits"),
    **dict.fromkeys(
        (
            "KINDS",
            "Action",
            "Article",
            "Author",
            "Collection",
            "ContentProvider",
            "Course",
            "Download",
            "Forum",
            "FrontMatterModel",
            "Image",
            "KindInfo",
            "LinkedIn",
            "Organization",
            "Profile",
            "Provider",
            "Ratings",
            "RelatedItem",
            "Secured",
            "Twitter",
            "Video",
            "register_kind",
        ),
        "models",
    ),
    **dict.fromkeys(("Context", "Rule", "RuleOptions", "rule"), "rules"),
    "json_schema": "schema",
    **dict.fromkeys(("WriteError", "dump", "dumps", "format"), "writer"),
}
# the submodules an eager ``import articlekit`` used to bind as attributes
_SUBMODULES = frozenset(
    ("_dataindex", "_introspect", "api", "document", "errors", "fastyaml", "issues", "limits", "models")
    + ("rules", "schema", "secured", "splitter", "validate", "writer", "yamlsafe")
)


def _load(name: str) -> _typing.Any:
    """Import what ``name`` needs, bind it in this module and return it (``AttributeError`` if unknown)."""
    source = _SOURCE.get(name)
    if source is None and name not in _SUBMODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    _importlib.import_module(".api", __name__)  # the core (parser, models, rules), whatever is asked first
    if source is None:
        value: _typing.Any = _importlib.import_module(f".{name}", __name__)
    else:
        value = getattr(_importlib.import_module(f".{source}", __name__), name)
    globals()[name] = value
    return value


if not _typing.TYPE_CHECKING:  # for type checkers, the imports above are the module's names (no catch-all)

    def __getattr__(name: str) -> _typing.Any:
        return _load(name)


def __dir__() -> list[str]:
    # the public names and submodules, and dunders such as __version__: no private helper or module
    names = set(globals()) | set(__all__) | _SUBMODULES
    return sorted(n for n in names if not n.startswith("_") or (n.startswith("__") and n.endswith("__")))
