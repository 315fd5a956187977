"""Helpers shared by the rule modules: walking the data, URLs, host names, dates.

Nothing here raises for bad content: every helper takes plain data of any type
and answers ``None`` (or yields nothing) for values of the wrong type.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any, TypeVar
from urllib.parse import urlsplit

from .. import _dataindex as _di
from .._dataindex import URL_KEYS, DataIndex
from ..issues import KeyPath, format_path

__all__ = [
    "AMP_CACHE_SUFFIX",
    "NOT_PLAIN",
    "UNSEEN",
    "URL_KEYS",
    "DataIndex",
    "amp_cache_url",
    "build_index",
    "find_images",
    "first_host_problem",
    "first_url_problem",
    "host_problem",
    "item_list",
    "item_mappings",
    "key_name",
    "normalize_url",
    "parse_date",
    "plain_image_url",
    "remember",
    "shorten",
    "url_path",
    "url_problem",
    "utc_text",
    "walk",
]

_T = TypeVar("_T")

AMP_CACHE_SUFFIX = ".cdn.ampproject.org"
"""The host suffix of the Google AMP cache."""

_WHITESPACE = re.compile(r"[\s\x00-\x1f\x7f]")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")

# Fast paths: shapes that the general checks below would accept, recognised by
# one regular expression (tests/rules/test_fast.py proves the verdicts equal).
_ASCII_HOST = r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?"  # and see _plain_host()
_PLAIN_HOST = re.compile(_ASCII_HOST)
# what _ASCII_HOST and _plain_host() accept but the label lengths: alphanumeric runs joined by
# one "." or by hyphens (no "..", ".-", "-." and neither sign at an end); for hosts of at most 63
# characters, where the lengths hold, one match instead of two steps
_SHORT_HOST = re.compile(r"[A-Za-z0-9]++(?:(?:\.|-++)[A-Za-z0-9]++)*+")
# An http(s) URL in printable ASCII whose host (group 1, then checked by `_host_is_plain`) is
# letters, digits, "." and "-" up to "/", "?", "#" or the end; possessive: no rescans on a failure
_HOST_CHARS = r"[A-Za-z0-9.-]++"
_PLAIN_URL = re.compile(rf"https?://({_HOST_CHARS})(?![^/?#])[!-~]*+")
# An image URL of a common shape, printable ASCII throughout: http(s) with a host as in _PLAIN_URL
# (group 1), or a site path (one "/" first); group 2 is the "<W>x<H>" of a path ending in
# "-<W>x<H>.<ext>" (the path is what urlsplit() gives: it ends at the first "?" or "#").  One
# match finds what `url_path`, `size_in_name` and `image_url_problem` would find in three.
_PATH_CHAR = r'[!-"$->@-~]'  # printable ASCII but "?" and "#"
_PLAIN_IMAGE = re.compile(
    rf"(?:https?://({_HOST_CHARS})(?![^/?#])|/(?!/))"
    rf"(?:{_PATH_CHAR}*-([0-9]{{1,9}}x[0-9]{{1,9}})\.[A-Za-z0-9]+(?![^?#])|{_PATH_CHAR}*+)"
    r"[!-~]*+"
)
# URLs whose path urlsplit() cuts exactly where [?#] starts: an http(s) URL with
# a plain host, or a site path; no character urlsplit strips or removes.
_SPLIT_FAST = re.compile(
    r"(?:https?://[A-Za-z0-9.-]+(?=[/?#]|\Z)|(?=/(?!/)))(?P<path>[^?#\x00-\x20]*)[^\x00-\x20]*"
)


UNSEEN = "\x00unseen"
"""What a memo of text answers (``memo.get(key, UNSEEN)``) for a key it does not hold."""

_MEMO_SIZE = 4096
_MEMO_LONGEST = 512


_MEMOS: list[dict[str, Any]] = []
"""Every memo made by `memo`: what `forget_memos` empties."""


def memo() -> dict[str, Any]:
    """A new memo of text (a dict that `remember` fills), listed for `forget_memos`."""
    made: dict[str, Any] = {}
    _MEMOS.append(made)
    return made


def forget_memos() -> None:
    """Empty every memo of the rules' pure functions (URL, host, image and YAML 1.1 verdicts).

    The memos keep verdicts between calls, so that a URL or a host seen in one file
    is not worked out again in the next.  `python -m benchmarks` empties them before
    each timed pass over a corpus, so that every pass costs what a first pass over a
    repository costs (a file checked again is not the common case).
    """
    for made in _MEMOS:
        made.clear()


def remember(memo: dict[str, _T], key: str, value: _T) -> _T:
    """Keep ``value`` as ``memo[key]`` (when ``key`` is short) and return it.

    The memos of the pure functions below hold at most 4,096 keys of at most
    512 characters: a memo that fills up is emptied, and long texts (rare,
    and possibly large) are not kept at all.
    """
    if len(key) <= _MEMO_LONGEST:
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[key] = value
    return value


def shorten(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters (with ``...``), for messages."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def key_name(path: KeyPath) -> str:
    """How a message names the value at ``path``: ``'webUrl'`` or ``'webUrl' in related[0]``."""
    if not path:
        return "the front matter"
    last, parent = path[-1], path[:-1]
    if isinstance(last, int):
        return f"{format_path(path)}"
    return f"{last!r} in {format_path(parent)}" if parent else repr(last)


def walk(data: Any) -> Iterator[tuple[KeyPath, Any]]:
    """Every node of ``data`` with its key path, parents before children, in file order.

    Mappings' entries under keys that are not text are left out.
    """
    return iter(_node_list(data))


def _children(value: Any) -> Iterator[tuple[Any, Any]]:
    if isinstance(value, dict):
        return iter([(k, v) for k, v in value.items() if isinstance(k, str)])
    return iter(enumerate(value))


def _node_list(data: Any) -> list[tuple[KeyPath, Any]]:
    out: list[tuple[KeyPath, Any]] = [((), data)]
    append = out.append
    stack: list[tuple[KeyPath, Iterator[tuple[Any, Any]]]] = []
    if isinstance(data, dict | list):
        stack.append(((), _children(data)))
    while stack:
        path, children = stack[-1]
        for key, value in children:
            sub = (*path, key)
            append((sub, value))
            if isinstance(value, dict | list):
                stack.append((sub, _children(value)))
                break
        else:
            stack.pop()
    return out


def find_images(data: Any) -> Iterator[tuple[KeyPath, dict[str, Any]]]:
    """Every image mapping: the mapping items of every ``images`` list, at any depth.

    That is ``images``, ``provider.images``, ``related[].images``,
    ``related[].provider.images`` and whatever other mappings carry ``images``.
    """
    for path, value in walk(data):
        if path and path[-1] == "images" and isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    yield path + (i,), item


_CONTAINERS = (dict, list)
_KIND_CACHE_SIZE = 4096
_key_kinds: dict[Any, int] = {}


def _key_kind(key: Any) -> int:
    """What the index does with a value under ``key``: `key_kind`'s answer for text, -1 for any other key."""
    kind = _di.key_kind(key) if isinstance(key, str) else -1
    if len(_key_kinds) < _KIND_CACHE_SIZE:
        _key_kinds[key] = kind
    return kind


