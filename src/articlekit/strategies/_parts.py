"""Strategies for the parts of a document.

Images, providers, authors, ratings, social accounts, actions and related items.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hypothesis import strategies as st
from pydantic import BaseModel

from ..models import (
    Action,
    Author,
    ContentProvider,
    Image,
    LinkedIn,
    Provider,
    Ratings,
    RelatedItem,
    Twitter,
)
from ..rules.image_size import size_in_name
from ._fields import (
    Draw,
    _Field,
    _model_strategy,
    _opt,
    _req,
)
from ._primitives import (
    domains,
    handles,
    line_text,
    multiline_text,
    past_datetimes,
    slugs,
    titles,
    urls,
)

# -- parts -----------------------------------------------------------------------------

PART_MODELS: tuple[type[BaseModel], ...] = (
    Action,
    Author,
    ContentProvider,
    Image,
    LinkedIn,
    Provider,
    Ratings,
    RelatedItem,
    Twitter,
)
"""The models of a document's parts, each with its strategy below."""

_EXTENSIONS = ("jpg", "jpeg", "png", "gif", "webp", "svg")


_IMAGE_BASE = st.one_of(
    st.sampled_from(["/assets/images/organizations", "/assets/images", ""]),
    urls().map(lambda u: u.split("?", 1)[0].rstrip("/")),
)
_IMAGE_NAME = st.text("abcdefghijklmnopqrstuvwxyz0123456789_", min_size=1, max_size=12)
_IMAGE_EXT = st.sampled_from(_EXTENSIONS)
_IMAGE_QUERY = st.sampled_from(["", "?width={w}", "?w=1200&fit=max", "?format=jpeg"])


def _image_url(draw: Draw, width: int, height: int) -> str:
    base, name, ext = draw(_IMAGE_BASE), draw(_IMAGE_NAME), draw(_IMAGE_EXT)
    query = draw(_IMAGE_QUERY).format(w=width)
    size = f"-{width}x{height}" if draw(st.booleans()) else ""
    return f"{base}/{name}{size}.{ext}{query}"


def _image_adjust(draw: Draw, values: dict[str, Any], fixed: Mapping[str, Any]) -> dict[str, Any]:
    url = values.get("url")
    if url is None:
        values["url"] = _image_url(draw, values["width"], values["height"])
    else:
        size = size_in_name(url)
        if size is not None:
            values["width"], values["height"] = size
    return values


def images(**fixed: Any) -> st.SearchStrategy[Image]:
    """Valid [`Image`][articlekit.Image] parts.

    ``url`` is an absolute http(s) URL or a site path starting with ``/``;
    when its file name ends in ``-<W>x<H>.<ext>``, ``width`` and ``height`` are
    W and H (rule AK401).  Pin fields by name, e.g. ``images(width=50)``; a
    pinned ``url`` that names a size sets ``width`` and ``height``.

    Shrinks toward ``{url: "/assets/images/organizations/0.jpg", width: 1, height: 1}``.
    """
    fields = {
        "url": _req(None),
        "width": _req(st.integers(1, 100_000)),
        "height": _req(st.integers(1, 100_000)),
        "is_cached": _opt(st.booleans()),
        "title": _opt(line_text()),
        "attribution": _opt(line_text()),
    }
    return _model_strategy(Image, fields, fixed, _image_adjust)


def _logos() -> st.SearchStrategy[list[Image]]:
    return st.lists(images(), min_size=1, max_size=2)


def providers(**fixed: Any) -> st.SearchStrategy[Provider]:
    """Valid [`Provider`][articlekit.Provider] parts: ``name``, and sometimes ``domain`` and logo ``images``.

    Shrinks toward ``{name: "0"}``.
    """
    fields = {"name": _req(line_text(1, 30)), "domain": _opt(domains()), "images": _opt(_logos())}
    return _model_strategy(Provider, fields, fixed)


def authors(**fixed: Any) -> st.SearchStrategy[Author]:
    """Valid `Author` parts; shrinks toward ``{name: "0"}``."""
    return _model_strategy(Author, {"name": _req(line_text(1, 30))}, fixed)


