"""Generators of rule problems: related items (AK6xx), URLs and hosts (AK7xx), dates and text (AK8xx)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from ...models import (
    Article,
    Collection,
    Course,
    Download,
    Forum,
    Profile,
    Video,
)
from ...rules._common import amp_cache_url, normalize_url
from .._render import Raw, double_quoted
from ._base import (
    _AMP_PAIR,
    _DOMAIN,
    _PROVIDED,
    _PROVIDER,
    _RELATED,
    _SECURED_VALUE,
    _TITLE_TEXT,
    _TITLED,
    _TOPICAL,
    _URL,
    Draw,
    _at,
    _Doc,
    _doc,
    _ensure,
    _get,
    _join,
    _paths,
    _render,
    _set,
)
from ._schema import _date_paths

# -- related items (AK6xx) ----------------------------------------------------------------------


def _own_urls(data: dict[str, Any]) -> set[str]:
    return {normalize_url(data[k]) for k in ("webUrl", "originalUrl") if isinstance(data.get(k), str)}


def _related(draw: Draw, doc: _Doc, minimum: int) -> list[dict[str, Any]]:
    related: list[dict[str, Any]] = doc.data.setdefault("related", [])
    seen = _own_urls(doc.data) | {normalize_url(r["webUrl"]) for r in related}
    while len(related) < minimum:
        item = draw(_RELATED)
        n = len(related)
        while normalize_url(item["webUrl"]) in seen:
            n += 1
            item["webUrl"] = f"https://related.example/{n}"
        seen.add(normalize_url(item["webUrl"]))
        related.append(item)
    return related


def _ak601(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    related = _related(draw, doc, 1)
    i = draw(st.integers(0, len(related) - 1))
    related[i]["related"] = [draw(_RELATED)]
    return _at(draw, doc, ("related", i, "related"), key=True)


def _ak602(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    related = _related(draw, doc, 1)
    i = draw(st.integers(0, len(related) - 1))
    related[i]["secured"] = str(draw(_SECURED_VALUE))
    return _at(draw, doc, ("related", i, "secured"), key=True)


def _ak603(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    related = _related(draw, doc, 1)
    i = draw(st.integers(0, len(related) - 1))
    own = draw(st.sampled_from([doc.data[k] for k in ("webUrl", "originalUrl") if k in doc.data]))
    if draw(st.booleans()):
        scheme, rest = own.split("://", 1)
        host, _, path = rest.partition("/")
        own = f"{scheme.upper()}://{host.upper()}/{path}"
    related[i]["webUrl"] = own
    return _at(draw, doc, ("related", i, "webUrl"))


def _ak604(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    related = _related(draw, doc, 2)
    j = draw(st.integers(1, len(related) - 1))
    i = draw(st.integers(0, j - 1))
    related[j]["webUrl"] = related[i]["webUrl"]
    return _at(draw, doc, ("related", j, "webUrl"))


def _ak605(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    count = draw(st.integers(21, 24))
    host = draw(_DOMAIN)
    doc.data["related"] = [
        {"title": f"Related {n}", "webUrl": f"https://{host}/related/{n}"} for n in range(count)
    ]
    if _own_urls(doc.data) & {normalize_url(r["webUrl"]) for r in doc.data["related"]}:
        doc.data["webUrl"] = f"https://{host}/self"
        doc.data.pop("originalUrl", None)
    return _at(draw, doc, ("related",), key=True)


# -- URLs, hosts (AK7xx) -------------------------------------------------------------------------

_BAD_URLS = (
    "www.example.com/a",
    "ftp://example.com/a",
    "https:///a",
    "example.com",
    "https://exa mple.com/a",
    "mailto:someone@example.com",
    "https://-bad-.com/a",
    "http//example.com/a",
)


def _ak701(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article, Video, Course, Collection, Download, Forum))
    keys = ("webUrl", "originalUrl", "ampWebUrl", "cdnAmpWebUrl")
    found = [p for p in _paths(doc.data, lambda p, v: p[-1] in keys) if len(p) == 1 or p[0] == "related"]
    if not found:
        doc.data["webUrl"] = draw(_URL)
        found = [("webUrl",)]
    path = draw(st.sampled_from(found))
    _set(doc.data, path, draw(st.sampled_from(_BAD_URLS)))
    return _at(draw, doc, path)


def _ak702(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    doc.data.pop("webUrl", None)
    doc.data.pop("originalUrl", None)
    return _join(doc, _render(draw, doc).lines), 2


def _ak703(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    if "cdnAmpWebUrl" not in doc.data:
        doc.data["cdnAmpWebUrl"] = draw(_AMP_PAIR)[1]
    doc.data.pop("ampWebUrl", None)
    return _at(draw, doc, ("cdnAmpWebUrl",))


def _ak704(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    amp = doc.data.setdefault("ampWebUrl", draw(_URL))
    expected = amp_cache_url(str(amp))
    assert expected is not None
    how = draw(st.sampled_from(["path", "prefix", "host"]))
    if how == "path":
        wrong = expected.rstrip("/") + "/x"
    elif how == "prefix":
        wrong = (
            expected.replace("/c/s/", "/c/", 1)
            if "/c/s/" in expected
            else expected.replace("/c/", "/c/s/", 1)
        )
    else:
        wrong = expected.replace(".cdn.ampproject.org", "-x.cdn.ampproject.org", 1)
    doc.data["cdnAmpWebUrl"] = wrong
    return _at(draw, doc, ("cdnAmpWebUrl",))


_BAD_HOSTS = (
    "https://example.com/",
    "example.com/news",
    "exa mple.com",
    "example..com",
    "-example.com",
    "example.com:8080",
    "user@example.com",
    ".example.com",
)


def _ak705(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, _PROVIDED)
    key = "affiliation" if doc.kind is Profile else "provider"
    _ensure(draw, doc.data, key, _PROVIDER)
    owners = list(_paths(doc.data, lambda p, v: p[-1] in ("provider", "affiliation") and isinstance(v, dict)))
    path = draw(st.sampled_from(owners))
    _get(doc.data, path)["domain"] = draw(st.sampled_from(_BAD_HOSTS))
    return _at(draw, doc, (*path, "domain"))


# -- dates, text (AK8xx) -------------------------------------------------------------------------


def _ak801(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    path = draw(st.sampled_from(_date_paths(doc)))
    when = _get(doc.data, path)
    forms = [
        double_quoted(f"{when:%Y-%m-%dT%H:%M:%S}+00:00"),
        double_quoted(f"{when:%Y-%m-%dT%H:%M:%S}.000Z"),
        f"{when:%Y-%m-%dT%H:%M}+00:00",
        f"'{when:%Y-%m-%d %H:%M:%S}Z'",
    ]
    _set(doc.data, path, Raw(draw(st.sampled_from(forms))))
    return _at(draw, doc, path)


def _ak802(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    path = draw(st.sampled_from(_date_paths(doc)))
    year = draw(st.integers(2100, 2999))
    _set(
        doc.data, path, Raw(f"{year}-{draw(st.integers(1, 12)):02d}-{draw(st.integers(1, 28)):02d}T00:00:00Z")
    )
    return _at(draw, doc, path)


def _ak851(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, _TITLED)
    found = [
        p
        for p in _paths(doc.data, lambda p, v: p[-1] == "title")
        if len(p) == 1 or (p[:1] == ("related",) and len(p) == 3)
    ]
    path = draw(st.sampled_from(found))
    first = draw(_TITLE_TEXT)
    rest = draw(st.sampled_from(["", "second line", "\n"]))
    _set(doc.data, path, Raw(double_quoted(first + "\n" + rest)))
    return _at(draw, doc, path)


def _topics(draw: Draw, doc: _Doc, minimum: int) -> list[str]:
    topics: list[str] = doc.data.setdefault("topics", [])
    if len(topics) < minimum:
        seen = {t.strip().casefold() for t in topics}
        topic = draw(st.sampled_from(["AI", "Power Apps", "Cloud", "Data"]))
        n = 0
        while topic.casefold() in seen:
            n += 1
            topic = f"Topic {n}"
        topics.append(topic)
    return topics


def _ak852(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, _TOPICAL)
    topics = _topics(draw, doc, 0)
    i = draw(st.integers(0, len(topics)))
    topics.insert(i, draw(st.sampled_from(["", " ", "   "])))
    return _at(draw, doc, ("topics", i))


def _ak853(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, _TOPICAL)
    topics = _topics(draw, doc, 1)
    i = draw(st.integers(0, len(topics) - 1))
    j = draw(st.integers(i + 1, len(topics)))
    copy = topics[i]
    copy = draw(st.sampled_from([copy, f" {copy}", f"{copy} "]))
    topics.insert(j, copy)
    return _at(draw, doc, ("topics", j))


def _ak854(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    doc.data["category"] = "news"
    bad = draw(st.sampled_from(["podcast", "blog", "Article", "VIDEO", "course", "news"]))
    related = doc.data.get("related")
    if related and draw(st.booleans()):
        i = draw(st.integers(0, len(related) - 1))
        related[i]["type"] = bad
        return _at(draw, doc, ("related", i, "type"))
    doc.data["type"] = bad
    return _at(draw, doc, ("type",))


def _ak855(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Article,))
    doc.data["category"] = draw(st.sampled_from(["blog", "News", "sports", "tech", ""]))
    return _at(draw, doc, ("category",))