def build_index(data: Any) -> DataIndex:
    """The `DataIndex` of ``data``: one walk (without recursion), whatever the rules need from it.

    The walk lists what the fast YAML parser lists while it parses (every
    mapping, and each key that the index reads with its mapping), and
    `articlekit._dataindex.index_of` builds the index from that, as it does
    for the parser: one builder for both paths.
    """
    if not isinstance(data, _CONTAINERS):
        return DataIndex()
    mappings: list[dict[Any, Any]] = []
    special: list[tuple[int, KeyPath, str, dict[str, Any]]] = []
    kinds = _key_kinds
    # open containers, innermost last: (path, container, its remaining entries)
    stack: list[tuple[KeyPath, Any, Iterator[tuple[Any, Any]]]] = []
    if isinstance(data, dict):
        mappings.append(data)
        stack.append(((), data, iter(data.items())))
    else:
        stack.append(((), None, enumerate(data)))
    while stack:
        path, mapping, entries = stack[-1]
        for key, value in entries:
            if mapping is not None:
                kind = kinds.get(key)
                if kind is None:
                    kind = _key_kind(key)
                if kind < 0:
                    continue  # not a text key: walk() leaves it out
                if kind:
                    special.append((kind, path, key, mapping))
            if isinstance(value, dict):
                mappings.append(value)
                stack.append(((*path, key), value, iter(value.items())))
                break
            if isinstance(value, list):
                stack.append(((*path, key), None, enumerate(value)))
                break
        else:
            stack.pop()
    return _di.index_of(mappings, special)