def content_providers(**fixed: Any) -> st.SearchStrategy[ContentProvider]:
    """Valid `ContentProvider` parts (a provider with ``authors``).

    Shrinks toward ``{name: "0"}``.
    """
    fields = {
        "name": _req(line_text(1, 30)),
        "domain": _opt(domains()),
        "images": _opt(_logos()),
        "authors": _opt(st.lists(authors(), min_size=1, max_size=3)),
    }
    return _model_strategy(ContentProvider, fields, fixed)


def ratings(**fixed: Any) -> st.SearchStrategy[Ratings]:
    """Valid `Ratings`: ``count`` of 0 or more, ``average`` from 0 to 5.

    Shrinks toward ``{count: 0, average: 0.0}``.
    """
    fields = {
        "count": _req(st.integers(0, 10**6)),
        "average": _req(st.floats(0, 5, allow_nan=False, allow_infinity=False)),
    }
    return _model_strategy(Ratings, fields, fixed)


def _twitter_adjust(draw: Draw, values: dict[str, Any], fixed: Mapping[str, Any]) -> dict[str, Any]:
    username = values.get("username")
    if "url" not in fixed and username is not None and draw(st.booleans()):
        host = draw(st.sampled_from(["twitter.com", "www.twitter.com", "x.com"]))
        values["url"] = f"https://{host}/{username}"
    return values


def twitter_accounts(**fixed: Any) -> st.SearchStrategy[Twitter]:
    """Valid `Twitter` accounts: a handle, its address on twitter.com, followers.

    Shrinks toward an empty mapping.
    """
    fields = {"username": _opt(handles()), "url": _Field(None), "followers": _opt(st.integers(0, 10**8))}
    return _model_strategy(Twitter, fields, fixed, _twitter_adjust)


def linkedin_profiles(**fixed: Any) -> st.SearchStrategy[LinkedIn]:
    """Valid `LinkedIn` profiles on ``linkedin.com``; shrinks toward ``/in/0``."""
    url = st.builds(
        lambda host, kind, slug: f"https://{host}/{kind}/{slug}",
        st.sampled_from(["www.linkedin.com", "linkedin.com", "uk.linkedin.com"]),
        st.sampled_from(["in", "company", "public-profile/in"]),
        slugs(),
    )
    return _model_strategy(LinkedIn, {"url": _req(url)}, fixed)


def actions(**fixed: Any) -> st.SearchStrategy[Action]:
    """Valid `Action` entries of a download; shrinks toward a bare ``url``."""
    fields = {
        "url": _req(urls()),
        "type": _opt(st.sampled_from(["download", "link", "view"])),
        "title": _opt(line_text(0, 30)),
        "attribution": _opt(line_text(0, 30)),
    }
    return _model_strategy(Action, fields, fixed)


def _news_type() -> st.SearchStrategy[str]:
    return st.sampled_from(["article", "video"])


def related_items(**fixed: Any) -> st.SearchStrategy[RelatedItem]:
    """Valid [`RelatedItem`][articlekit.RelatedItem] summaries (no ``related``, no ``secured``).

    Shrinks toward ``{title: "0", webUrl: <a short URL>}``.
    """
    fields = {
        "title": _req(titles()),
        "excerpt": _opt(multiline_text()),
        "published_date_time": _opt(past_datetimes()),
        "web_url": _req(urls()),
        "type": _opt(_news_type()),
        "provider": _opt(providers()),
        "quality": _opt(st.integers(0, 100)),
        "images": _opt(st.lists(images(), min_size=1, max_size=2)),
    }
    return _model_strategy(RelatedItem, fields, fixed)


def _featured_content() -> st.SearchStrategy[str]:
    iframe = st.builds(
        lambda v: (
            f'<iframe width="560" height="315" src="https://www.youtube.com/embed/{v}" '
            'frameborder="0" allowfullscreen></iframe>'
        ),
        slugs(),
    )
    return st.one_of(iframe, multiline_text())
