"""The news item (``category: news``) and the summaries in its ``related`` list."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import ConfigDict, Field

from ._base import FrontMatterModel, Timestamp
from ._fields import URL_SCHEMA, heat_field
from .image import Image
from .provider import Provider
from .secured import Secured

__all__ = ["Article", "RelatedItem"]

# Cross-field constraints that JSON Schema can express; the rules AK702 and
# AK703 check the same in articlekit.  They appear in the JSON Schema only.
_AMP_PAIR: dict[str, Any] = {
    "dependentSchemas": {
        "cdnAmpWebUrl": {
            "required": ["ampWebUrl"],
            "properties": {"ampWebUrl": {"type": "string", "minLength": 1}},
        }
    }
}
_PROVIDER_EXAMPLE = {
    "name": "Business Insider",
    "domain": "businessinsider.com",
    "images": [
        {"url": "/assets/images/organizations/businessinsider.com-50x50.jpg", "width": 50, "height": 50}
    ],
}
_IMAGES_EXAMPLE = [
    {"url": "https://i.insider.com/5f31c3faa6f0e106c119e315?width=1200", "width": 1200, "height": 600}
]


def _url_field(description: str, example: str) -> Any:
    return Field(
        default=None, description=description, examples=[example], json_schema_extra=dict(URL_SCHEMA)
    )


class RelatedItem(FrontMatterModel):
    """A summary of another article, one level down in ``related``.

    A related item has no ``related`` list and no ``secured`` value of its own.
    """

    model_config = ConfigDict(json_schema_extra=_AMP_PAIR)
    forbidden_keys: ClassVar[frozenset[str]] = frozenset({"related", "secured"})

    title: str = Field(
        min_length=1, description="Headline of the related article.", examples=["Andy Jassy on the cloud"]
    )
    excerpt: str | None = Field(
        default=None,
        description="Opening text of the related article.",
        examples=["CEO Andy Jassy discusses ..."],
    )
    published_date_time: Timestamp | None = Field(
        default=None,
        description="When the related article was published (UTC).",
        examples=["2020-08-07T16:01:00Z"],
    )
    web_url: str = Field(
        description="Address of the related article.",
        examples=["https://www.businesswire.com/news/home/20200714005726/en/"],
        json_schema_extra=dict(URL_SCHEMA),
    )
    type: str | None = Field(default=None, description="`article` or `video`.", examples=["article"])
    provider: Provider | None = Field(
        default=None,
        description="Who published the related article.",
        examples=[{"name": "Business Wire", "domain": "businesswire.com"}],
    )
    quality: int | None = Field(default=None, ge=0, description="Quality score.", examples=[18])
    images: list[Image] | None = Field(
        default=None, description="Pictures of the related article.", examples=[_IMAGES_EXAMPLE]
    )


class Article(FrontMatterModel):
    """A news item: the front matter of one article file.

    >>> import articlekit
    >>> doc = articlekit.load("examples/hello-article.md")
    >>> doc.meta.title
    'articlekit reaches its first release'
    """

    model_config = ConfigDict(
        json_schema_extra={
            # AK702: a news item needs a non-null webUrl or originalUrl
            "anyOf": [
                {"required": ["webUrl"], "properties": {"webUrl": {"type": "string"}}},
                {"required": ["originalUrl"], "properties": {"originalUrl": {"type": "string"}}},
            ],
            **_AMP_PAIR,
        }
    )

    category: str | None = Field(default=None, description="`news` for articles.", examples=["news"])
    title: str = Field(
        min_length=1,
        description="Headline, on one line.",
        examples=["At prisons in Finland, inmates are learning AI"],
    )
    excerpt: str | None = Field(
        default=None,
        description="Opening text or summary; may end in ` ...`.",
        examples=["Finland transformed its criminal justice system 70 years ago."],
    )
    published_date_time: Timestamp = Field(
        description="When the article was published: a timezone-aware date and time, "
        "canonically `YYYY-MM-DDTHH:MM:SSZ`.",
        examples=["2020-08-11T13:41:00Z"],
    )
    original_url: str | None = _url_field(
        "Where the article was first published.", "https://www.example.com/news/finland-prisons-ai"
    )
    web_url: str | None = _url_field(
        "Where the article can be read; a news item has `webUrl`, `originalUrl` or both.",
        "https://www.businessinsider.com/finland-prisons-technology-ai-online-classes-2020-8",
    )
    amp_web_url: str | None = _url_field(
        "The AMP version of the article.",
        "https://www.businessinsider.com/finland-prisons-technology-ai-online-classes-2020-8?amp",
    )
    cdn_amp_web_url: str | None = _url_field(
        "The AMP-cache form of `ampWebUrl`; only together with it.",
        "https://www-businessinsider-com.cdn.ampproject.org/c/s/www.businessinsider.com/"
        "finland-prisons-technology-ai-online-classes-2020-8?amp",
    )
    type: str | None = Field(default=None, description="`article` or `video`.", examples=["article"])
    quality: int | None = Field(
        default=None, ge=0, description="Quality score, an integer of 0 or more.", examples=[66]
    )
    heat: int | None = heat_field(76)
    published: bool | None = Field(
        default=None, description="Whether the article is shown on the site.", examples=[True]
    )
    featured_content: str | None = Field(
        default=None,
        description="HTML shown with the article, e.g. an `<iframe>` embedding a video.",
        examples=['<iframe src="https://www.youtube.com/embed/WJk-Y8LQlfE"></iframe>'],
    )
    provider: Provider | None = Field(
        default=None, description="Who published the article.", examples=[_PROVIDER_EXAMPLE]
    )
    topics: list[str] | None = Field(
        default=None, description="Topics the article is filed under.", examples=[["AI"]]
    )
    images: list[Image] | None = Field(
        default=None, description="Pictures of the article.", examples=[_IMAGES_EXAMPLE]
    )
    related: list[RelatedItem] | None = Field(
        default=None,
        description="Summaries of related articles, one level deep (no `related` or `secured` in them).",
        examples=[
            [
                {
                    "title": "Andy Jassy on How the Cloud is Aiding Vaccine Development",
                    "publishedDateTime": "2020-08-07T16:01:00Z",
                    "webUrl": "https://www.businesswire.com/news/home/20200714005726/en/",
                    "type": "article",
                    "provider": {"name": "Business Wire", "domain": "businesswire.com"},
                    "quality": 18,
                }
            ]
        ],
    )
    secured: Secured = Field(
        description='`"<base64>;<base64>"`: an AES-CBC ciphertext (a non-empty multiple of '
        "16 bytes) and its 16-byte IV.",
        examples=["AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="],
    )
