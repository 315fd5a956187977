"""The typed models of the article front-matter format, one module per kind or part."""

from __future__ import annotations

from ._base import FrontMatterModel, Timestamp
from .action import Action
from .article import Article, RelatedItem
from .author import Author, ContentProvider
from .collection import Collection
from .course import Course
from .download import Download
from .duration import parse_duration
from .forum import Forum
from .image import Image
from .kinds import KINDS, KindInfo, Layout, detect_kind, kind_named, register_kind
from .organization import Organization
from .profile import Profile
from .provider import Provider
from .ratings import Ratings
from .secured import Secured, SecuredFormatError
from .social import LinkedIn, Twitter
from .video import Video

__all__ = [
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
    "Layout",
    "LinkedIn",
    "Organization",
    "Profile",
    "Provider",
    "Ratings",
    "RelatedItem",
    "Secured",
    "SecuredFormatError",
    "Timestamp",
    "Twitter",
    "Video",
    "detect_kind",
    "kind_named",
    "parse_duration",
    "register_kind",
]
