"""Building blocks: text YAML can hold, URLs, host names, dates, ``secured`` bytes."""

from __future__ import annotations

from datetime import datetime, timezone

from hypothesis import strategies as st

from ..models import Secured
from ..models._fields import HEAT_MAX, HEAT_MIN
from ..rules._common import amp_cache_url

__all__ = [
    "EXCLUDED_CHARACTERS",
    "LAST_DATE",
    "amp_pairs",
    "domains",
    "durations",
    "handles",
    "heats",
    "line_text",
    "multiline_text",
    "past_datetimes",
    "secured_values",
    "site_paths",
    "slugs",
    "titles",
    "topic_lists",
    "urls",
]

EXCLUDED_CHARACTERS = "\ufeff\ufffe\uffff\x85\u2028\u2029"
"""Characters never generated, besides surrogates (Cs), controls (Cc) and line/paragraph separators.

The splitter reports surrogates (AK107), a BOM after the start (AK108) and
controls and U+FFFE/U+FFFF (AK109); YAML reads NEL, LS and PS as line breaks.
"""

_CHARS = st.characters(
    codec="utf-8",
    exclude_categories=("Cs", "Cc", "Zl", "Zp"),
    exclude_characters=EXCLUDED_CHARACTERS,
)
_WORDS = (
    "AI", "Power Apps", "cloud", "Microsoft", "Finland", "prison", "course", "data",
    "Café", "naïve", "東京", "Ελληνικά", "emoji 🤖", "it's", 'say "hi"', "a: b", "#1", "yes",
    "null", "10:00", "- dash", "[x]", "50%", "C:\\path", "~",
)  # fmt: skip
_LOWER = "abcdefghijklmnopqrstuvwxyz"
_ALNUM = _LOWER + "0123456789"

LAST_DATE = datetime(2024, 12, 31, 23, 59, 59, tzinfo=timezone.utc)
"""The latest date generated: far enough in the past never to be "in the future" (AK802)."""
_FIRST_DATE = datetime(2000, 1, 1)


def line_text(min_size: int = 0, max_size: int = 40) -> st.SearchStrategy[str]:
    """One line of text: any character YAML and the splitter accept, or a few tricky words.

    Shrinks toward ``""`` (or ``"0"`` when ``min_size`` is 1).
    """
    words = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4).map(" ".join)
    return st.one_of(st.text(_CHARS, min_size=min_size, max_size=max_size), words)


def multiline_text(max_size: int = 80) -> st.SearchStrategy[str]:
    """Text that may hold line breaks (``\\n``); written in double quotes with ``\\n`` escapes."""
    return st.one_of(line_text(0, max_size), st.text(st.one_of(_CHARS, st.just("\n")), max_size=max_size))


def titles() -> st.SearchStrategy[str]:
    """A non-empty one-line title."""
    return line_text(1, 60)


def topic_lists(max_size: int = 4) -> st.SearchStrategy[list[str]]:
    """Topics: non-blank, none repeated (compared as the rule AK853 does)."""
    topic = line_text(1, 20).filter(lambda s: s.strip() != "")
    return st.lists(topic, max_size=max_size, unique_by=lambda s: s.strip().casefold())


def _label(max_size: int = 12) -> st.SearchStrategy[str]:
    longer = st.builds(
        lambda a, mid, b: a + mid + b,
        st.sampled_from(_ALNUM),
        st.text(_ALNUM + "-", max_size=max_size),
        st.sampled_from(_ALNUM),
    )
    return st.one_of(st.sampled_from(_ALNUM), longer)


def domains() -> st.SearchStrategy[str]:
    """An ASCII host name such as ``news.example-site.com``; shrinks toward ``a.aa``."""
    tld = st.text(_LOWER, min_size=2, max_size=6)
    return st.builds(
        lambda labels, top: ".".join([*labels, top]), st.lists(_label(), min_size=1, max_size=3), tld
    )


def _path_segment() -> st.SearchStrategy[str]:
    return st.text(_ALNUM + "ABCDEFGHIJKLMNOPQRSTUVWXYZ-._~", min_size=1, max_size=16)