def item_list(data: Any) -> list[tuple[KeyPath, dict[str, Any]]]:
    """What `item_mappings` gives, as a list (made without a generator: `Context.items`)."""
    if not isinstance(data, dict):
        return []
    related = data.get("related")
    if not isinstance(related, list):
        return [((), data)]
    return [((), data), *[(("related", i), item) for i, item in enumerate(related) if isinstance(item, dict)]]


def item_mappings(data: Any) -> Iterator[tuple[KeyPath, dict[str, Any]]]:
    """The front matter itself and each mapping in its ``related`` list."""
    if not isinstance(data, dict):
        return
    yield (), data
    related = data.get("related")
    if isinstance(related, list):
        for i, item in enumerate(related):
            if isinstance(item, dict):
                yield ("related", i), item


def url_problem(value: str) -> str | None:
    """Why ``value`` is not an absolute http(s) URL with a host, or ``None`` when it is.

    >>> url_problem("https://example.com/a?b=1") is None
    True
    >>> url_problem("example.com/a")
    'it has no scheme (start it with https://)'
    """
    problem = _URL_PROBLEM_CACHE.get(value, UNSEEN)
    if problem is UNSEEN:
        problem = first_url_problem(value)
    return problem


_URL_PROBLEM_CACHE: dict[str, str | None] = memo()  # url_problem() of recent values
_HOST_PROBLEM_CACHE: dict[str, str | None] = memo()  # host_problem() of recent values
_IMAGE_SIZE_CACHE: dict[str, tuple[int, int] | None] = memo()  # image_size.size_in_name() of recent URLs
_IMAGE_PROBLEM_CACHE: dict[str, str | None] = memo()  # image_url.image_url_problem() of recent URLs
_SIZE_TEXTS: dict[str, tuple[int, int]] = memo()  # (W, H) of recent "<W>x<H>" texts of image URLs


def first_url_problem(value: str) -> str | None:
    """`url_problem(value)` worked out and remembered: what `url_problem` does when its memo
    does not hold ``value`` (a rule that has read the memo itself calls this)."""
    m = _PLAIN_URL.fullmatch(value)
    # None for the common shape: http(s), a plain ASCII host, printable ASCII
    problem = None if m is not None and _good_host(m[1]) else _url_problem(value)
    return remember(_URL_PROBLEM_CACHE, value, problem)


def _good_host(host: str) -> bool:
    """Whether ``host_problem(host)`` is ``None`` as far as its memo or the plain shape tell
    (``False``: not known to be good; the full checks decide), remembering a plain host."""
    known = _HOST_PROBLEM_CACHE.get(host, UNSEEN)
    if known is UNSEEN and _host_is_plain(host):
        known = remember(_HOST_PROBLEM_CACHE, host, None)
    return known is None


def _plain_host(host: str) -> bool:
    """Whether ``host``, which matches ``_ASCII_HOST``, is a valid host name: labels of 1 to 63
    letters, digits and inner hyphens, at most 253 characters in all."""
    return (
        len(host) <= 253
        and ".." not in host
        and ".-" not in host
        and "-." not in host
        and (len(host) <= 63 or max(map(len, host.split("."))) <= 63)
    )


