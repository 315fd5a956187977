"""Strategies for valid models: every kind of document and every part.

Each strategy takes ``**fixed`` keyword arguments that pin fields by their
Python attribute names, to a value or to a strategy to draw from.  Names are
checked at once; pinned values are checked at once against the field's type
(and, for whole documents, by writing a minimal document with them and
running [`articlekit.check`][articlekit.check]).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hypothesis import strategies as st

from ..models import (
    Article,
    Collection,
    Course,
    Download,
    Forum,
    Organization,
    Profile,
    Video,
)
from ..rules._common import amp_cache_url, normalize_url
from ..rules.kind_levels import KNOWN_LEVELS
from ._fields import (
    MINIMAL,
    Draw,
    _Field,
    _model_strategy,
    _opt,
    _req,
    check_fixed,
)
from ._parts import (
    _featured_content,
    _news_type,
    actions,
    authors,
    content_providers,
    images,
    linkedin_profiles,
    providers,
    ratings,
    related_items,
    twitter_accounts,
)
from ._primitives import (
    domains,
    durations,
    heats,
    line_text,
    multiline_text,
    past_datetimes,
    secured_values,
    site_paths,
    titles,
    topic_lists,
    urls,
)

__all__ = [
    "MINIMAL",
    "actions",
    "articles",
    "authors",
    "check_fixed",
    "collections",
    "content_providers",
    "courses",
    "downloads",
    "forums",
    "images",
    "linkedin_profiles",
    "organizations",
    "profiles",
    "providers",
    "ratings",
    "related_items",
    "twitter_accounts",
    "videos",
]


# -- the news item ----------------------------------------------------------------------

_RELATED_MAX = 4


_URLS = urls()


def _article_adjust(draw: Draw, values: dict[str, Any], fixed: Mapping[str, Any]) -> dict[str, Any]:
    # webUrl, originalUrl or both (AK702)
    if "web_url" not in fixed and "original_url" not in fixed:
        which = draw(st.sampled_from(["web", "original", "both"]))
        if which in ("web", "both"):
            values["web_url"] = draw(_URLS)
        if which in ("original", "both"):
            values["original_url"] = draw(_URLS)
    elif "web_url" not in fixed:
        if values.get("original_url") is None or draw(st.booleans()):
            values["web_url"] = draw(_URLS)
    elif "original_url" not in fixed and (values.get("web_url") is None or draw(st.booleans())):
        values["original_url"] = draw(_URLS)
    # cdnAmpWebUrl only with ampWebUrl, in its AMP-cache form (AK703, AK704)
    amp = values.get("amp_web_url")
    if "cdn_amp_web_url" not in fixed and isinstance(amp, str) and draw(st.booleans()):
        values["cdn_amp_web_url"] = amp_cache_url(amp)
    # a news item is recognised by 'category: news' (whatever its type) or by 'type: article':
    # without either it matches no kind (AK901), and 'type: video' alone is a Video
    if values.get("category") is None and values.get("type") != "article":
        if "category" not in fixed:
            values["category"] = "news"
        elif "type" not in fixed:
            values["type"] = "article"
    # a related item is never the article itself, nor listed twice (AK603, AK604)
    related = values.get("related")
    if related and "related" not in fixed:
        own = {normalize_url(values[k]) for k in ("web_url", "original_url") if values.get(k)}
        values["related"] = [r for r in related if normalize_url(r.web_url) not in own]
    return values


def articles(**fixed: Any) -> st.SearchStrategy[Article]:
    """Valid [`Article`][articlekit.Article] models (news items) that load, write and check with no issue.

    Every optional field is sometimes present and sometimes absent.  Text is
    unicode (no characters YAML or the splitter refuse); ``webUrl``,
    ``originalUrl`` or both are present; ``cdnAmpWebUrl`` comes only with
    ``ampWebUrl`` and is its AMP-cache form; image sizes match ``-WxH`` file
    names; ``related`` items are unique and never the article itself;
    ``secured`` is well-formed random bytes; dates are in the past, in UTC.

    Keyword arguments pin fields by Python attribute name, to a value or to a
    strategy: ``articles(title="Hello", quality=st.integers(0, 10))``.
    ``None`` pins an optional field to absent.  Unknown names and invalid
    pinned values raise `hypothesis.errors.InvalidArgument` at once.

    Every article names its kind: `category: news`, or `type: article` without a category.

    Shrinks toward the minimal valid article: ``category: news``, ``title: "0"``,
    ``publishedDateTime: 2000-01-01T00:00:00Z``, a short ``webUrl`` and the
    all-zero ``secured`` value, with no optional field.
    """
    fields = {
        "category": _opt(st.just("news")),
        "title": _req(titles()),
        "excerpt": _opt(multiline_text()),
        "published_date_time": _req(past_datetimes()),
        "original_url": _Field(None),
        "web_url": _Field(None),
        "amp_web_url": _opt(urls()),
        "cdn_amp_web_url": _Field(None),
        "type": _opt(_news_type()),
        "quality": _opt(st.integers(0, 100)),
        "heat": _opt(heats()),
        "published": _opt(st.booleans()),
        "featured_content": _opt(_featured_content()),
        "provider": _opt(providers()),
        "topics": _opt(topic_lists()),
        "images": _opt(st.lists(images(), max_size=3)),
        "related": _opt(
            st.lists(
                related_items(),
                min_size=1,
                max_size=_RELATED_MAX,
                unique_by=lambda r: normalize_url(r.web_url),
            )
        ),
        "secured": _req(secured_values()),
    }
    return _model_strategy(Article, fields, fixed, _article_adjust)


# -- the other kinds ----------------------------------------------------------------------

_PRICES = st.one_of(st.sampled_from(["Free", "$9.99", "€20", "Free trial"]), line_text(1, 12))


def _common(title_key: str = "title") -> dict[str, _Field]:
    return {
        title_key: _req(titles()),
        "excerpt": _opt(multiline_text()),
        "original_url": _opt(urls()),
        "web_url": _opt(urls()),
    }


def _state() -> dict[str, _Field]:
    return {
        "quality": _opt(st.integers(0, 100)),
        "heat": _opt(heats()),
        "published": _opt(st.booleans()),
        "removed": _opt(st.booleans()),
    }


def _tail(secured_required: bool = True) -> dict[str, _Field]:
    return {
        "topics": _opt(topic_lists()),
        "images": _opt(st.lists(images(), max_size=2)),
        "secured": _Field(secured_values(), required=secured_required),
    }


def _levels() -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(KNOWN_LEVELS), max_size=3, unique=True)


def videos(**fixed: Any) -> st.SearchStrategy[Video]:
    """Valid [`Video`][articlekit.Video] documents (``type: video``).

    Shrinks toward ``{title: "0", type: video, secured: <zeros>}``.
    """
    fields = {
        **_common(),
        "type": _req(st.just("video")),
        "price": _opt(_PRICES),
        "length": _opt(durations()),
        "published_date_time": _opt(past_datetimes()),
        **_state(),
        "featured_content": _opt(_featured_content()),
        "provider": _opt(content_providers()),
        **_tail(),
    }
    return _model_strategy(Video, fields, fixed)


def courses(**fixed: Any) -> st.SearchStrategy[Course]:
    """Valid [`Course`][articlekit.Course] documents (``type: course``), levels from the known ones.

    `secured` is sometimes absent, as on a few real courses.
    Shrinks toward ``{title: "0", type: course}``.
    """
    fields = {
        **_common(),
        "type": _req(st.just("course")),
        "price": _opt(_PRICES),
        "length": _opt(durations()),
        "ratings": _opt(ratings()),
        **_state(),
        "provider": _opt(content_providers()),
        "levels": _opt(_levels()),
        **_tail(secured_required=False),
    }
    return _model_strategy(Course, fields, fixed)


def collections(**fixed: Any) -> st.SearchStrategy[Collection]:
    """Valid `Collection` documents: ``items`` are unique site paths ``<section>/<slug>``.

    Shrinks toward ``{title: "0", type: collection, items: [<one path>], secured: <zeros>}``.
    """
    fields = {
        **_common(),
        "type": _req(st.just("collection")),
        "price": _opt(_PRICES),
        "length": _opt(durations()),
        **_state(),
        "provider": _opt(content_providers()),
        "levels": _opt(_levels()),
        "items": _req(st.lists(site_paths(), min_size=1, max_size=5, unique=True)),
        **_tail(),
    }
    return _model_strategy(Collection, fields, fixed)


def downloads(**fixed: Any) -> st.SearchStrategy[Download]:
    """Valid [`Download`][articlekit.Download] documents with absolute action URLs.

    Shrinks toward ``{title: "0", type: download, secured: <zeros>}``.
    """
    fields = {
        **_common(),
        "type": _req(st.just("download")),
        "price": _opt(_PRICES),
        "published_date_time": _opt(past_datetimes()),
        **_state(),
        "actions": _opt(st.lists(actions(), min_size=1, max_size=3)),
        "provider": _opt(content_providers()),
        **_tail(),
    }
    return _model_strategy(Download, fields, fixed)


def profiles(**fixed: Any) -> st.SearchStrategy[Profile]:
    """Valid [`Profile`][articlekit.Profile] documents: a Twitter URL that matches its handle, a LinkedIn URL.

    `secured` is sometimes absent, as on a few real profiles.
    Shrinks toward ``{name: "0", type: profile}``.
    """
    fields = {
        "name": _req(titles()),
        "bio": _opt(multiline_text()),
        "location": _opt(line_text(1, 30)),
        "type": _req(st.just("profile")),
        **_state(),
        "affiliation": _opt(providers()),
        "website": _opt(urls()),
        "twitter": _opt(twitter_accounts()),
        "linkedin": _opt(linkedin_profiles()),
        **_tail(secured_required=False),
    }
    return _model_strategy(Profile, fields, fixed)


def forums(**fixed: Any) -> st.SearchStrategy[Forum]:
    """Valid [`Forum`][articlekit.Forum] documents, with or without ``type: forum``.

    Shrinks toward ``{name: "0"}``.
    """
    fields = {
        **_common("name"),
        "type": _opt(st.just("forum")),
        "members": _opt(st.integers(0, 10**7)),
        **_state(),
        "provider": _opt(content_providers()),
        **_tail(secured_required=False),
    }
    return _model_strategy(Forum, fields, fixed)


def _organization_adjust(draw: Draw, values: dict[str, Any], fixed: Mapping[str, Any]) -> dict[str, Any]:
    if "id" not in fixed:
        values["id"] = values["domain"]
    return values


def organizations(**fixed: Any) -> st.SearchStrategy[Organization]:
    """Valid [`Organization`][articlekit.Organization] documents: ``_id`` equals ``domain``, a host name.

    Shrinks toward ``{taxonomy: organization, _id: a.aa, name: "0", domain: a.aa}``.
    """
    fields = {
        "taxonomy": _req(st.just("organization")),
        "id": _Field(None),
        "name": _req(line_text(1, 30)),
        "other_names": _opt(st.lists(line_text(1, 20), max_size=3)),
        "domain": _req(domains()),
        "description": _opt(multiline_text()),
        "images": _opt(st.lists(images(), max_size=2)),
    }
    return _model_strategy(Organization, fields, fixed, _organization_adjust)
