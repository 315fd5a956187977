"""articlekit: parse, validate and write Markdown files with article front matter.

>>> import articlekit
>>> text = open("examples/hello-article.md", encoding="utf-8").read()  # doctest: +SKIP
>>> doc = articlekit.loads(text)  # doctest: +SKIP
>>> doc.meta.title  # doctest: +SKIP
'Hello, articlekit'
>>> articlekit.check(text)  # doctest: +SKIP
[]
"""

from __future__ import annotations

from .api import check, load, loads, parse
from .document import Document
from .errors import ArticleKitError, ParseError, SecuredError, ValidationError
from .issues import CODES, Issue
from .limits import DEFAULT_LIMITS, Limits
from .models import Article, Image, Provider, RelatedItem, Secured
from .rules import RuleOptions

__all__ = [
    "CODES",
    "DEFAULT_LIMITS",
    "Article",
    "ArticleKitError",
    "Document",
    "Image",
    "Issue",
    "Limits",
    "ParseError",
    "Provider",
    "RelatedItem",
    "RuleOptions",
    "Secured",
    "SecuredError",
    "ValidationError",
    "check",
    "load",
    "loads",
    "parse",
]

__version__ = "0.1.0"
