"""Strategies for valid models: every kind of document and every part.

Each strategy takes ``**fixed`` keyword arguments that pin fields by their
Python attribute names, to a value or to a strategy to draw from.  Names are
checked at once; pinned values are checked at once against the field's type
(and, for whole documents, by writing a minimal document with them and
running [`articlekit.check`][articlekit.check]).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pydantic
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from pydantic import BaseModel

from ..models import (
    Action,
    Article,
    Author,
    Collection,
    ContentProvider,
    Course,
    Download,
    Forum,
    Image,
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
from ..models.kinds import kind_of_model
from ..rules._common import amp_cache_url, normalize_url
from ..rules.image_size import size_in_name
from ..rules.kind_levels import KNOWN_LEVELS
from ..validate import error_messages
from ._primitives import (
    EXCLUDED_CHARACTERS,
    domains,
    durations,
    handles,
    heats,
    line_text,
    multiline_text,
    past_datetimes,
    secured_values,
    site_paths,
    slugs,
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

Draw = Callable[[st.SearchStrategy[Any]], Any]
Adjust = Callable[[Draw, dict[str, Any], Mapping[str, Any]], dict[str, Any]]

_MIN_SECURED = Secured(bytes(16), bytes(16))
_MIN_DATE = "2000-01-01T00:00:00Z"


@dataclass(frozen=True)
class _Field:
    """How one field is drawn: its strategy (``None``: set by the adjust step), and if it is always there."""

    strategy: st.SearchStrategy[Any] | None
    required: bool = False


def _opt(strategy: st.SearchStrategy[Any]) -> _Field:
    return _Field(strategy)


def _req(strategy: st.SearchStrategy[Any] | None) -> _Field:
    return _Field(strategy, required=True)


MINIMAL: dict[type[BaseModel], dict[str, Any]] = {
    Article: {
        "category": "news",
        "title": "x",
        "published_date_time": _MIN_DATE,
        "web_url": "https://minimal.invalid/a",
        "secured": _MIN_SECURED,
    },
    RelatedItem: {"title": "x", "web_url": "https://minimal.invalid/related"},
    Image: {"url": "/x.png", "width": 1, "height": 1},
    Provider: {"name": "x"},
    ContentProvider: {"name": "x"},
    Author: {"name": "x"},
    Ratings: {"count": 0, "average": 0.0},
    Twitter: {},
    LinkedIn: {"url": "https://www.linkedin.com/in/x"},
    Action: {"url": "https://minimal.invalid/file"},
    Video: {"title": "x", "type": "video", "secured": _MIN_SECURED},
    Course: {"title": "x", "type": "course"},
    Collection: {"title": "x", "type": "collection", "items": ["videos/x"], "secured": _MIN_SECURED},
    Download: {"title": "x", "type": "download", "secured": _MIN_SECURED},
    Profile: {"name": "x", "type": "profile"},
    Forum: {"name": "x", "type": "forum"},
    Organization: {
        "taxonomy": "organization",
        "id": "minimal.invalid",
        "name": "x",
        "domain": "minimal.invalid",
    },
}
"""The smallest valid keyword arguments of each model: what the strategies shrink toward."""



def check_fixed(model: type[BaseModel], fixed: Mapping[str, Any]) -> None:
    """Check pinned fields at once; raise `InvalidArgument` for a bad name or value.

    Names must be Python attribute names of ``model``.  Pinned values that are
    not strategies are put into the minimal model, which must validate; for a
    whole document it must also be written and checked with no error issue.
    Messages name fields by their YAML keys, as `articlekit.check` does.
    """
    fields = model.model_fields
    unknown = sorted(set(fixed) - set(fields))
    if unknown:
        aliases = {f.alias: n for n, f in fields.items() if f.alias}
        hints = [f"{u!r} (did you mean {aliases[u]!r}?)" if u in aliases else repr(u) for u in unknown]
        raise InvalidArgument(
            f"{model.__name__} has no field {', '.join(hints)}; pin fields by their Python names: "
            f"{', '.join(sorted(fields))}"
        )
    values = {k: v for k, v in fixed.items() if not isinstance(v, st.SearchStrategy)}
    if not values:
        return
    problem = _pinned_problem(model, fixed, values, strict=False)
    if problem is not None:
        raise InvalidArgument(problem)


def _pinned_problem(
    model: type[BaseModel], fixed: Mapping[str, Any], values: Mapping[str, Any], *, strict: bool
) -> str | None:
    """Why ``values`` (pinned, among the names in ``fixed``) cannot be part of a valid ``model``, or ``None``.

    The values go into the minimal model, which must validate; a whole document
    is also written and checked: it must have no error (``strict``: no issue at all,
    for values drawn from a pinned strategy, since `documents` promises files with no issue).
    """
    fields = model.model_fields
    for name, value in values.items():
        if value is None and fields[name].is_required():
            return f"{model.__name__}.{name} is required: it cannot be pinned to None"
        char = _unwritable(value)
        if char is not None:
            return (
                f"{model.__name__}.{name} holds U+{ord(char):04X} ({unicodedata.name(char, 'a control')}), "
                "a character generated files never hold (surrogates, controls, line and paragraph "
                "separators and EXCLUDED_CHARACTERS; a line break only where text may have one)"
            )
    kwargs = {**MINIMAL[model], **values}
    if model is Article and "category" in fixed and kwargs.get("category") is None and "type" not in fixed:
        kwargs["type"] = "article"  # as articles() does: a news item without a category
    if model is Organization and "domain" in values and "id" not in fixed:
        kwargs["id"] = values["domain"]
    if model is Article and "amp_web_url" in values and "cdn_amp_web_url" not in fixed:
        kwargs["cdn_amp_web_url"] = None
    if model is Image and isinstance(values.get("url"), str) and not {"width", "height"} & set(fixed):
        size = size_in_name(values["url"])  # a size in the name sets width and height (see images())
        if size is not None:
            kwargs["width"], kwargs["height"] = size
    kwargs = {k: v for k, v in kwargs.items() if v is not None}
    if model is Article and "web_url" not in kwargs and "original_url" not in kwargs:
        # a pinned None or a pinned strategy: the other URL (or the strategy) supplies one
        other = (
            "original_url" if "original_url" not in values else "web_url" if "web_url" not in values else None
        )
        if other is not None:
            kwargs[other] = "https://minimal.invalid/other"
    try:
        instance = model(**kwargs)
    except pydantic.ValidationError as exc:
        return f"pinned values do not make a valid {model.__name__}: " + "; ".join(error_messages(exc, model))
    if model is Image:
        return _image_problem(instance)  # type: ignore[arg-type]
    if kind_of_model(model) is not None:  # a whole document
        from ..api import check
        from ..document import Document
        from ..writer import WriteError, dumps

        try:
            text = dumps(Document(meta=instance))
        except WriteError as exc:
            return f"pinned values cannot be written: {exc}"
        issues = [str(i) for i in check(text) if strict or i.is_error]
        if issues:
            return f"pinned values make an invalid {model.__name__}: " + "; ".join(issues)
    return None


_UNWRITABLE = re.compile(
    f"[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f\\ud800-\\udfff\\u2028\\u2029{EXCLUDED_CHARACTERS}]"
)
"""What the strategies' own text never holds: surrogates (Cs), controls (Cc) but the line feed,
line and paragraph separators (Zl, Zp), and `EXCLUDED_CHARACTERS`."""


def _unwritable(value: Any) -> str | None:
    """The first character of ``value``'s text (at any depth) that generated files never hold, or ``None``."""
    if isinstance(value, str):
        found = _UNWRITABLE.search(value)
        return found.group() if found else None
    if isinstance(value, BaseModel):
        value = value.model_dump(by_alias=True, exclude_none=True)
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if isinstance(value, list | tuple):
        for item in value:
            char = _unwritable(item)
            if char is not None:
                return char
    return None


