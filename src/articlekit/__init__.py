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

from .api import check, detect_kind, load, loads, parse
from .document import Document
from .errors import ArticleKitError, ParseError, SecuredError, ValidationError
from .issues import CODES, Issue
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
)
from .rules import RuleOptions
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
    "Collection",
    "ContentProvider",
    "Course",
    "Document",
    "Download",
    "Forum",
    "Image",
    "Issue",
    "KindInfo",
    "Limits",
    "LinkedIn",
    "Organization",
    "ParseError",
    "Profile",
    "Provider",
    "Ratings",
    "RelatedItem",
    "RuleOptions",
    "Secured",
    "SecuredError",
    "Twitter",
    "ValidationError",
    "Video",
    "WriteError",
    "check",
    "detect_kind",
    "dump",
    "dumps",
    "format",
    "json_schema",
    "load",
    "loads",
    "parse",
]

__version__ = "0.1.0"