def _query() -> st.SearchStrategy[str]:
    pair = st.builds(
        lambda k, v: f"{k}={v}", st.text(_LOWER, min_size=1, max_size=6), st.text(_ALNUM, max_size=8)
    )
    return st.one_of(
        st.just(""),
        st.sampled_from(["?amp", "?amp=1", "?output=amp"]),
        st.lists(pair, min_size=1, max_size=3).map(lambda ps: "?" + "&".join(ps)),
    )


def urls(schemes: tuple[str, ...] = ("https", "http")) -> st.SearchStrategy[str]:
    """An absolute http(s) URL with a host, a path and sometimes a query."""
    return st.builds(
        lambda scheme, host, segments, slash, query: (
            f"{scheme}://{host}/{'/'.join(segments)}" + ("/" if slash and segments else "") + query
        ),
        st.sampled_from(schemes),
        domains(),
        st.lists(_path_segment(), max_size=4),
        st.booleans(),
        _query(),
    )


def amp_pairs() -> st.SearchStrategy[tuple[str, str]]:
    """``(ampWebUrl, cdnAmpWebUrl)``: an AMP URL and its AMP-cache form (rule AK704)."""

    def pair(url: str) -> tuple[str, str]:
        cdn = amp_cache_url(url)
        assert cdn is not None
        return url, cdn

    return urls().map(pair)


def past_datetimes() -> st.SearchStrategy[datetime]:
    """A UTC date and time in whole seconds between 2000 and 2024; shrinks toward 2000-01-01."""
    return st.datetimes(
        min_value=_FIRST_DATE, max_value=LAST_DATE.replace(tzinfo=None), timezones=st.just(timezone.utc)
    ).map(lambda d: d.replace(microsecond=0))


def secured_values() -> st.SearchStrategy[Secured]:
    """A well-formed ``secured`` value: 1 to 8 random 16-byte ciphertext blocks and a random 16-byte IV.

    The bytes are random, not a real encryption, so no ``cryptography`` is
    needed; the value has the right structure (AK501 to AK504 never apply) but
    decrypts with no key.  Shrinks toward one block of zeros and a zero IV
    (``"AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAAAAAAAA=="``).
    """
    ciphertext = st.integers(1, 8).flatmap(lambda n: st.binary(min_size=16 * n, max_size=16 * n))
    return st.builds(Secured, ciphertext, st.binary(min_size=16, max_size=16))


def slugs() -> st.SearchStrategy[str]:
    """A slug: letters, digits, ``.``, ``_`` and ``-``, starting with a letter or digit."""
    return st.builds(
        lambda first, rest: first + rest,
        st.sampled_from(_ALNUM),
        st.text(_ALNUM + "ABCDEFGHIJKLMNOPQRSTUVWXYZ._-", max_size=30),
    ).filter(lambda s: not s.lower().endswith((".md", ".html", ".htm")))


def site_paths() -> st.SearchStrategy[str]:
    """A collection item: ``<section>/<slug>`` (rule AK904)."""
    section = st.one_of(st.sampled_from(["videos", "courses", "downloads", "news"]), _label(8))
    return st.builds(lambda s, slug: f"{s}/{slug}", section, slugs())


def handles() -> st.SearchStrategy[str]:
    """A Twitter handle: 1 to 15 letters, digits or ``_``."""
    return st.text(_ALNUM + "ABCDEFGHIJKLMNOPQRSTUVWXYZ_", min_size=1, max_size=15)


def heats() -> st.SearchStrategy[int]:
    """A `heat`: any signed 32-bit integer, often small, sometimes negative or one of the extremes.

    Real courses and collections have negative heat, down to -2147483648.
    Shrinks toward 0.
    """
    return st.one_of(
        st.integers(-100, 100),
        st.sampled_from([HEAT_MIN, HEAT_MAX]),
        st.integers(HEAT_MIN, HEAT_MAX),
    )


def durations() -> st.SearchStrategy[str]:
    """An ISO 8601 duration such as ``PT13M34S`` or ``PT1H`` (rule AK902)."""
    part = st.one_of(st.none(), st.integers(0, 99))
    return st.tuples(part, part, part).map(
        lambda hms: (
            "PT"
            + "".join(f"{v}{u}" for v, u in zip(hms, "HMS", strict=True) if v is not None)
            + ("0S" if all(v is None for v in hms) else "")
        )
    )
