"""Generators of problems in other kinds of document (AK9xx)."""

from __future__ import annotations

from hypothesis import strategies as st

from ...models import (
    Collection,
    Course,
    Download,
    Organization,
    Profile,
    Video,
)
from ...rules.kind_levels import KNOWN_LEVELS
from .._render import Raw, double_quoted
from ._base import _ACTION, _HANDLE, _SLUG, Draw, _at, _doc, _join, _render
from ._rules import _BAD_HOSTS

# -- other kinds (AK9xx) -----------------------------------------------------------------------


def _ak901(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw)
    how = draw(st.sampled_from(["type", "category", "taxonomy"]))
    for key in ("type", "category", "taxonomy"):
        doc.data.pop(key, None)
    doc.data[how] = draw(
        st.sampled_from(
            {
                "type": ["podcast", "Video", "news", "event"],
                "category": ["blog", "News", "sports"],
                "taxonomy": ["person", "Organization", "topic"],
            }[how]
        )
    )
    return _join(doc, _render(draw, doc).lines), 2


_BAD_LENGTHS = ("13:34", "13 min", "pt13m34s", "PT", "P", "PT1.5H30M", "1 hour", "PT13M34")


def _ak902(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Video, Course, Collection))
    doc.data["length"] = Raw(double_quoted(draw(st.sampled_from(_BAD_LENGTHS))))
    return _at(draw, doc, ("length",))


def _ak903(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Course, Collection))
    levels: list[str] = doc.data.setdefault("levels", [])
    i = draw(st.integers(0, len(levels)))
    bad = draw(st.sampled_from(["Expert", "beginner", "All levels", "ADVANCED", "Beginner "]))
    assert bad not in KNOWN_LEVELS
    levels.insert(i, bad)
    return _at(draw, doc, ("levels", i))


_BAD_ITEMS = (
    "/videos/intro",
    "videos/intro.md",
    "https://example.com/videos/intro",
    "videos",
    "Videos/intro",
    "videos/intro/",
    "videos/a b",
    "videos/a/b",
    "",
)


def _ak904(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Collection,))
    items: list[str] = doc.data["items"]
    i = draw(st.integers(0, len(items) - 1))
    bad = draw(st.sampled_from(_BAD_ITEMS))
    items[i] = bad
    return _at(draw, doc, ("items", i))


def _ak905(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Collection,))
    items: list[str] = doc.data["items"]
    i = draw(st.integers(0, len(items) - 1))
    j = draw(st.integers(i + 1, len(items)))
    items.insert(j, items[i])
    return _at(draw, doc, ("items", j))


def _ak906(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Profile,))
    handle = draw(_HANDLE)
    if draw(st.booleans()):
        other = draw(_HANDLE.filter(lambda h: h.lower() != handle.lower()))
        doc.data["twitter"] = {"username": handle, "url": f"https://twitter.com/{other}"}
        return _at(draw, doc, ("twitter", "url"))
    bad = draw(st.sampled_from([f"@{handle}", handle + "!", "x" * 16]))
    doc.data["twitter"] = {"username": bad}
    return _at(draw, doc, ("twitter", "username"))


def _ak907(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Profile,))
    slug = draw(_SLUG)
    bad = draw(
        st.sampled_from(
            [
                f"https://www.example.com/in/{slug}",
                "https://www.linkedin.com/",
                f"linkedin.com/in/{slug}",
                f"https://linkedin.com.evil.example/in/{slug}",
            ]
        )
    )
    doc.data["linkedin"] = {"url": bad}
    return _at(draw, doc, ("linkedin", "url"))


def _ak908(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Organization,))
    domain = doc.data["domain"]
    doc.data["_id"] = draw(
        st.sampled_from([f"www.{domain}", domain.upper(), domain.split(".")[0] + "-id", "x" + domain])
    )
    return _at(draw, doc, ("_id",))


def _ak909(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Download, Profile))
    bad = draw(
        st.sampled_from(["files/app.msapp", "ftp://example.com/app.msapp", "www.example.com", "https:///x"])
    )
    if doc.kind is Profile:
        doc.data["website"] = bad
        return _at(draw, doc, ("website",))
    acts = doc.data.setdefault("actions", [])
    if not acts:
        acts.append(draw(_ACTION))
    i = draw(st.integers(0, len(acts) - 1))
    acts[i]["url"] = bad
    return _at(draw, doc, ("actions", i, "url"))


def _ak910(draw: Draw) -> tuple[str, int]:
    doc = _doc(draw, (Organization,))
    bad = draw(st.sampled_from(_BAD_HOSTS))
    doc.data["domain"] = doc.data["_id"] = bad
    return _at(draw, doc, ("domain",))
