"""An image `url` must be an absolute http(s) URL with a host, or a site-relative path starting with `/`.

The rule of AK402 `image-url`; the codes' documentation, with a passing and a failing
example, is in the catalogue (`articlekit/codes/AK4xx.md`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..issues import CODES, Issue, KeyPath, format_path
from . import Context, rule
from ._common import _IMAGE_PROBLEM_CACHE, NOT_PLAIN, UNSEEN, plain_image_url, remember, shorten, url_problem

__all__ = ["IMAGE_URL", "RULE", "image_url_problem"]

IMAGE_URL = CODES["AK402"]

_UNPRINTABLE = re.compile(r"[\s\x00-\x1f\x7f]")  # str.isspace(), C0 controls and DEL
_PROBLEM_CACHE = _IMAGE_PROBLEM_CACHE  # image_url_problem() of recent URLs (a memo that image-size fills too)


def image_url_problem(url: str) -> str | None:
    """Why ``url`` is not a valid image URL, or ``None`` when it is.

    >>> image_url_problem("/assets/logo.png") is None
    True
    >>> image_url_problem("//cdn.example.com/logo.png")
    'a protocol-relative URL: start it with https:'
    """
    problem = _PROBLEM_CACHE.get(url, UNSEEN)
    if problem is UNSEEN:
        problem = _first_problem(url)
    return problem


def _first_problem(url: str) -> str | None:
    """`image_url_problem(url)` worked out and remembered (with the image-size verdict, for a URL of a
    common shape: `plain_image_url`)."""
    if plain_image_url(url) is NOT_PLAIN:
        return remember(_PROBLEM_CACHE, url, _image_url_problem(url))
    return None


def _image_url_problem(url: str) -> str | None:
    """`image_url_problem` without its memo."""
    if url.startswith("//"):
        return "a protocol-relative URL: start it with https:"
    if url.startswith("/"):
        if _UNPRINTABLE.search(url) is not None:
            return "it contains whitespace or control characters"
        return None
    problem = url_problem(url)
    if problem == "it has no scheme (start it with https://)":
        return "it is neither an absolute http(s) URL nor a site path starting with '/'"
    return problem


def _check(ctx: Context) -> Sequence[Issue]:
    index = ctx.prebuilt_index
    images = (index if index is not None else ctx.index).images  # as find_images() gives them
    problems = _PROBLEM_CACHE
    for _, image in images:
        url = image.get("url")
        if not isinstance(url, str):
            continue
        problem = problems.get(url, UNSEEN)  # image_url_problem(url), without the call when it is known
        if problem is UNSEEN:
            problem = _first_problem(url)
        if problem is not None:
            return _issues(ctx, images)
    return ()


def _issues(ctx: Context, images: list[tuple[KeyPath, dict[str, Any]]]) -> list[Issue]:
    """The rule's issues, every image read again."""
    found: list[Issue] = []
    for path, image in images:
        url = image.get("url")
        if not isinstance(url, str):
            continue
        problem = image_url_problem(url)
        if problem is not None:
            found.append(
                ctx.issue(
                    IMAGE_URL,
                    f"'url' in {format_path(path)} must be an absolute http(s) URL or a path "
                    f"starting with '/', not {shorten(url)!r}: {problem}",
                    path + ("url",),
                )
            )
    return found


RULE = rule(IMAGE_URL, keys=frozenset({"images"}), name="image-url")(_check)