def _url_problem(value: str) -> str | None:
    """`url_problem` without its fast path: every check, in order."""
    if not value:
        return "it is empty"
    if _WHITESPACE.search(value):
        return "it contains whitespace or control characters"
    try:
        parts = urlsplit(value)
        port = parts.port
        host = parts.hostname
    except ValueError as exc:
        return f"it cannot be read as a URL ({exc})"
    del port
    scheme = parts.scheme.lower()
    if value.startswith("//"):
        return "it has no scheme (start it with https:)"
    if scheme and "." not in scheme and scheme not in ("http", "https"):
        return f"its scheme is {parts.scheme!r}, not http or https"
    if scheme in ("http", "https") and not value[len(scheme) + 1 :].startswith("//"):
        return f"'//' and a host must follow '{parts.scheme}:'"
    if scheme not in ("http", "https"):
        return "it has no scheme (start it with https://)"
    if not host:
        return "it has no host"
    if not host.startswith("[") and ":" not in host and host_problem(host) is not None:
        return f"its host {host!r} is not a valid host name"
    return None


def host_problem(value: str) -> str | None:
    """Why ``value`` is not a valid host name (IDNA allowed), or ``None`` when it is.

    >>> host_problem("businessinsider.com") is None
    True
    >>> host_problem("bücher.example") is None
    True
    >>> host_problem("https://example.com")
    "it has a scheme ('https://'): give the host name alone"
    """
    problem = _HOST_PROBLEM_CACHE.get(value, UNSEEN)
    if problem is UNSEEN:
        problem = first_host_problem(value)
    return problem


def first_host_problem(value: str) -> str | None:
    """`host_problem(value)` worked out and remembered: what `host_problem` does when its memo
    does not hold ``value`` (a rule that has read the memo itself calls this)."""
    problem = None if _host_is_plain(value) else _host_problem(value)  # None: plain ASCII labels
    return remember(_HOST_PROBLEM_CACHE, value, problem)


def _host_is_plain(value: str) -> bool:
    """Whether ``value`` is a host name of plain ASCII labels (`host_problem` answers ``None``)."""
    if len(value) <= 63:  # no label is too long: the shape alone decides
        return _SHORT_HOST.fullmatch(value) is not None
    return _PLAIN_HOST.fullmatch(value) is not None and _plain_host(value)


def _host_problem(value: str) -> str | None:
    """`host_problem` without its fast path: every check, in order."""
    if not value:
        return "it is empty"
    if "://" in value:
        return f"it has a scheme ({value.split('://', 1)[0] + '://'!r}): give the host name alone"
    if _WHITESPACE.search(value):
        return "it contains whitespace or control characters"
    for sign, what in (("/", "a path"), ("?", "a query"), ("#", "a fragment"), ("@", "user information")):
        if sign in value:
            return f"it has {what} ({sign!r}): give the host name alone"
    if ":" in value:
        return "it has a port (':'): give the host name alone"
    if len(value) > 253:
        return f"it is {len(value)} characters long; a host name has at most 253"
    for label in value.split("."):
        if not label:
            return "it has an empty label (two dots in a row, or a dot at the start or end)"
        ascii_label = label
        if not label.isascii():
            try:
                ascii_label = label.encode("idna").decode("ascii")
            except UnicodeError:
                return f"its label {label!r} is not a valid internationalised (IDNA) label"
        if not _LABEL.fullmatch(ascii_label):
            return (
                f"its label {label!r} is not a valid label (letters, digits and inner hyphens, "
                "at most 63 characters)"
            )
    return None


def url_path(url: str) -> str:
    """The path of ``url`` as `urllib.parse.urlsplit` gives it, or ``url`` when it cannot be split.

    >>> url_path("https://example.com/a/b.png?w=1#x")
    '/a/b.png'
    >>> url_path("/assets/logo.png")
    '/assets/logo.png'
    """
    m = _SPLIT_FAST.fullmatch(url)
    if m is not None:
        return m.group("path")
    return _url_path(url)


