"""The typed models of the article front-matter format, one module per kind or part."""

from __future__ import annotations

from ._base import FrontMatterModel, Timestamp
from .article import Article, RelatedItem
from .image import Image
from .provider import Provider
from .secured import Secured, SecuredFormatError

__all__ = [
    "Article",
    "FrontMatterModel",
    "Image",
    "Provider",
    "RelatedItem",
    "Secured",
    "SecuredFormatError",
    "Timestamp",
]