def _image_problem(image: Image) -> str | None:
    size = size_in_name(image.url)
    if size is not None and size != (image.width, image.height):
        return (
            f"the image URL {image.url!r} names the size {size[0]}x{size[1]}, "
            f"but width and height are {image.width}x{image.height} (rule AK401)"
        )
    return None


def _valid_pinned(
    model: type[BaseModel], name: str, strategy: st.SearchStrategy[Any]
) -> st.SearchStrategy[Any]:
    """``strategy``, pinned to the field ``name``, without the values that break a rule or make an issue.

    Plain pinned values are checked once (`check_fixed`); values a pinned
    strategy draws are checked the same way, each, and those with a problem
    are left out (e.g. a title with a line break from ``st.text()``).
    """

    seen: dict[str, bool] = {}  # by repr(): shrinking draws the same values again

    def fits(value: Any) -> bool:
        key = repr(value)
        ok = seen.get(key)
        if ok is None:
            ok = _pinned_problem(model, {name: value}, {name: value}, strict=True) is None
            if len(seen) < 4096:
                seen[key] = ok
        return ok

    return strategy.filter(fits)


def _model_strategy(
    model: type[BaseModel],
    fields: dict[str, _Field],
    fixed: Mapping[str, Any],
    adjust: Adjust | None = None,
) -> st.SearchStrategy[Any]:
    check_fixed(model, fixed)
    pinned = {
        name: _valid_pinned(model, name, value) if isinstance(value, st.SearchStrategy) else value
        for name, value in fixed.items()
    }

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        values: dict[str, Any] = {}
        for name, spec in fields.items():
            if name in pinned:
                value = pinned[name]
                if isinstance(value, st.SearchStrategy):
                    value = draw(value)
                if value is not None:
                    values[name] = value
                continue
            if spec.strategy is None:
                continue
            if spec.required or draw(st.booleans()):
                values[name] = draw(spec.strategy)
        if adjust is not None:
            values = adjust(draw, values, pinned)
        try:
            return model(**values)
        except pydantic.ValidationError as exc:
            raise InvalidArgument(
                f"the values drawn for {model.__name__} are not valid: "
                + "; ".join(error_messages(exc, model))
            ) from None

    return build()


# -- parts -----------------------------------------------------------------------------

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