def _url_path(url: str) -> str:
    """`url_path` without its fast path."""
    try:
        return urlsplit(url).path
    except ValueError:
        return url


NOT_PLAIN = (-1, -1)
"""What `plain_image_url` answers for a URL that is not of a common shape."""


def plain_image_url(url: str) -> tuple[int, int] | None:
    """For an image URL of a common shape, ``size_in_name(url)``, with that and ``image_url_problem(url)``
    (``None``) remembered in their memos; `NOT_PLAIN` (nothing remembered) for any other URL.

    The common shapes, in printable ASCII: a site path (``/assets/a-50x50.jpg``) and an http(s)
    URL with a valid plain host (``https://example.com/a-50x50.jpg?v=1``).  One match gives both
    verdicts, so that image-size and image-url do not each work out a first verdict: what
    `url_path`, the size pattern and the URL checks find, and nothing else
    (tests/test_url_verdicts_first_pass.py compares them).
    """
    m = _PLAIN_IMAGE.fullmatch(url)
    if m is None:
        return NOT_PLAIN
    host = m[1]
    if host is not None and not _good_host(host):
        return NOT_PLAIN
    text = m[2]
    size = None
    if text is not None:
        size = _SIZE_TEXTS.get(text)
        if size is None:
            width, _, height = text.partition("x")
            size = remember(_SIZE_TEXTS, text, (int(width), int(height)))
    remember(_IMAGE_PROBLEM_CACHE, url, None)
    return remember(_IMAGE_SIZE_CACHE, url, size)


def normalize_url(value: str) -> str:
    """``value`` with its scheme and host in lower case, for comparing URLs."""
    try:
        parts = urlsplit(value)
    except ValueError:
        return value
    if not parts.scheme or not parts.netloc:
        return value
    return parts._replace(scheme=parts.scheme.lower(), netloc=parts.netloc.lower()).geturl()


def amp_cache_url(amp_url: str) -> str | None:
    """The Google AMP cache form of ``amp_url``, or ``None`` when it is not an http(s) URL.

    The cache host is the URL's host with ``-`` doubled, then ``.`` turned into
    ``-``, under ``cdn.ampproject.org``; the path is ``c/s/`` (``c/`` for an
    http URL) followed by the host, path and query of the AMP URL:

    >>> amp_cache_url("https://www.example-news.com/a/b?amp")
    'https://www-example--news-com.cdn.ampproject.org/c/s/www.example-news.com/a/b?amp'
    >>> amp_cache_url("http://example.com/amp/")
    'https://example-com.cdn.ampproject.org/c/example.com/amp/'
    """
    if url_problem(amp_url) is not None:
        return None
    parts = urlsplit(amp_url)
    host = parts.hostname or ""
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    cache_host = host.lower().replace("-", "--").replace(".", "-")
    prefix = "c/s/" if parts.scheme.lower() == "https" else "c/"
    rest = parts.netloc.rsplit("@", 1)[-1] + parts.path + (f"?{parts.query}" if parts.query else "")
    return f"https://{cache_host}{AMP_CACHE_SUFFIX}/{prefix}{rest}"


def parse_date(value: Any) -> datetime | None:
    """A date and time from YAML (``datetime``) or an ISO 8601 string; ``None`` otherwise."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, str):
        from dateutil.parser import isoparse  # imported on first use: most dates are YAML timestamps

        try:
            return isoparse(value.strip())
        except (ValueError, OverflowError):
            return None
    return None


def utc_text(value: datetime) -> str:
    """An aware ``value`` in the canonical form ``YYYY-MM-DDTHH:MM:SSZ``.

    Dates that cannot be moved to UTC (at the very ends of the calendar) are
    given in ISO 8601 with their own offset instead.

    >>> utc_text(datetime(2020, 8, 11, 15, 41, tzinfo=timezone.utc))
    '2020-08-11T15:41:00Z'
    """
    try:
        return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (OverflowError, ValueError):
        return value.isoformat()
